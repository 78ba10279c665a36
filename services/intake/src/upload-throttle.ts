import { AppError } from '@grid-dispatch/errors';
import type { Logger } from '@grid-dispatch/logger';
import type { Redis } from 'ioredis';

/**
 * Caps photo uploads per client address and minute (a fixed window), so nobody can fill the
 * database from one machine. Counted in Redis so every replica shares the count. Uploads are a
 * convenience for residents: while Redis is away they are let through rather than refused.
 */
export class UploadThrottle {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly perMinute: number,
    private readonly logger: Logger,
  ) {}

  /** Counts one upload from `client`; throws 429 with Retry-After once its minute is used up. */
  async take(client: string): Promise<void> {
    if (this.perMinute <= 0) return;
    if (this.redis.status !== 'ready') {
      this.logger.warn('photo upload throttle unavailable (Redis down); letting the upload through');
      return;
    }
    const now = Date.now();
    const window = Math.floor(now / 60_000);
    const key = `${this.prefix}:photo-uploads:${window}:${client}`;
    const [[, count] = []] = (await this.redis.multi().incr(key).expire(key, 120).exec()) ?? [];
    if (Number(count) > this.perMinute) {
      const seconds = Math.max(1, Math.ceil(((window + 1) * 60_000 - now) / 1000));
      throw new AppError('TOO_MANY_REQUESTS', `Too many photo uploads; try again in ${seconds} s.`, {
        retryAfterSeconds: seconds,
      });
    }
  }
}
