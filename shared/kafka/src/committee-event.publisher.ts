import { type CommitteeEvent, committeeEventSchema, Topic, topicName } from '@grid-dispatch/contracts';
import { AppError } from '@grid-dispatch/errors';
import type { Kafka, Producer } from 'kafkajs';

/**
 * Sends committee events to `committee-events`, keyed by the record's id (one record's events stay
 * in one partition, in order). Connects on first use. Resolves once the
 * broker has every event, so the outbox drops only what was acknowledged.
 */
export class CommitteeEventPublisher {
  private readonly producer: Producer;
  private readonly topic: string;
  private connecting: Promise<void> | null = null;

  constructor(kafka: Kafka, prefix: string) {
    // Not idempotent: a client without retries (a test of Kafka being away) must still start, and
    // consumers tell a repeated event by its eventId anyway. One request in flight keeps the order.
    this.producer = kafka.producer({
      idempotent: false,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
    });
    this.topic = topicName(prefix, Topic.CommitteeEvents);
  }

  async publish(events: readonly CommitteeEvent[]): Promise<void> {
    if (events.length === 0) return;
    for (const event of events) {
      const check = committeeEventSchema.safeParse(event);
      if (!check.success)
        throw new AppError(
          'INTERNAL',
          `refusing to publish an invalid committee event: ${check.error.message}`,
        );
    }
    try {
      this.connecting ??= this.producer.connect();
      await this.connecting;
    } catch (error) {
      this.connecting = null; // a fresh connection next time
      throw error;
    }
    await this.producer.send({
      topic: this.topic,
      acks: -1,
      messages: events.map((e) => ({
        key: e.entityId,
        value: JSON.stringify(e),
        headers: { 'event-type': e.type, 'event-id': e.eventId },
      })),
    });
  }

  async disconnect(): Promise<void> {
    if (!this.connecting) return;
    this.connecting = null;
    await this.producer.disconnect().catch(() => undefined);
  }
}
