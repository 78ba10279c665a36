import { AppError } from '@grid-dispatch/errors';
import type { Redis } from 'ioredis';

/**
 * Checks the wait and counts the attempt in one step, before the password is checked: a burst of
 * parallel guesses cannot all slip in between a read and a write (40 at once used to reach the
 * password check together). Returns the milliseconds still to wait, or 0 when the attempt may go on.
 */
const TAKE_ATTEMPT = `
local count = tonumber(redis.call('hget', KEYS[1], 'count') or '0')
local last = tonumber(redis.call('hget', KEYS[1], 'lastAt') or '0')
local free = tonumber(ARGV[1])
local now = tonumber(ARGV[2])
if count >= free then
  local wait = math.min(300000, 1000 * 2 ^ (count - free))
  if now < last + wait then return last + wait - now end
end
redis.call('hincrby', KEYS[1], 'count', 1)
redis.call('hset', KEYS[1], 'lastAt', now)
redis.call('expire', KEYS[1], 3600)
return 0`;

/**
 * Slows down guessing: after 5 logins for a username from one address that did not succeed, each
 * further try must wait (1 s, 2 s, 4 s … up to 5 min). Every attempt counts as a failure until it
 * succeeds, which clears the count. Counted in Redis so every replica sees the same count.
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

  /** Takes one attempt, or answers 429 with the wait when the limit is reached. */
  async beforeAttempt(id: string): Promise<void> {
    const waitMs = Number(
      await this.redis.eval(TAKE_ATTEMPT, 1, this.key(id), String(this.freeAttempts), String(Date.now())),
    );
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      throw new AppError('TOO_MANY_REQUESTS', `Too many failed logins; try again in ${seconds} s.`, {
        retryAfterSeconds: seconds,
      });
    }
  }

  async succeeded(id: string): Promise<void> {
    await this.redis.del(this.key(id));
  }
}
