export * from './committee-tap';
export * from './fast-category';
export * from './http-client';
export * from './kafka-tap';
export * from './own-servers';
export * from './photo-fixtures';
export * from './reports';
export * from './test-system';
