import { AppError } from '@grid-dispatch/errors';
import type { Logger } from '@grid-dispatch/logger';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Caps what one client address may do per minute on a public endpoint that needs no login — photo
 * uploads, tracking-code lookups, resident sockets — so nobody can fill the database or walk the
 * tracking codes from one machine. A rate-limiter-flexible limiter on Redis (an atomic count per
 * client, its minute starting at the client's first request), so every replica shares the count.
 * These serve residents: while Redis is away they are not refused for it — each replica counts in
 * its own memory instead (the library's insurance limiter) until Redis is back.
 * The client address is the one the gateway determined (see its client-address.ts).
 */
export class ClientThrottle {
  private readonly limiter: RateLimiterRedis | undefined;

  constructor(
    private readonly redis: Redis,
    prefix: string,
    /** What is counted, in the key and in the 429's message: "photo uploads". */
    private readonly what: string,
    perMinute: number,
    private readonly logger: Logger,
  ) {
    if (perMinute > 0)
      this.limiter = new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${prefix}:throttle:${what.replace(/\s+/g, '-')}`,
        points: perMinute,
        duration: 60,
        // Not ready: straight to the insurance rather than waiting in the connection's queue.
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ points: perMinute, duration: 60 }),
      });
  }

  /** Counts one request from `client`; throws 429 with Retry-After once its minute is used up. */
  async take(client: string): Promise<void> {
    if (!this.limiter) return;
    if (this.redis.status !== 'ready')
      this.logger.warn({ what: this.what }, 'throttle counting in this process only (Redis down)');
    try {
      await this.limiter.consume(client);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new AppError('TOO_MANY_REQUESTS', `Too many ${this.what}; try again in ${seconds} s.`, {
        retryAfterSeconds: seconds,
      });
    }
  }
}
