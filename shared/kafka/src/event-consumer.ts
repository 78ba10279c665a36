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
  /**
   * How long one message may be retried in place (with backoff) when its handler fails with a
   * retryable error (a busy lock, a database or Redis blip) before kafkajs takes over the retrying
   * (default 30 s). Either way the message is retried, never dead-lettered.
   */
  retryInPlaceMs?: number;
}

/**
 * Consumes ticket events for one consumer group. A message that fails its schema, or whose
 * handler throws a non-retryable AppError, goes to the dead-letter topic with the reason and is
 * skipped, so one bad message never blocks its partition: the dead-letter topic is for messages
 * that can never succeed. Any other failure is transient (a busy lock, a database that is
 * restarting): the message is retried in place with growing pauses, then left to kafkajs, which
 * retries it too (at-least-once: handlers are idempotent by ticket version). It is never skipped.
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
      // Hand messages over as soon as they arrive rather than waiting to fill a batch; an idle
      // consumer asks again every 100 ms.
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
      // Offsets are committed once a second rather than after every batch: a crash redelivers at
      // most a second of events, which every handler takes idempotently.
      autoCommitInterval: 1000,
      eachMessage: async ({ topic, partition, message, heartbeat }) =>
        this.onMessage(topic, partition, message, heartbeat),
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

  private async onMessage(
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message.value?.toString('utf8') ?? '');
    } catch {
      return this.deadLetter(topic, partition, message, 'value is not JSON');
    }
    const check = checkEnvelope(parsed);
    if (!check.ok) return this.deadLetter(topic, partition, message, check.reason);
    const envelope = check.envelope;
    const giveUpAt = Date.now() + (this.options.retryInPlaceMs ?? 30000);
    for (let attempt = 1; ; attempt++) {
      try {
        await this.options.handle(envelope);
        return;
      } catch (error) {
        if (isAppError(error) && !error.retryable) {
          return this.deadLetter(topic, partition, message, `${error.code}: ${error.message}`);
        }
        const pause = retryPause(attempt);
        if (!this.running || Date.now() + pause > giveUpAt) {
          this.log.warn(
            { err: error, eventId: envelope.eventId, ticketId: envelope.ticketId, attempt },
            'handler still failing; Kafka will retry the message',
          );
          throw error;
        }
        this.log.debug(
          { err: String(error), eventId: envelope.eventId, ticketId: envelope.ticketId, attempt },
          'handler failed; retrying',
        );
        await new Promise((resolve) => setTimeout(resolve, pause));
        // Retrying in place must not look like a dead consumer to the group.
        await heartbeat().catch(() => undefined);
      }
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

/** Exponential backoff with jitter: about 50 ms, 100 ms, 200 ms … capped at 5 s. */
function retryPause(attempt: number): number {
  const base = Math.min(5000, 50 * 2 ** (attempt - 1));
  return base / 2 + Math.random() * (base / 2);
}
