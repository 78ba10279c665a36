import { AppError } from '@grid-dispatch/errors';
import type { Model } from 'mongoose';
import type { TicketDoc } from './models';
import type { OutboxIndex } from './outbox-index';
import { type NewTicketEvent, recordEvent } from './ticket-events';
import type { TicketLock } from './ticket-lock';

export type NewTicket = Omit<
  TicketDoc,
  'version' | 'events' | 'outbox' | 'outboxPending' | 'createdAt' | 'updatedAt'
>;

/** Fields a state change may set. `_id`, `version`, history and outbox are the repository's own. */
export type TicketChanges = Partial<
  Omit<TicketDoc, '_id' | 'version' | 'events' | 'outbox' | 'outboxPending' | 'createdAt'>
>;

/**
 * Every write to a ticket goes through here: one version-checked update that changes the state,
 * appends the event to the history and puts its envelope in the ticket's outbox. FerretDB has no
 * multi-document transactions, so keeping the outbox inside the document is what makes "state
 * changed" and "event will be published" one atomic fact. The version check runs under the
 * ticket's lock (see TicketLock for why the filter alone is not enough on FerretDB).
 */
export class TicketRepository {
  constructor(
    private readonly tickets: Model<TicketDoc>,
    private readonly lock: TicketLock,
    /** Where the relay notes what it has published: each write drops those events from the outbox. */
    private readonly outbox: Pick<OutboxIndex, 'publishedVersions'>,
    /** Called with the ticket id after each write, so the relay learns of the new outbox at once. */
    private readonly onOutboxWrite: (ticketId: string) => void = () => undefined,
  ) {}

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
      createdAt,
      updatedAt: createdAt,
    });
    this.onOutboxWrite(ticket._id);
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
      const [stored, [published]] = await Promise.all([
        this.tickets
          .findById(current._id, { version: 1, outbox: 1 })
          .lean<Pick<TicketDoc, 'version' | 'outbox'>>()
          .exec(),
        this.outbox.publishedVersions([current._id]).catch(() => [0]),
      ]);
      if (!stored) throw new AppError('NOT_FOUND', `ticket ${current._id} not found`);
      if (stored.version !== current.version) return null;
      // The events the relay has already published leave the outbox in this same write, so the
      // relay seldom needs a write of its own to empty it (see OutboxRelay).
      const outbox = [...stored.outbox.filter((e) => e.ticketVersion > (published ?? 0)), envelope];
      // Filter by _id alone: the version was checked under the lock (FerretDB's update does not
      // re-check a filter when it writes, so the lock is what makes the check hold).
      return this.tickets
        .findOneAndUpdate(
          { _id: current._id },
          {
            $set: { ...changes, outbox, outboxPending: true, updatedAt: event.at },
            $inc: { version: 1 },
            $push: { events: history },
          },
          { returnDocument: 'after' },
        )
        .lean<TicketDoc>()
        .exec();
    });
    if (!updated) {
      throw new AppError(
        'VERSION_CONFLICT',
        `ticket ${current._id} changed since version ${current.version}; reload it and try again`,
      );
    }
    this.onOutboxWrite(current._id);
    return updated;
  }
}
