import { checkEnvelope, type EventEnvelope, Topic, topicName } from '@grid-dispatch/contracts';
import { AppError } from '@grid-dispatch/errors';
import { type Kafka, Partitioners, type Producer } from 'kafkajs';

/** Most messages sent in one produce request. */
const MAX_BATCH_MESSAGES = 500;

interface Queued {
  envelopes: readonly EventEnvelope[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Publishes ticket events keyed by ticket id (one ticket's events stay in one partition, in order).
 * Idempotent producer: a retried send does not duplicate a message within a session.
 *
 * The idempotent producer keeps one request in flight, so sends queue behind one another. Instead
 * of one request per call, calls made while a request is in flight are sent together in the next
 * one, in the order they were made (a group commit): under load many writers share one round trip
 * to the broker, and each caller still resolves only once its own events are acknowledged.
 */
export class EventProducer {
  private readonly producer: Producer;
  private connected = false;
  private readonly topic: string;
  private readonly queue: Queued[] = [];
  private sending = false;

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
    await new Promise<void>((resolve, reject) => {
      this.queue.push({ envelopes, resolve, reject });
      if (!this.sending) void this.sendQueued();
    });
  }

  /** Sends whatever is queued, a request at a time, until the queue is empty. */
  private async sendQueued(): Promise<void> {
    this.sending = true;
    while (this.queue.length > 0) {
      const batch: Queued[] = [];
      let messages = 0;
      while (this.queue.length > 0 && (batch.length === 0 || messages < MAX_BATCH_MESSAGES)) {
        const next = this.queue.shift()!;
        batch.push(next);
        messages += next.envelopes.length;
      }
      try {
        await this.connect();
        await this.producer.send({
          topic: this.topic,
          acks: -1,
          messages: batch.flatMap((q) =>
            q.envelopes.map((e) => ({
              key: e.ticketId,
              value: JSON.stringify(e),
              headers: { 'event-type': e.type, 'event-id': e.eventId },
            })),
          ),
        });
        for (const q of batch) q.resolve();
      } catch (error) {
        for (const q of batch) q.reject(error);
      }
    }
    this.sending = false;
  }

  async disconnect(): Promise<void> {
    if (!this.connected) return;
    this.connected = false;
    await this.producer.disconnect();
  }
}
