export * from './clock-shown';
export * from './deadline-changes';
export * from './deadline-for';
export * from './deadline-kind';
