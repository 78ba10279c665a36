export * from './kpi-entries';
export * from './kpi-event.types';
export * from './kpi-figures';
export * from './meeting-chair';
export * from './report-day';
export * from './ticket-fact';
export * from './unit-ranking';
