export * from './deadline-changes';
export * from './deadline-for';
