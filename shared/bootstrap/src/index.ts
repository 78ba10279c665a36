export * from './demo-areas';
export * from './demo-reference';
export * from './seed';
