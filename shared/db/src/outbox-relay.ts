import type { EventEnvelope } from '@grid-dispatch/contracts';
import type { Logger } from '@grid-dispatch/logger';
import type { OutboxIndex, TicketLock } from '@grid-dispatch/redis';
import type { Model } from 'mongoose';
import type { TicketDoc } from './models';

/** Where the relay sends events; the Kafka EventProducer in services, a stub in unit tests. */
export interface EventPublisher {
  publish(envelopes: readonly EventEnvelope[]): Promise<void>;
}

export interface OutboxRelayOptions {
  /** How often to look at the pending set for events left behind (another replica's write, a failed publish). */
  pollIntervalMs?: number;
  /** How often to scan the tickets themselves for outboxes the pending set missed (a crash between write and SADD). */
  safetyScanIntervalMs?: number;
  /** How long a relay holds a ticket's outbox; another relay may take over after it. */
  leaseMs?: number;
  batchSize?: number;
  /**
   * How long a published outbox waits to be emptied by the relay (default 2 s). Most tickets are
   * written again within that time (a report is dispatched within milliseconds of being filed),
   * and that write drops the published events itself: no write of the relay's own.
   */
  emptyAfterMs?: number;
}

type OutboxView = Pick<TicketDoc, '_id' | 'version' | 'outbox'>;

