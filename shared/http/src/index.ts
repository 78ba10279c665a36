export * from './http-app';
export * from './listen';
export * from './request-validation';
export * from './staff-auth.middleware';
