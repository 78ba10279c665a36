export * from './event-consumer';
export * from './event-producer';
export * from './kafka-client';
export * from './reference-data.publisher';
export * from './reference-data.subscriber';
export * from './topic-setup';
