export * from './health';
export * from './platform';
export * from './run-main';
