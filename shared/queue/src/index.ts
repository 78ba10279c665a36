export * from './planned-works-jobs';
export * from './redis-connection';
export * from './typed-queues';
export * from './webhook-jobs';
