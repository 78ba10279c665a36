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
  /**
   * Called once per valid event, in partition order. A non-retryable AppError dead-letters the
   * message; any other failure has it retried in place until it succeeds.
   */
  handle: (envelope: EventEnvelope) => Promise<void>;
  /** Start from the earliest offset when the group has none (default true: nothing is missed). */
  fromBeginning?: boolean;
  /** How many partitions to work on at once (default 6). */
  partitionsConcurrently?: number;
}

/** A handler failing for this long says so at warn level (then again each time as long). */
const STILL_FAILING_WARN_EVERY_MS = 30000;

/**
 * How long the broker waits, once a rebalance begins, for the members it knows to join again, and
 * once the join is done, for each to send its SyncGroup; a member that has not is dropped then.
 * An instance killed with kill -9 never leaves its group: a new instance's join waits for it to be
 * dropped, and one killed while it joined can be the leader that every other member's SyncGroup
 * waits for. Short, then, so that a restart serves again within seconds; and below kafkajs's
 * request timeout (10 s, kafka-client.ts), for a SyncGroup that times out makes kafkajs join
 * again under a new member id, leaving one more member behind to wait for. A member that is
 * alive learns of a rebalance from its next heartbeat and joins again in time, unless a handler
 * holds it longer: it is then dropped, and joins again as a new member.
 */
export const REBALANCE_TIMEOUT_MS = 8000;
/**
 * How long the broker keeps a member that sends no heartbeat while the group is stable (kafkajs
 * sends one between messages, and while a handler retries in place). Long enough for a handler
 * that waits on a server through its restart (Redis commands wait until it is back).
 */
const SESSION_TIMEOUT_MS = 30000;
const HEARTBEAT_INTERVAL_MS = 3000;
/**
 * How long a start waits to join its group before it gives up: far beyond the few rebalance
 * timeouts a join takes when killed instances are still members, so that a restart never gives
 * up on a join that would have come (and, restarted, waits for the member it left behind).
 */
export const JOIN_TIMEOUT_MS = 120000;
/**
 * How long the broker holds a fetch that finds nothing new. It answers as soon as one message
 * arrives (kafkajs asks for at least 1 byte), so this costs no latency; it only sets how often an
 * idle consumer asks again. At 100 ms the consumers of an idle system kept the broker at ~12 % of
 * a core and the process at ~9 %; at 1 s, 3 % and 6 %. Stopping waits for the fetch in flight, so
 * it is kept short of kafkajs's 5 s default.
 */
export const IDLE_FETCH_WAIT_MS = 1000;
const JOIN_PROGRESS_EVERY_MS = 10000;

/** The group membership timeouts above, for a service's other consumers of its own groups. */
export const GROUP_MEMBER_TIMEOUTS = {
  sessionTimeout: SESSION_TIMEOUT_MS,
  rebalanceTimeout: REBALANCE_TIMEOUT_MS,
  heartbeatInterval: HEARTBEAT_INTERVAL_MS,
} as const;

/**
 * Consumes ticket events for one consumer group. A message that fails its schema, or whose
 * handler throws a non-retryable AppError, goes to the dead-letter topic with the reason and is
 * skipped, so one bad message never blocks its partition: the dead-letter topic is for messages
 * that can never succeed. Any other failure is transient (a busy lock, a database that is
 * restarting): the message is retried in place with growing pauses, heartbeating between tries,
 * until it succeeds, the consumer stops, or the group rebalances (kafkajs then joins again and the
 * message is delivered again: at-least-once, handlers are idempotent by ticket version). It is
 * never skipped, and never thrown to kafkajs as a failure: kafkajs answers that by restarting its
 * fetching for every partition, up to five times, and each delivery would wait its turn again — a
 * stall of minutes after a Redis restart that kept a crashed handler's lock for its 30 s.
 */
export class EventConsumer {
  private readonly consumer: Consumer;
  private readonly dlqProducer: Producer;
  private readonly log: Logger;
  private running = false;
  /** start() was called: there is a connection to close and maybe a group to leave. */
  private started = false;

  constructor(private readonly options: EventConsumerOptions) {
    this.consumer = options.kafka.consumer({
      groupId: options.groupId,
      ...GROUP_MEMBER_TIMEOUTS,
      maxWaitTimeInMs: IDLE_FETCH_WAIT_MS,
      retry: {
        // kafkajs's own default for consumers.
        retries: 5,
        // kafkajs restarts a crashed consumer under a new member id; once stopped (a start that
        // failed, a shutdown) it must not, or it would join again behind our back.
        restartOnFailure: async () => this.running,
      },
    });
    this.dlqProducer = options.kafka.producer({ allowAutoTopicCreation: false });
    this.log = options.logger.child({ module: 'event-consumer', group: options.groupId });
  }

