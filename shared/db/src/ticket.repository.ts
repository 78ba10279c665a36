import type { EventEnvelope } from '@grid-dispatch/contracts';
import { reportDay } from '@grid-dispatch/domain';
import { AppError } from '@grid-dispatch/errors';
import type { OutboxIndex, TicketLock } from '@grid-dispatch/redis';
import type { Model } from 'mongoose';
import type { TicketDoc } from './models';
import type { EventPublisher } from './outbox-relay';
import { type NewTicketEvent, recordEvent } from './ticket-events';

export type NewTicket = Omit<
  TicketDoc,
  'version' | 'events' | 'outbox' | 'outboxPending' | 'createdAt' | 'updatedAt'
>;

/** Fields a state change may set. `_id`, `version`, history and outbox are the repository's own. */
export type TicketChanges = Partial<
  Omit<TicketDoc, '_id' | 'version' | 'events' | 'outbox' | 'outboxPending' | 'createdAt'>
>;

export interface TicketRepositoryOptions {
  /** Publishes a write's events right after it, still under the ticket's lock. */
  publisher: EventPublisher;
  /** Where published versions are noted: the next write drops those events from the outbox. */
  outbox: Pick<OutboxIndex, 'publishedVersions' | 'published'>;
  /** Hands a ticket to the relay when its events could not be published at once. */
  onUnpublished: (ticketId: string) => void;
  /** Longest a write waits for Kafka before leaving its events to the relay (default 2 s). */
  publishWaitMs?: number;
}

/**
 * Every write to a ticket goes through here: one version-checked update that changes the state,
 * appends the event to the history and puts its envelope in the ticket's outbox. FerretDB has no
 * multi-document transactions, so keeping the outbox inside the document is what makes "state
 * changed" and "event will be published" one atomic fact. The version check runs under the
 * ticket's lock (see TicketLock for why the filter alone is not enough on FerretDB).
 *
 * Still under the lock, the write publishes its outbox to Kafka itself and notes the published
 * version in Redis (no database write): the event reaches consumers without waiting for the relay,
 * and one ticket's events reach Kafka in version order because the next write of the ticket waits
 * for the lock. Only when Kafka does not answer in time (or the process dies first) does the relay
 * publish the outbox instead.
 */
export class TicketRepository {
  private readonly publishWaitMs: number;

  constructor(
    private readonly tickets: Model<TicketDoc>,
    private readonly lock: TicketLock,
    private readonly options: TicketRepositoryOptions,
  ) {
    this.publishWaitMs = options.publishWaitMs ?? 2000;
  }

  async insert(ticket: NewTicket, event: NewTicketEvent): Promise<TicketDoc> {
    const createdAt = event.at;
    const version = 1;
    const { envelope, history } = recordEvent(ticket._id, { ...ticket, createdAt }, version, event);
    const created = await this.tickets.create({
      ...ticket,
      version,
      events: [history],
      outbox: [envelope],
      outboxPending: true,
      createdDay: reportDay(createdAt.toISOString()),
      createdAt,
      updatedAt: createdAt,
    });
    // A new ticket is stored without the lock (nothing else knows it yet), so a report is taken
    // even while Redis is away; its publishing takes the lock like every write's does. Should a
    // second write slip in first, it publishes this event before its own (both from the outbox).
    await this.lock
      .withLock(ticket._id, () => this.publishNow(ticket._id, [envelope], version))
      .catch(() => this.options.onUnpublished(ticket._id));
    return created.toObject();
  }

  findById(id: string): Promise<TicketDoc | null> {
    return this.tickets.findById(id).lean<TicketDoc>().exec();
  }

  findByTrackingCode(trackingCode: string): Promise<TicketDoc | null> {
    return this.tickets.findOne({ trackingCode }).lean<TicketDoc>().exec();
  }

  findByIdempotencyKey(key: string): Promise<TicketDoc | null> {
    return this.tickets.findOne({ idempotencyKey: key }).lean<TicketDoc>().exec();
  }

  /**
   * Applies `changes` and records `event` if the ticket is still at `current.version`.
   * A stale version answers VERSION_CONFLICT (409): never a lost update.
   */
  async applyChange(current: TicketDoc, changes: TicketChanges, event: NewTicketEvent): Promise<TicketDoc> {
    const version = current.version + 1;
    const { envelope, history } = recordEvent(current._id, { ...current, ...changes }, version, event);
    const updated = await this.lock.withLock(current._id, async () => {
      // The outbox as stored at `current.version` (the filter below makes sure it is that version),
      // less what is already on Kafka: a write empties what the previous ones published.
      const [stored, [published]] = await Promise.all([
        Array.isArray(current.outbox) ? current.outbox : this.storedOutbox(current._id),
        this.options.outbox.publishedVersions([current._id]).catch(() => [0]),
      ]);
      const outbox = [...stored.filter((e) => e.ticketVersion > (published ?? 0)), envelope];
      // Under the lock nothing else writes this ticket, so FerretDB's read-then-write update
      // cannot interleave with another: the version in the filter holds when it writes.
      const written = await this.tickets
        .findOneAndUpdate(
          { _id: current._id, version: current.version },
          {
            $set: { ...changes, outbox, outboxPending: true, updatedAt: event.at },
            $inc: { version: 1 },
            $push: { events: history },
          },
          { returnDocument: 'after' },
        )
        .lean<TicketDoc>()
        .exec();
      if (written) await this.publishNow(current._id, outbox, version);
      return written;
    });
    if (!updated) {
      const exists = await this.tickets.exists({ _id: current._id });
      if (!exists) throw new AppError('NOT_FOUND', `ticket ${current._id} not found`);
      throw new AppError(
        'VERSION_CONFLICT',
        `ticket ${current._id} changed since version ${current.version}; reload it and try again`,
      );
    }
    return updated;
  }

  private async storedOutbox(ticketId: string): Promise<EventEnvelope[]> {
    const doc = await this.tickets.findById(ticketId, { outbox: 1 }).lean<Pick<TicketDoc, 'outbox'>>().exec();
    return doc?.outbox ?? [];
  }

  /** Publishes a write's outbox (called under the ticket's lock); never fails the write. */
  private async publishNow(ticketId: string, outbox: EventEnvelope[], version: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.options.publisher.publish(outbox),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('Kafka did not answer in time')), this.publishWaitMs);
        }),
      ]);
      await this.options.outbox.published(ticketId, version);
    } catch {
      // The events stay in the outbox; the relay publishes them (again, at worst: consumers are
      // idempotent by ticket version).
      this.options.onUnpublished(ticketId);
    } finally {
      clearTimeout(timer);
    }
  }
}
