export * from './demo-areas';
export * from './demo-committee';
export * from './demo-reference';
export * from './seed';
