import { randomUUID } from 'node:crypto';
import type { Actor, CommitteeEntity, CommitteeEvent, CommitteeEventType } from '@grid-dispatch/contracts';
import type { Logger } from '@grid-dispatch/logger';
import type { Model } from 'mongoose';

/** What every committee record (need, resource, project …) carries for versions and events. */
export interface CommitteeRecord {
  _id: string;
  communityId: string;
  /** The community's area path, community to district: secretaries' scope and the events' filter. */
  areaIds: string[];
  /** Starts at 1; every change adds one (optimistic concurrency: a stale write answers 409). */
  version: number;
  /** Events written with the change and not yet acknowledged by Kafka. */
  outbox: CommitteeEvent[];
  /** Whether `outbox` holds anything: the sweep's index (FerretDB cannot index into an array). */
  outboxPending: boolean;
}

/** An event as a route describes it; the outbox adds the ids, versions and scope. */
export interface CommitteeEventDraft {
  type: CommitteeEventType;
  actor: Actor;
  payload: Record<string, unknown>;
}

export interface CommitteePublisher {
  publish(events: readonly CommitteeEvent[]): Promise<void>;
}

// biome-ignore lint/suspicious/noExplicitAny: each collection has its own document type
type AnyCommitteeModel = Model<any>;

function eventOf(
  entity: CommitteeEntity,
  record: Pick<CommitteeRecord, '_id' | 'communityId' | 'areaIds'>,
  version: number,
  draft: CommitteeEventDraft,
  at: Date,
): CommitteeEvent {
  return {
    eventId: randomUUID(),
    type: draft.type,
    schemaVersion: 1,
    entity,
    entityId: record._id,
    entityVersion: version,
    communityId: record.communityId,
    areaIds: record.areaIds,
    occurredAt: at.toISOString(),
    actor: draft.actor,
    payload: draft.payload,
  };
}

/** One writer at a time per key, across processes (the platform's record lock). */
export interface RecordLock {
  withLock<T>(key: string, work: () => Promise<T>): Promise<T>;
}

/**
 * Writes committee records together with their events, and relays the events to Kafka.
 *
 * As with tickets, a change and its event are one database write: the event goes into the
 * record's own `outbox` in the same version-checked update, so no change is saved without its
 * event and none is published for a change that was not saved. After the write the outbox is
 * published at once; a sweep every few seconds publishes whatever a failed send or a crash left
 * behind (at least once: consumers tell repeats by `eventId` and `entityVersion`).
 */
export class CommitteeOutbox {
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<void> | null = null;
  /** Each record's flush in this process, so two (a write's and the sweep's) never send the same events. */
  private readonly flushing = new Map<string, Promise<void>>();

  constructor(
    private readonly sources: readonly { entity: CommitteeEntity; model: AnyCommitteeModel }[],
    private readonly publisher: CommitteePublisher,
    private readonly logger: Logger,
    /**
     * Held for each version-checked write of a record (a route's change, the clearing of its sent
     * events): FerretDB applies such a write as a read and a write by _id, so two at once can both
     * match the version and the later replaces the earlier (a "me too" lost to the outbox clear of
     * the need's creation, seen in a test).
     */
    private readonly lock: RecordLock,
    private readonly sweepEveryMs = 5000,
  ) {}

  private lockKey(entity: CommitteeEntity, id: string): string {
    return `${entity}:${id}`;
  }

  /** Runs a version-checked write of a record that does not go through `update`, under its lock. */
  locked<T>(entity: CommitteeEntity, id: string, work: () => Promise<T>): Promise<T> {
    return this.lock.withLock(this.lockKey(entity, id), work);
  }

  /** Inserts a new record (version 1) with its first event. */
  async create<T extends CommitteeRecord>(
    entity: CommitteeEntity,
    fields: Omit<T, 'version' | 'outbox' | 'outboxPending'>,
    draft: CommitteeEventDraft,
    at = new Date(),
  ): Promise<T> {
    const model = this.modelOf(entity);
    const event = eventOf(entity, fields, 1, draft, at);
    const created = await model.create({ ...fields, version: 1, outbox: [event], outboxPending: true });
    this.publishSoon(entity, fields._id);
    return created.toObject() as T;
  }

