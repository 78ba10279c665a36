/** Webhooks: who receives an event, what its body carries, and how failed deliveries are retried. */

export * from './webhook-audience';
export * from './webhook-payload';
export * from './webhook-retry';
