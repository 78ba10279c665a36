import { randomUUID } from 'node:crypto';
import { AppError } from '@grid-dispatch/errors';
import type { Redis } from 'ioredis';

/** Deletes the key only if it still holds our token, so a late release never frees someone else's lock. */
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export interface TicketLockOptions {
  /** A holder that dies frees the lock after this long (default 30 s, far above any write). */
  ttlMs?: number;
  /** How long a writer waits for a busy ticket before giving up with RESOURCE_BUSY (409, retryable). */
  waitMs?: number;
}

/**
 * Serializes writes to one ticket across every process. FerretDB 1.24 applies an update by
 * reading the matching documents and then writing them back by _id, with nothing in between
 * that re-checks the filter: two version-checked updates can both "match" version N, and the
 * later write silently replaces the earlier (measured: a relay's outbox clear and the
 * dispatcher's dispatch both matched version 1; the clear was lost). Redis, which every service
 * already depends on, gives the atomic step: a per-ticket lock held for the read-check-write.
 * On MongoDB the filter alone would suffice; the lock costs one Redis round trip there.
 */
export class TicketLock {
  private readonly ttlMs: number;
  private readonly waitMs: number;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    options: TicketLockOptions = {},
  ) {
    // Longer than any write can take (a lock that lapsed mid-write would let a second writer in:
    // a lost update); FerretDB's SQLite backend could wait 10 s for its single writer.
    // A holder that dies blocks its ticket this long; writes take milliseconds.
    this.ttlMs = options.ttlMs ?? 30000;
    this.waitMs = options.waitMs ?? 10000;
  }

  private key(ticketId: string): string {
    return `${this.prefix}:lock:ticket:${ticketId}`;
  }

  async withLock<T>(ticketId: string, work: () => Promise<T>): Promise<T> {
    const key = this.key(ticketId);
    const token = randomUUID();
    const deadline = Date.now() + this.waitMs;
    let pause = 2;
    while ((await this.acquire(key, token, this.ttlMs)) !== 'OK') {
      if (Date.now() > deadline) {
        throw new AppError(
          'RESOURCE_BUSY',
          `${ticketId.includes(':') ? ticketId.replace(':', ' ') : `ticket ${ticketId}`} is busy with another change; try again in a moment`,
          { retryAfterSeconds: 1 },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, pause + Math.random() * pause));
      pause = Math.min(pause * 2, 50);
    }
    try {
      return await work();
    } finally {
      await this.redis.eval(RELEASE, 1, key, token).catch(() => undefined);
    }
  }

  /**
   * Takes, without waiting, the locks of those tickets that are free right now (background work
   * such as emptying published outboxes skips a busy ticket and comes back later).
   */
  async tryLockAll(ticketIds: readonly string[]): Promise<{ held: string[]; release(): Promise<void> }> {
    const token = randomUUID();
    const results = await Promise.all(ticketIds.map((id) => this.acquire(this.key(id), token, this.ttlMs)));
    const held = ticketIds.filter((_, i) => results[i] === 'OK');
    return {
      held,
      release: async () => {
        await Promise.all(
          held.map((id) => this.redis.eval(RELEASE, 1, this.key(id), token).catch(() => undefined)),
        );
      },
    };
  }

  /**
   * A non-blocking lease (the outbox relay's claim on a ticket): its token when taken, else null.
   * The token ends only this lease: one that lapsed and was taken by another relay stays theirs.
   */
  async tryLease(ticketId: string, ms: number): Promise<string | null> {
    const token = randomUUID();
    return (await this.acquire(`${this.key(ticketId)}:relay`, token, ms)) === 'OK' ? token : null;
  }

  async endLease(ticketId: string, token: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, `${this.key(ticketId)}:relay`, token);
  }

  private async acquire(key: string, token: string, ttlMs: number): Promise<string | null> {
    try {
      return await this.redis.set(key, token, 'PX', ttlMs, 'NX');
    } catch (error) {
      throw new AppError('DEPENDENCY_UNAVAILABLE', 'Redis is unavailable; try again shortly.', {
        cause: error,
        retryAfterSeconds: 5,
      });
    }
  }
}