  async start(): Promise<void> {
    this.started = true;
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

  /**
   * Starts consuming and resolves once the group is joined and partitions are assigned. A start
   * that fails (not joined within `timeoutMs`, or kafkajs gave up) stops the consumer before it
   * throws: a member that has joined leaves the group, so the next start does not wait for the
   * broker to drop it, and kafkajs does not go on joining in the background.
   */
  async startJoined(timeoutMs = JOIN_TIMEOUT_MS): Promise<void> {
    const joined = this.whenJoined(timeoutMs);
    const starting = this.start();
    try {
      // kafkajs's run() itself waits for the join: whichever fails first ends the start.
      await Promise.all([starting, joined]);
    } catch (error) {
      starting.catch(() => undefined);
      joined.catch(() => undefined);
      await this.stop().catch((err) =>
        this.log.warn({ err: String(err) }, 'could not stop the consumer after a failed start'),
      );
      throw error;
    }
  }

  /**
   * Resolves once the group has been joined and partitions assigned (useful before producing in
   * tests). A new instance of a service that was killed waits until the broker drops the killed
   * one, and any member that a start killed while it joined left behind: so this waits well beyond
   * that by default, logging its progress, and gives up early only when kafkajs does.
   */
  whenJoined(timeoutMs = JOIN_TIMEOUT_MS): Promise<void> {
    const t0 = Date.now();
    return new Promise((resolve, reject) => {
      const removers: Array<() => void> = [];
      const done = (error?: Error) => {
        clearTimeout(timer);
        clearInterval(progress);
        for (const remove of removers) remove();
        if (error) reject(error);
        else resolve();
      };
      const timer = setTimeout(
        () => done(new Error(`group ${this.options.groupId} not joined in ${timeoutMs} ms`)),
        timeoutMs,
      );
      const progress = setInterval(
        () =>
          this.log.info(
            { waitedMs: Date.now() - t0, rebalanceTimeoutMs: REBALANCE_TIMEOUT_MS, giveUpAfterMs: timeoutMs },
            'still joining the consumer group: members that vanished without leaving (a killed instance) hold each rebalance until the broker drops them',
          ),
        JOIN_PROGRESS_EVERY_MS,
      );
      removers.push(
        this.consumer.on(this.consumer.events.GROUP_JOIN, (event) => {
          const waitedMs = Date.now() - t0;
          if (waitedMs >= JOIN_PROGRESS_EVERY_MS)
            this.log.info({ waitedMs, memberId: event.payload.memberId }, 'consumer group joined');
          done();
        }),
        this.consumer.on(this.consumer.events.CRASH, (event) => {
          const message = event.payload.error?.message ?? String(event.payload.error);
          if (event.payload.restart) {
            this.log.warn({ err: message }, 'consumer crashed while joining; kafkajs starts it again');
          } else {
            done(new Error(`group ${this.options.groupId} not joined: the consumer stopped (${message})`));
          }
        }),
      );
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
    const firstFailureAt = Date.now();
    let warnedAt = firstFailureAt;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.options.handle(envelope);
        if (attempt > 1)
          this.log.info(
            {
              eventId: envelope.eventId,
              ticketId: envelope.ticketId,
              attempt,
              failingForMs: Date.now() - firstFailureAt,
            },
            'handler succeeded after retrying',
          );
        return;
      } catch (error) {
        if (isAppError(error) && !error.retryable) {
          return this.deadLetter(topic, partition, message, `${error.code}: ${error.message}`);
        }
        if (!this.running) throw error;
        const context = {
          err: String(error),
          eventId: envelope.eventId,
          ticketId: envelope.ticketId,
          attempt,
        };
        if (Date.now() - warnedAt >= STILL_FAILING_WARN_EVERY_MS) {
          warnedAt = Date.now();
          this.log.warn(
            { ...context, failingForMs: warnedAt - firstFailureAt },
            'handler still failing; retrying in place until it succeeds',
          );
        } else {
          this.log.debug(context, 'handler failed; retrying');
        }
        await new Promise((resolve) => setTimeout(resolve, retryPause(attempt)));
        // Retrying in place must not look like a dead consumer to the group. A rebalance ends the
        // retrying: kafkajs joins again, and whoever is given the partition gets the message.
        await heartbeat().catch((heartbeatError: unknown) => {
          if (endsMembership(heartbeatError)) throw heartbeatError;
        });
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

  /** Leaves the group (when joined) and disconnects; also after a start that failed half-way. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    this.running = false;
    await this.consumer.disconnect();
    await this.dlqProducer.disconnect();
  }
}

/** A heartbeat error after which this member must join again (kafkajs does, when thrown to it). */
function endsMembership(error: unknown): boolean {
  const type = (error as { type?: unknown } | null)?.type;
  return (
    type === 'REBALANCE_IN_PROGRESS' ||
    type === 'NOT_COORDINATOR_FOR_GROUP' ||
    type === 'ILLEGAL_GENERATION' ||
    type === 'UNKNOWN_MEMBER_ID'
  );
}

/** Exponential backoff with jitter: about 50 ms, 100 ms, 200 ms … capped at 5 s. */
function retryPause(attempt: number): number {
  const base = Math.min(5000, 50 * 2 ** (attempt - 1));
  return base / 2 + Math.random() * (base / 2);
}
