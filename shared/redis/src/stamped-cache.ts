import type { ReferenceStamp } from './reference-stamp';

export interface StampedCacheOptions {
  /** Longest a value is used without loading it again, even if the stamp did not move (default 60 s). */
  maxAgeMs?: number;
}

/**
 * A value loaded from reference data (areas, units, categories …), kept in memory until an
 * administrator changes any of it (the ReferenceStamp moved), Redis cannot tell, or it is
 * `maxAgeMs` old: one Redis round trip per use instead of database reads. Concurrent users of a
 * load share it; a failed load is not kept.
 */
export class StampedCache<T> {
  private cached: { stamp: string; at: number; value: Promise<T> } | null = null;
  private readonly maxAgeMs: number;

  constructor(
    private readonly stamp: ReferenceStamp,
    private readonly load: () => Promise<T>,
    options: StampedCacheOptions = {},
  ) {
    this.maxAgeMs = options.maxAgeMs ?? 60_000;
  }

  async get(): Promise<T> {
    const stamp = await this.stamp.current();
    const cached = this.cached;
    if (stamp !== null && cached && cached.stamp === stamp && Date.now() - cached.at < this.maxAgeMs) {
      return cached.value;
    }
    const value = this.load();
    if (stamp !== null) {
      const entry = { stamp, at: Date.now(), value };
      this.cached = entry;
      value.catch(() => {
        if (this.cached === entry) this.cached = null;
      });
    }
    return value;
  }
}
