export * from './event-envelope.schema';
export * from './http-api.schema';
export * from './live-events';
export * from './queues';
export * from './ticket-events.schema';
export * from './ticket-summary.schema';
export * from './topics';
export * from './webhooks';
