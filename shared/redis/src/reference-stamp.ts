import type { Redis } from 'ioredis';

/**
 * A counter in Redis that every administrator's change of reference data (areas, categories, the
 * responsibility list …) moves on before it is answered. A process that caches reference data reads
 * the counter (one Redis round trip) instead of the collections (several database reads), and
 * reloads when it moved: an admin change applies to the very next report on every replica,
 * without waiting for the `reference-data` announcement to arrive.
 */
export class ReferenceStamp {
  private readonly key: string;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.key = `${prefix}:reference:stamp`;
  }

  async bump(): Promise<void> {
    await this.redis.incr(this.key);
  }

  /** The current stamp, or null when Redis cannot say (callers then read the database). */
  async current(): Promise<string | null> {
    try {
      return (await this.redis.get(this.key)) ?? '0';
    } catch {
      return null;
    }
  }
}