/**
 * Publishes the events that writes left in tickets' outboxes, in order per ticket. A crash before
 * the publish loses nothing; a crash after it republishes (at-least-once; consumers are
 * idempotent by ticket version). A lease on each ticket (in Redis) keeps two relays (two
 * replicas) from interleaving one ticket's events.
 *
 * Publishing writes nothing to the database: the relay notes the published version in Redis
 * (OutboxIndex). The ticket's next write drops the published events from its outbox as part of
 * its own update; an outbox that no write empties within `emptyAfterMs` is emptied by the relay,
 * many tickets in one bulk write. So a report costs no relay write on its way to dispatch.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private readonly pollIntervalMs: number;
  private readonly safetyScanIntervalMs: number;
  private lastSafetyScan = 0;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly emptyAfterMs: number;

  constructor(
    private readonly tickets: Model<TicketDoc>,
    private readonly lock: TicketLock,
    private readonly index: OutboxIndex,
    private readonly publisher: EventPublisher,
    private readonly logger: Logger,
    options: OutboxRelayOptions = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.safetyScanIntervalMs = options.safetyScanIntervalMs ?? 30000;
    this.leaseMs = options.leaseMs ?? 10000;
    this.batchSize = options.batchSize ?? 100;
    this.emptyAfterMs = options.emptyAfterMs ?? 2000;
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Called right after a write put events in a ticket's outbox: note it, and publish now. */
  notePending(ticketId: string): void {
    this.index.add([ticketId]).then(
      () => this.kick(),
      (err) =>
        this.logger.warn(
          { err: String(err), ticketId },
          'could not note a pending outbox; the safety scan will find it',
        ),
    );
  }

  /** Publish now rather than at the next poll. */
  kick(): void {
    if (this.stopped) return;
    // Remembered even while a pass runs: that pass may have read the outbox before this write.
    this.again = true;
    if (!this.draining) this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.draining;
  }

  /** Runs until no outbox is left; resolves when done (tests and shutdown use it). */
  async drainNow(): Promise<void> {
    while (this.draining) await this.draining;
    await this.runDrain();
  }

  /** Empties every published outbox now, however recent (tests use it). */
  async emptyPublishedNow(): Promise<void> {
    while (this.draining) await this.draining;
    await this.emptyIdle(0);
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.again = false;
      void this.runDrain().finally(() => {
        if (!this.stopped) this.schedule(this.again ? 0 : this.pollIntervalMs);
      });
    }, delayMs);
  }

  private runDrain(): Promise<void> {
    if (!this.draining) {
      this.draining = this.drain()
        .catch((err) => this.logger.warn({ err }, 'outbox relay pass failed; retrying at the next poll'))
        .finally(() => {
          this.draining = null;
        });
    }
    return this.draining;
  }

  private async drain(): Promise<void> {
    for (;;) {
      const claimed = await this.claimBatch();
      if (claimed.length > 0) {
        const sent = new Map<string, Set<string>>();
        try {
          let pending: OutboxView[] = claimed;
          while (pending.length > 0) {
            await this.publisher.publish(pending.flatMap((t) => unsent(t, sent)));
            for (const t of pending) for (const e of t.outbox) setOf(sent, t._id).add(e.eventId);
            pending = await this.confirm(pending);
          }
        } finally {
          await Promise.all(claimed.map((t) => this.lock.endLease(t._id, t.lease).catch(() => undefined)));
        }
      }
      if (claimed.length < this.batchSize) break;
    }
    await this.emptyIdle(this.emptyAfterMs);
  }

  /** Tickets with events waiting, each leased to this relay (a Redis lease, so the document is not written). */
  private async claimBatch(): Promise<Array<OutboxView & { lease: string }>> {
    await this.safetyScanIfDue();
    const ids = await this.index.sample(this.batchSize);
    const tokens = await Promise.all(ids.map((id) => this.lock.tryLease(id, this.leaseMs)));
    const leases = ids.flatMap((id, i) => (tokens[i] ? [{ id, lease: tokens[i]! }] : []));
    // By id, one at a time: FerretDB filters `$in` itself after reading every ticket.
    const tickets = await Promise.all(
      leases.map(({ id }) =>
        this.tickets.findById(id, { _id: 1, version: 1, outbox: 1 }).lean<OutboxView>().exec(),
      ),
    );
    const claimed: Array<OutboxView & { lease: string }> = [];
    for (const [i, ticket] of tickets.entries()) {
      const { id, lease } = leases[i]!;
      if (ticket && ticket.outbox.length > 0) claimed.push({ ...ticket, lease });
      else {
        await this.index.remove(id);
        await this.lock.endLease(id, lease);
      }
    }
    return claimed;
  }

  private async safetyScanIfDue(): Promise<void> {
    if (Date.now() - this.lastSafetyScan < this.safetyScanIntervalMs) return;
    this.lastSafetyScan = Date.now();
    const withOutbox = await this.tickets
      .find({ outboxPending: true }, { _id: 1, version: 1 })
      .lean<{ _id: string; version: number }[]>()
      .exec();
    const sent = await this.index.publishedVersions(withOutbox.map((t) => t._id));
    // Published but not yet emptied: to the idle list (its entry may have been lost), not again to Kafka.
    await this.index.noteIdle(withOutbox.filter((t, i) => sent[i]! >= t.version).map((t) => t._id));
    await this.index.add(withOutbox.filter((t, i) => sent[i]! < t.version).map((t) => t._id));
  }

  /**
   * Notes each published outbox as published, if no write came in meanwhile (checked under the
   * ticket's lock, so a write that lands after the check has already put the ticket back on the
   * work list); returns the tickets that changed, re-read, so their new events go out next round.
   */
  private async confirm(tickets: OutboxView[]): Promise<OutboxView[]> {
    const changed = await Promise.all(
      tickets.map((t) =>
        this.lock.withLock(t._id, async () => {
          const fresh = await this.tickets
            .findById(t._id, { _id: 1, version: 1, outbox: 1 })
            .lean<OutboxView>()
            .exec();
          if (!fresh) return null;
          if (fresh.version !== t.version) return fresh;
          await this.index.published(t._id, t.version);
          return null;
        }),
      ),
    );
    return changed.filter((t): t is OutboxView => t !== null);
  }

  /**
   * Empties the outboxes published at least `ms` ago that no write has emptied since: one bulk
   * write for the batch, each update by `_id` and the version that was published (a ticket written
   * since keeps its outbox for the next round). Under each ticket's lock, since FerretDB's updates
   * are not atomic with their filter; a busy ticket is skipped and tried next time.
   */
  private async emptyIdle(ms: number): Promise<void> {
    const before = Date.now() - ms;
    const ids = await this.index.idleSince(ms, this.batchSize);
    if (ids.length === 0) return;
    const sent = await this.index.publishedVersions(ids);
    const known = ids.filter((_, i) => sent[i]! > 0);
    const versionOf = new Map(known.map((id) => [id, sent[ids.indexOf(id)]!]));
    const locks = await this.lock.tryLockAll(known);
    try {
      if (locks.held.length > 0) {
        await this.tickets.bulkWrite(
          locks.held.map((id) => ({
            updateOne: {
              filter: { _id: id, version: versionOf.get(id)! },
              update: { $set: { outbox: [], outboxPending: false } },
            },
          })),
          { ordered: false },
        );
      }
    } finally {
      await locks.release();
    }
    const busy = new Set(known.filter((id) => !locks.held.includes(id)));
    await this.index.emptied(
      ids.filter((id) => !busy.has(id)),
      before,
    );
  }
}

function setOf(map: Map<string, Set<string>>, key: string): Set<string> {
  const existing = map.get(key);
  if (existing) return existing;
  const created = new Set<string>();
  map.set(key, created);
  return created;
}

function unsent(ticket: OutboxView, sent: Map<string, Set<string>>): EventEnvelope[] {
  const done = sent.get(ticket._id);
  return done ? ticket.outbox.filter((e) => !done.has(e.eventId)) : ticket.outbox;
}
