import { type Topic, topicName } from '@grid-dispatch/contracts';
import { createKafkaClient } from '@grid-dispatch/kafka';
import { createLogger } from '@grid-dispatch/logger';
import type { Consumer } from 'kafkajs';

/** A message as the tap's check reads it: the typed value, or why it is not one. */
export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Reads one of a test's topics from the beginning (a group of its own), keeping every raw value
 * as sent and the messages that pass `check`; the others' reasons go to `invalid`.
 */
export class TopicTap<T> {
  readonly raw: string[] = [];
  readonly messages: T[] = [];
  readonly invalid: string[] = [];
  private consumer: Consumer | null = null;

  constructor(
    private readonly brokers: string[],
    private readonly prefix: string,
    private readonly topic: Topic,
    private readonly check: (value: unknown) => Checked<T>,
  ) {}

  async start(): Promise<void> {
    const kafka = createKafkaClient({
      brokers: this.brokers,
      clientId: `test-tap-${this.topic}`,
      logger: createLogger({ level: 'error' }),
    });
    this.consumer = kafka.consumer({ groupId: `${this.prefix}test-tap-${this.topic}`, maxWaitTimeInMs: 100 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: topicName(this.prefix, this.topic), fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ message }) => {
        const text = message.value?.toString() ?? 'null';
        this.raw.push(text);
        let value: unknown = null;
        try {
          value = JSON.parse(text);
        } catch {
          this.invalid.push('not JSON');
          return;
        }
        const checked = this.check(value);
        if (checked.ok) this.messages.push(checked.value);
        else this.invalid.push(checked.reason);
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
