export * from './event-consumer';
export * from './event-producer';
export * from './kafka-client';
export * from './topic-setup';
