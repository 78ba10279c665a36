import { AppError } from '@grid-dispatch/errors';
import type { Redis } from 'ioredis';

/**
 * Slows down guessing: after 5 failed logins for a username from one address, each further try
 * must wait (1 s, 2 s, 4 s … up to 5 min). Counted in Redis so every replica sees the same count.
 */
export class LoginThrottle {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly freeAttempts = 5,
  ) {}

  private key(id: string) {
    return `${this.prefix}:login-fail:${id}`;
  }

  async beforeAttempt(id: string): Promise<void> {
    const [count, lastAt] = await this.redis.hmget(this.key(id), 'count', 'lastAt');
    const failures = Number(count ?? 0);
    if (failures < this.freeAttempts) return;
    const waitMs = Math.min(300_000, 1000 * 2 ** (failures - this.freeAttempts));
    const readyAt = Number(lastAt ?? 0) + waitMs;
    if (Date.now() < readyAt) {
      const seconds = Math.ceil((readyAt - Date.now()) / 1000);
      throw new AppError('TOO_MANY_REQUESTS', `Too many failed logins; try again in ${seconds} s.`, {
        retryAfterSeconds: seconds,
      });
    }
  }

  async failed(id: string): Promise<void> {
    const key = this.key(id);
    await this.redis
      .multi()
      .hincrby(key, 'count', 1)
      .hset(key, 'lastAt', Date.now())
      .expire(key, 3600)
      .exec();
  }

  async succeeded(id: string): Promise<void> {
    await this.redis.del(this.key(id));
  }
}
