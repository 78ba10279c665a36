export * from './planned-works-jobs';
export * from './typed-queues';
export * from './webhook-jobs';
