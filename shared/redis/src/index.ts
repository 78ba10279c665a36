export * from './kpi-stamps';
export * from './open-ticket-map';
export * from './outbox-index';
export * from './redis-connection';
export * from './reference-stamp';
export * from './stamped-cache';
export * from './ticket-lock';
