import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * A random stamp per KPI summary (`<scope>|<day>` or `<scope>|<month>`) in Redis, renewed by
 * every projection write that changes an entry of that day. A stored summary is current while
 * its stamp still matches; otherwise it is rebuilt from what lies below it.
 *
 * Random rather than a counter, so a Redis that lost its keys (a flush, a fresh server) can
 * never hand back an old value: a missing stamp is created anew, and nothing stored matches it.
 */
export class KpiStamps {
  private readonly prefix: string;
  private readonly staleKey: string;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.prefix = `${prefix}:kpi:stamp:`;
    this.staleKey = `${prefix}:kpi:stale`;
  }

  /**
   * Renews the stamps of these summaries: whatever was built before is no longer current. They
   * are also noted as stale, for a refresher to rebuild before anyone asks (see `takeStale`).
   */
  async renew(summaryIds: readonly string[]): Promise<void> {
    if (summaryIds.length === 0) return;
    const stamp = randomUUID();
    await this.redis
      .multi()
      .mset(Object.fromEntries(summaryIds.map((id) => [this.prefix + id, stamp])))
      .sadd(this.staleKey, ...summaryIds)
      .exec();
  }

  /** Notes summaries as stale without renewing them: a reader asks the refresher to build them. */
  async markStale(summaryIds: readonly string[]): Promise<void> {
    if (summaryIds.length > 0) await this.redis.sadd(this.staleKey, ...summaryIds);
  }

  /**
   * Up to `count` summaries renewed since they were last taken, each handed to one caller only.
   * A refresher that dies before rebuilding them loses nothing: their stamps still say stale.
   */
  async takeStale(count: number): Promise<string[]> {
    return (await this.redis.spop(this.staleKey, count)) ?? [];
  }

  /** The current stamp of each summary, creating the ones that have none yet. */
  async current(summaryIds: readonly string[]): Promise<string[]> {
    if (summaryIds.length === 0) return [];
    const keys = summaryIds.map((id) => this.prefix + id);
    const stamps = await this.redis.mget(keys);
    const missing = keys.filter((_, i) => stamps[i] === null);
    if (missing.length === 0) return stamps as string[];
    // Another reader may create the same stamps at the same moment: NX keeps the first, and
    // the values are read back rather than assumed.
    const fresh = randomUUID();
    const pipeline = this.redis.pipeline();
    for (const key of missing) pipeline.set(key, fresh, 'NX');
    await pipeline.exec();
    return (await this.redis.mget(keys)).map((s) => s ?? fresh);
  }
}
