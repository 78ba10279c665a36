import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Topic, topicName } from '@grid-dispatch/contracts';
import type { Logger } from '@grid-dispatch/logger';
import type { Consumer, Kafka } from 'kafkajs';
import { IDLE_FETCH_WAIT_MS } from './event-consumer';
import type { ReferenceDataAnnouncement } from './reference-data.publisher';

/**
 * Listens to the `reference-data` topic so that a process holding reference data in memory (the
 * working calendars) drops it when an administrator changes it.
 *
 * Every replica must see every announcement, so each process is its own consumer group (a unique
 * group id), starts at the newest offset and commits nothing — the group vanishes with the
 * process. Whatever was announced before the group joined is covered by `onChange(null)` on every
 * join ("forget everything"), so no change falls between reading the database and listening.
 */
export class ReferenceDataSubscriber {
  private readonly consumer: Consumer;
  private starting: Promise<void> | null = null;
  private stopped = false;

  constructor(
    kafka: Kafka,
    private readonly prefix: string,
    private readonly logger: Logger,
    private readonly onChange: (announcement: ReferenceDataAnnouncement | null) => void,
  ) {
    const groupId = `${prefix}reference-data-watch.${hostname()}.${process.pid}.${randomBytes(3).toString('hex')}`;
    this.consumer = kafka.consumer({
      groupId,
      maxWaitTimeInMs: IDLE_FETCH_WAIT_MS,
      allowAutoTopicCreation: false,
    });
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => this.onChange(null));
  }

  /** Starts listening in the background; a broker that is down is logged and retried by kafkajs. Idempotent. */
  start(): void {
    if (this.stopped || this.starting) return;
    this.starting = (async () => {
      await this.consumer.connect();
      await this.consumer.subscribe({
        topic: topicName(this.prefix, Topic.ReferenceData),
        fromBeginning: false,
      });
      await this.consumer.run({
        autoCommit: false,
        eachMessage: async ({ message }) => {
          try {
            this.onChange(JSON.parse(message.value?.toString('utf8') ?? '') as ReferenceDataAnnouncement);
          } catch {
            this.logger.warn({ offset: message.offset }, 'reference-data announcement is not JSON; skipped');
          }
        },
      });
    })().catch((error: unknown) => {
      this.starting = null;
      this.logger.warn(
        { err: error instanceof Error ? error.message : String(error) },
        'not listening for reference-data announcements; cached calendars expire by age only',
      );
    });
  }

  /** Stops listening (shutdown). Idempotent. */
  async stop(): Promise<void> {
    this.stopped = true;
    const starting = this.starting;
    if (!starting) return;
    // Do not wait for a broker that is down: kafkajs would retry its connect for a long while.
    await Promise.race([starting, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    await this.consumer.disconnect().catch(() => undefined);
  }
}
