import { checkEnvelope, type EventEnvelope, Topic, topicName } from '@grid-dispatch/contracts';
import { AppError } from '@grid-dispatch/errors';
import { type Kafka, Partitioners, type Producer } from 'kafkajs';

/**
 * Publishes ticket events keyed by ticket id (one ticket's events stay in one partition, in order).
 * Idempotent producer: a retried send does not duplicate a message within a session.
 */
export class EventProducer {
  private readonly producer: Producer;
  private connected = false;
  private readonly topic: string;

  constructor(kafka: Kafka, prefix: string) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.topic = topicName(prefix, Topic.TicketEvents);
  }

  async connect(): Promise<void> {
    if (this.connected) return;
    await this.producer.connect();
    this.connected = true;
  }

  /** Sends envelopes in the given order; rejects an envelope that fails its schema before sending anything. */
  async publish(envelopes: readonly EventEnvelope[]): Promise<void> {
    if (envelopes.length === 0) return;
    for (const envelope of envelopes) {
      const check = checkEnvelope(envelope);
      if (!check.ok) throw new AppError('INTERNAL', `refusing to publish an invalid event: ${check.reason}`);
    }
    await this.connect();
    await this.producer.send({
      topic: this.topic,
      acks: -1,
      messages: envelopes.map((e) => ({
        key: e.ticketId,
        value: JSON.stringify(e),
        headers: { 'event-type': e.type, 'event-id': e.eventId },
      })),
    });
  }

  async disconnect(): Promise<void> {
    if (!this.connected) return;
    this.connected = false;
    await this.producer.disconnect();
  }
}
