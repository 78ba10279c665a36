import { Topic, topicName } from '@grid-dispatch/contracts';
import type { Logger } from '@grid-dispatch/logger';
import type { Kafka, Producer } from 'kafkajs';

/** The kinds of reference data an administrator maintains. */
export type ReferenceEntity = 'area' | 'unit' | 'user' | 'category' | 'responsibility' | 'calendar';

/**
 * "This piece of reference data changed": ids only, never a name, username or password, so the
 * topic carries no personal data and readers fetch what they need themselves.
 */
export interface ReferenceDataAnnouncement {
  entity: ReferenceEntity;
  id: string;
  action: 'created' | 'updated' | 'deleted';
  /** ISO-8601 UTC time of the change. */
  at: string;
}

/** Announcements waiting on a slow or dead broker beyond this many are dropped (with a warning). */
const MAX_IN_FLIGHT = 100;

/**
 * Publishes announcements of admin changes on the `reference-data` topic, keyed by entity.
 *
 * The dispatcher reads areas, categories and the responsibility list from the database for every
 * report, so those changes take effect for the very next report whether or not the announcement
 * arrives. Working calendars are cached per process and dropped on a `calendar` announcement
 * (ReferenceDataSubscriber), with an age limit behind it, so a lost announcement delays a
 * calendar change by at most that limit. That is why a
 * failed send is logged as a warning and never fails the admin request that caused it, and why
 * `announce` neither throws nor needs awaiting. The producer connects on first use, so a service
 * whose administrators change nothing never opens a connection.
 */
export class ReferenceDataPublisher {
  private readonly producer: Producer;
  private readonly topic: string;
  private connecting: Promise<void> | null = null;
  private inFlight = 0;
  private closed = false;

  constructor(
    kafka: Kafka,
    prefix: string,
    private readonly logger: Logger,
  ) {
    // The broker has auto-creation off; the topic is created with the others at start.
    this.producer = kafka.producer({ allowAutoTopicCreation: false });
    this.topic = topicName(prefix, Topic.ReferenceData);
  }

  /**
   * Sends one announcement. Resolves `true` once the broker has it, `false` when it could not be
   * sent (logged); never rejects, so callers may fire and forget.
   */
  async announce(
    entity: ReferenceEntity,
    id: string,
    action: ReferenceDataAnnouncement['action'],
    at: Date = new Date(),
  ): Promise<boolean> {
    const announcement: ReferenceDataAnnouncement = { entity, id, action, at: at.toISOString() };
    if (this.closed) return false;
    if (this.inFlight >= MAX_IN_FLIGHT) {
      this.logger.warn(
        { entity, id, action },
        'reference-data announcement dropped: Kafka is not keeping up',
      );
      return false;
    }
    this.inFlight++;
    try {
      await this.connect();
      await this.producer.send({
        topic: this.topic,
        acks: -1,
        messages: [{ key: entity, value: JSON.stringify(announcement) }],
      });
      return true;
    } catch (error) {
      this.connecting = null; // try a fresh connection next time
      this.logger.warn(
        { entity, id, action, err: error instanceof Error ? error.message : String(error) },
        'reference-data announcement not sent; the change itself is saved and already in effect',
      );
      return false;
    } finally {
      this.inFlight--;
    }
  }

  /** Closes the producer (shutdown); later announcements are skipped. Idempotent. */
  async disconnect(): Promise<void> {
    this.closed = true;
    if (!this.connecting) return;
    this.connecting = null;
    await this.producer.disconnect().catch(() => undefined);
  }

  private connect(): Promise<void> {
    this.connecting ??= this.producer.connect();
    return this.connecting;
  }
}
