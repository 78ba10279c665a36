import type { Redis } from 'ioredis';

/**
 * The ids of tickets whose outbox holds events, kept in a Redis set so the relay finds them by id.
 * Why not just query `outboxPending: true`? On FerretDB's SQLite backend only `{_id}` filters
 * reach SQLite; any other query decodes every ticket in the collection, so a poll that scans
 * gets slower with every ticket ever filed (measured: submit→console p50 89 ms at 30 tickets,
 * 230 ms at 200). The set is a hint, not the truth: the document's outbox is. A write whose SADD
 * is lost (a crash, Redis down) is found by the relay's slow safety scan.
 */
export class OutboxIndex {
  private readonly key: string;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.key = `${prefix}:outbox:pending`;
  }

  async add(ticketIds: readonly string[]): Promise<void> {
    if (ticketIds.length > 0) await this.redis.sadd(this.key, ...ticketIds);
  }

  async sample(limit: number): Promise<string[]> {
    return this.redis.srandmember(this.key, limit);
  }

  async remove(ticketId: string): Promise<void> {
    await this.redis.srem(this.key, ticketId);
  }
}
