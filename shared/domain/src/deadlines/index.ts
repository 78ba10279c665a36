export * from './deadline-for';
