import { AppError } from '@grid-dispatch/errors';
import type { Logger } from '@grid-dispatch/logger';
import type { Redis } from 'ioredis';

/**
 * Caps what one client address may do per minute (a fixed window) on a public endpoint that needs
 * no login — photo uploads, tracking-code lookups, resident sockets — so nobody can fill the
 * database or walk the tracking codes from one machine. Counted in Redis so every replica shares
 * the count. These serve residents: while Redis is away they are let through rather than refused.
 * The client address is the one the gateway determined (see its client-address.ts).
 */
export class ClientThrottle {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    /** What is counted, in the key and in the 429's message: "photo uploads". */
    private readonly what: string,
    private readonly perMinute: number,
    private readonly logger: Logger,
  ) {}

  /** Counts one request from `client`; throws 429 with Retry-After once its minute is used up. */
  async take(client: string): Promise<void> {
    if (this.perMinute <= 0) return;
    if (this.redis.status !== 'ready') {
      this.logger.warn({ what: this.what }, 'throttle unavailable (Redis down); letting the request through');
      return;
    }
    const now = Date.now();
    const window = Math.floor(now / 60_000);
    const key = `${this.prefix}:throttle:${this.what.replace(/\s+/g, '-')}:${window}:${client}`;
    const [[, count] = []] = (await this.redis.multi().incr(key).expire(key, 120).exec()) ?? [];
    if (Number(count) > this.perMinute) {
      const seconds = Math.max(1, Math.ceil(((window + 1) * 60_000 - now) / 1000));
      throw new AppError('TOO_MANY_REQUESTS', `Too many ${this.what}; try again in ${seconds} s.`, {
        retryAfterSeconds: seconds,
      });
    }
  }
}
