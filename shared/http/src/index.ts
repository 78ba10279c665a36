export * from './client-throttle';
export * from './http-app';
export * from './listen';
export * from './photo-reference';
export * from './public-url';
export * from './request-validation';
export * from './staff-auth.middleware';
