export * from './lifecycle-bridge';
export * from './run-lifecycle';
