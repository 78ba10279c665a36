export * from './staff-token';
