export * from './redis-connection';
export * from './typed-queues';
