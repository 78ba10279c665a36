import { type CommitteeEvent, committeeEventSchema, Topic, topicName } from '@grid-dispatch/contracts';
import type { Logger } from '@grid-dispatch/logger';
import type { Kafka, Producer } from 'kafkajs';

/**
 * Sends committee events to the `committee-events` topic, keyed by community. The writes keep
 * each event in their document's outbox until this resolves `true`, so a failed send is retried
 * later, never lost; it is logged here and never rejects. The producer connects on first use.
 */
export class CommitteeEventPublisher {
  private readonly producer: Producer;
  private readonly topic: string;
  private connecting: Promise<void> | null = null;
  private closed = false;

  constructor(
    kafka: Kafka,
    prefix: string,
    private readonly logger: Logger,
  ) {
    this.producer = kafka.producer({
      allowAutoTopicCreation: false,
      idempotent: true,
      maxInFlightRequests: 1,
    });
    this.topic = topicName(prefix, Topic.CommitteeEvents);
  }

  /** Sends the events in order; `true` once the broker has them all. */
  async publish(events: readonly CommitteeEvent[]): Promise<boolean> {
    if (events.length === 0) return true;
    if (this.closed) return false;
    for (const event of events) committeeEventSchema.parse(event);
    try {
      this.connecting ??= this.producer.connect();
      await this.connecting;
      await this.producer.send({
        topic: this.topic,
        acks: -1,
        messages: events.map((e) => ({ key: e.communityId, value: JSON.stringify(e) })),
      });
      return true;
    } catch (error) {
      this.connecting = null;
      this.logger.warn(
        { events: events.map((e) => e.eventId), err: error instanceof Error ? error.message : String(error) },
        'committee events not sent yet; they stay in their outbox',
      );
      return false;
    }
  }

  async disconnect(): Promise<void> {
    this.closed = true;
    if (!this.connecting) return;
    this.connecting = null;
    await this.producer.disconnect().catch(() => undefined);
  }
}
