export * from './planned-works-jobs';
export * from './queue-errors';
export * from './typed-queues';
export * from './webhook-jobs';
