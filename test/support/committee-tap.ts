import { type CommitteeEvent, committeeEventSchema, Topic, topicName } from '@grid-dispatch/contracts';
import { createKafkaClient } from '@grid-dispatch/kafka';
import { createLogger } from '@grid-dispatch/logger';
import type { Consumer } from 'kafkajs';
import { eventually } from './http-client';

/** Reads a test's committee-events topic from the beginning, keeping the raw values and the checked events. */
export class CommitteeTap {
  readonly raw: string[] = [];
  readonly events: CommitteeEvent[] = [];
  readonly invalid: string[] = [];
  private consumer: Consumer | null = null;

  constructor(
    private readonly brokers: string[],
    private readonly prefix: string,
  ) {}

  async start(): Promise<void> {
    const kafka = createKafkaClient({
      brokers: this.brokers,
      clientId: 'test-committee-tap',
      logger: createLogger({ level: 'error' }),
    });
    this.consumer = kafka.consumer({ groupId: `${this.prefix}test-committee-tap`, maxWaitTimeInMs: 100 });
    await this.consumer.connect();
    await this.consumer.subscribe({
      topic: topicName(this.prefix, Topic.CommitteeEvents),
      fromBeginning: true,
    });
    await this.consumer.run({
      eachMessage: async ({ message }) => {
        const text = message.value?.toString() ?? 'null';
        this.raw.push(text);
        const check = committeeEventSchema.safeParse(JSON.parse(text));
        if (check.success) this.events.push(check.data);
        else this.invalid.push(check.error.message);
      },
    });
  }

  /** The events of one record, waiting until one of `type` has arrived. */
  async waitFor(
    entityId: string,
    type: CommitteeEvent['type'],
    timeoutMs = 60000,
  ): Promise<CommitteeEvent[]> {
    return eventually(async () => {
      const mine = this.events.filter((e) => e.entityId === entityId);
      return mine.some((e) => e.type === type) ? mine : undefined;
    }, timeoutMs);
  }

  /** The first event that satisfies `predicate`, waiting for it to arrive. */
  async find(predicate: (event: CommitteeEvent) => boolean, timeoutMs = 60000): Promise<CommitteeEvent> {
    return eventually(async () => this.events.find(predicate), timeoutMs);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
