import { checkEnvelope, type EventEnvelope, Topic, topicName } from '@grid-dispatch/contracts';
import { isAppError } from '@grid-dispatch/errors';
import type { Logger } from '@grid-dispatch/logger';
import type { Consumer, Kafka, KafkaMessage, Producer } from 'kafkajs';

export interface EventConsumerOptions {
  kafka: Kafka;
  /** Full consumer group name (already prefixed). */
  groupId: string;
  topicPrefix: string;
  logger: Logger;
  /** Called once per valid event, in partition order. Throw to have Kafka retry the message. */
  handle: (envelope: EventEnvelope) => Promise<void>;
  /** Start from the earliest offset when the group has none (default true: nothing is missed). */
  fromBeginning?: boolean;
  /** How many partitions to work on at once (default 6). */
  partitionsConcurrently?: number;
}

/**
 * Consumes ticket events for one consumer group. A message that fails its schema, or whose
 * handler throws a non-retryable AppError, goes to the dead-letter topic with the reason and is
 * skipped, so one bad message never blocks its partition. Any other error is left to kafkajs,
 * which retries the message (at-least-once: handlers are idempotent by ticket version).
 */
export class EventConsumer {
  private readonly consumer: Consumer;
  private readonly dlqProducer: Producer;
  private readonly log: Logger;
  private running = false;

  constructor(private readonly options: EventConsumerOptions) {
    this.consumer = options.kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: 30000,
      heartbeatInterval: 3000,
      // Hand messages over as soon as they arrive rather than waiting to fill a batch.
      maxWaitTimeInMs: 100,
    });
    this.dlqProducer = options.kafka.producer({ allowAutoTopicCreation: false });
    this.log = options.logger.child({ module: 'event-consumer', group: options.groupId });
  }

  async start(): Promise<void> {
    await this.dlqProducer.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({
      topic: topicName(this.options.topicPrefix, Topic.TicketEvents),
      fromBeginning: this.options.fromBeginning ?? true,
    });
    this.running = true;
    await this.consumer.run({
      // Partitions are handled side by side; within one partition (so within one ticket) in order.
      partitionsConsumedConcurrently: this.options.partitionsConcurrently ?? 6,
      eachMessage: async ({ topic, partition, message }) => this.onMessage(topic, partition, message),
    });
  }

  /** Resolves once the group has been joined and partitions assigned (useful before producing in tests). */
  whenJoined(timeoutMs = 30000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`group ${this.options.groupId} not joined in ${timeoutMs} ms`)),
        timeoutMs,
      );
      const remove = this.consumer.on(this.consumer.events.GROUP_JOIN, () => {
        clearTimeout(timer);
        remove();
        resolve();
      });
    });
  }

  private async onMessage(topic: string, partition: number, message: KafkaMessage): Promise<void> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message.value?.toString('utf8') ?? '');
    } catch {
      return this.deadLetter(topic, partition, message, 'value is not JSON');
    }
    const check = checkEnvelope(parsed);
    if (!check.ok) return this.deadLetter(topic, partition, message, check.reason);
    try {
      await this.options.handle(check.envelope);
    } catch (error) {
      if (isAppError(error) && !error.retryable) {
        return this.deadLetter(topic, partition, message, `${error.code}: ${error.message}`);
      }
      this.log.warn(
        { err: error, eventId: check.envelope.eventId, ticketId: check.envelope.ticketId },
        'handler failed; Kafka will retry',
      );
      throw error;
    }
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    reason: string,
  ): Promise<void> {
    this.log.warn(
      { topic, partition, offset: message.offset, reason },
      'message sent to the dead-letter topic',
    );
    await this.dlqProducer.send({
      topic: topicName(this.options.topicPrefix, Topic.TicketEventsDeadLetter),
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            'dlq-reason': reason.slice(0, 1000),
            'dlq-source': `${topic}/${partition}/${message.offset}`,
            'dlq-group': this.options.groupId,
          },
        },
      ],
    });
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.consumer.disconnect();
    await this.dlqProducer.disconnect();
  }
}
