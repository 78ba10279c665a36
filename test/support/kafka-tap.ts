import { checkEnvelope, type EventEnvelope, Topic, topicName } from '@grid-dispatch/contracts';
import { createKafkaClient } from '@grid-dispatch/kafka';
import { createLogger } from '@grid-dispatch/logger';
import type { Consumer } from 'kafkajs';

/** Reads a test's ticket-events topic from the beginning, keeping raw values and checked envelopes. */
export class KafkaTap {
  readonly raw: unknown[] = [];
  readonly envelopes: EventEnvelope[] = [];
  readonly invalid: string[] = [];
  private consumer: Consumer | null = null;

  constructor(
    private readonly brokers: string[],
    private readonly prefix: string,
  ) {}

  async start(): Promise<void> {
    const kafka = createKafkaClient({
      brokers: this.brokers,
      clientId: 'test-tap',
      logger: createLogger({ level: 'error' }),
    });
    this.consumer = kafka.consumer({ groupId: `${this.prefix}test-tap`, maxWaitTimeInMs: 100 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: topicName(this.prefix, Topic.TicketEvents), fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ message }) => {
        const value = JSON.parse(message.value?.toString() ?? 'null');
        this.raw.push(value);
        const check = checkEnvelope(value);
        if (check.ok) this.envelopes.push(check.envelope);
        else this.invalid.push(check.reason);
      },
    });
  }

  forTicket(ticketId: string): EventEnvelope[] {
    return this.envelopes.filter((e) => e.ticketId === ticketId);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
