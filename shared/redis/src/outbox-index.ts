import type { Redis } from 'ioredis';

/**
 * The outbox's bookkeeping in Redis, so the relay never scans tickets to find work and never
 * writes a ticket just to say "published":
 * - `pending`: ids of tickets whose outbox holds unpublished events (the relay's work list);
 * - `sent:<ticket>`: the highest ticket version already on Kafka (expires after a day), which the
 *   ticket's next write uses to drop published events from its outbox in the same update;
 * - `idle`: published tickets by time, whose outboxes the relay empties in batches once no write
 *   has come along to do it.
 *
 * It is a hint, not the truth: the document's outbox is. A lost SADD (a crash, Redis down or
 * flushed) is found by the relay's slow safety scan; a lost `sent` mark means an event is
 * published again (consumers are idempotent by ticket version).
 */
export class OutboxIndex {
  private readonly pendingKey: string;
  private readonly idleKey: string;
  private readonly sentPrefix: string;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.pendingKey = `${prefix}:outbox:pending`;
    this.idleKey = `${prefix}:outbox:idle`;
    this.sentPrefix = `${prefix}:outbox:sent:`;
  }

  async add(ticketIds: readonly string[]): Promise<void> {
    if (ticketIds.length > 0) await this.redis.sadd(this.pendingKey, ...ticketIds);
  }

  async sample(limit: number): Promise<string[]> {
    return this.redis.srandmember(this.pendingKey, limit);
  }

  /** How many tickets have events waiting to be published (the outbox backlog). */
  async pendingCount(): Promise<number> {
    return this.redis.scard(this.pendingKey);
  }

  async remove(ticketId: string): Promise<void> {
    await this.redis.srem(this.pendingKey, ticketId);
  }

  /**
   * Every event up to `version` of the ticket is on Kafka: off the work list, onto the idle list.
   * The mark only ever rises (a late confirmation of an older version leaves a newer mark).
   */
  async published(ticketId: string, version: number): Promise<void> {
    await this.redis.eval(
      `local v = tonumber(redis.call('get', KEYS[1]) or '0')
       if tonumber(ARGV[1]) > v then redis.call('set', KEYS[1], ARGV[1], 'EX', 86400) end
       redis.call('srem', KEYS[2], ARGV[3])
       redis.call('zadd', KEYS[3], ARGV[2], ARGV[3])
       return 0`,
      3,
      this.sentPrefix + ticketId,
      this.pendingKey,
      this.idleKey,
      String(version),
      String(Date.now()),
      ticketId,
    );
  }

  /** The highest published version of each ticket (0 where unknown). */
  async publishedVersions(ticketIds: readonly string[]): Promise<number[]> {
    if (ticketIds.length === 0) return [];
    const values = await this.redis.mget(...ticketIds.map((id) => this.sentPrefix + id));
    return values.map((v) => Number(v ?? 0));
  }

  /** Tickets published at least `ms` ago whose outboxes may still need emptying. */
  async idleSince(ms: number, limit: number): Promise<string[]> {
    return this.redis.zrangebyscore(this.idleKey, 0, Date.now() - ms, 'LIMIT', 0, limit);
  }

  async noteIdle(ticketIds: readonly string[]): Promise<void> {
    if (ticketIds.length === 0) return;
    const now = Date.now();
    await this.redis.zadd(this.idleKey, ...ticketIds.flatMap((id) => [now, id]));
  }

  /** Off the idle list, unless the ticket was published again since `before` (it stays listed then). */
  async emptied(ticketIds: readonly string[], before: number): Promise<void> {
    if (ticketIds.length === 0) return;
    await this.redis.eval(
      `for i = 2, #ARGV do
         local s = redis.call('zscore', KEYS[1], ARGV[i])
         if s and tonumber(s) <= tonumber(ARGV[1]) then redis.call('zrem', KEYS[1], ARGV[i]) end
       end
       return 0`,
      1,
      this.idleKey,
      String(before),
      ...ticketIds,
    );
  }
}
