export * from './config';
export * from './system';