  /**
   * Changes a record as it was read (`current`), with its event, if nobody changed it since:
   * the update matches `current.version`. Null when the version moved on (the caller answers 409).
   */
  async update<T extends CommitteeRecord>(
    entity: CommitteeEntity,
    current: T,
    set: Partial<Omit<T, '_id' | 'version' | 'outbox' | 'outboxPending'>>,
    draft: CommitteeEventDraft,
    at = new Date(),
  ): Promise<T | null> {
    const model = this.modelOf(entity);
    const event = eventOf(entity, current, current.version + 1, draft, at);
    const updated = await this.lock.withLock(this.lockKey(entity, current._id), () =>
      model
        .findOneAndUpdate(
          { _id: current._id, version: current.version },
          { $set: { ...set, outboxPending: true }, $inc: { version: 1 }, $push: { outbox: event } },
          { returnDocument: 'after' },
        )
        .lean<T>()
        .exec(),
    );
    if (updated) this.publishSoon(entity, current._id);
    return updated;
  }

  /**
   * Publishes one record's outbox now and drops what Kafka acknowledged; after any flush of the
   * same record already running here. (Another replica may still send an event twice: consumers
   * tell repeats by `eventId`.)
   */
  flush(entity: CommitteeEntity, id: string): Promise<void> {
    const key = `${entity}:${id}`;
    const previous = this.flushing.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.flushOnce(entity, id));
    this.flushing.set(key, next);
    const forget = () => {
      if (this.flushing.get(key) === next) this.flushing.delete(key);
    };
    next.then(forget, forget);
    return next;
  }

  private async flushOnce(entity: CommitteeEntity, id: string): Promise<void> {
    const model = this.modelOf(entity);
    const found = await model.findById(id, { outbox: 1 }).lean<Pick<CommitteeRecord, 'outbox'>>().exec();
    const events = found?.outbox ?? [];
    if (events.length === 0) return;
    await this.publisher.publish(events);
    const sent = new Set(events.map((e) => e.eventId));
    // Written against the version read, so an event pushed meanwhile by another change stays.
    await this.lock.withLock(this.lockKey(entity, id), async () => {
      const now = await model
        .findById(id, { outbox: 1, version: 1 })
        .lean<Pick<CommitteeRecord, 'outbox' | 'version'>>()
        .exec();
      if (!now) return;
      const left = now.outbox.filter((e) => !sent.has(e.eventId));
      await model
        .updateOne(
          { _id: id, version: now.version },
          { $set: { outbox: left, outboxPending: left.length > 0 } },
          { timestamps: false },
        )
        .exec();
    });
  }

  /** Publishes every outbox left pending (a failed send, a crash between write and send). */
  async sweep(): Promise<void> {
    while (this.sweeping) await this.sweeping;
    this.sweeping = (async () => {
      for (const { entity, model } of this.sources) {
        const pending = await model.find({ outboxPending: true }, { _id: 1 }).limit(100).lean().exec();
        for (const { _id } of pending as { _id: string }[]) await this.flush(entity, _id);
      }
    })().finally(() => {
      this.sweeping = null;
    });
    await this.sweeping;
  }

  start(): void {
    if (this.timer) return;
    const tick = () => {
      this.timer = setTimeout(() => {
        this.sweep()
          .catch((err) =>
            this.logger.warn({ err: String(err) }, 'committee outbox sweep failed; retrying at the next one'),
          )
          .finally(() => {
            if (this.timer) tick();
          });
      }, this.sweepEveryMs);
    };
    tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.sweeping?.catch(() => undefined);
  }

  private publishSoon(entity: CommitteeEntity, id: string): void {
    this.flush(entity, id).catch((err) =>
      this.logger.warn(
        { err: String(err), entity, id },
        'committee event not published yet; the outbox sweep will retry',
      ),
    );
  }

  private modelOf(entity: CommitteeEntity): AnyCommitteeModel {
    const source = this.sources.find((s) => s.entity === entity);
    if (!source) throw new Error(`no committee collection for "${entity}"`);
    return source.model;
  }
}
