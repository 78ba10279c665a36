import { AppError } from '@grid-dispatch/errors';
import type { Redis } from 'ioredis';

/**
 * Checks the waits and counts the attempt in one step, before the password is checked, over
 * three counters at once (KEYS: the username from this address, the username from anywhere,
 * this address for any username; ARGV: their free attempts, then now). A burst of parallel
 * guesses cannot slip in between a read and a write (40 at once used to reach the password check
 * together). Returns the milliseconds still to wait (the longest), or 0 when the attempt may go on.
 */
const TAKE_ATTEMPT = `
local now = tonumber(ARGV[#ARGV])
local longest = 0
for i, key in ipairs(KEYS) do
  local count = tonumber(redis.call('hget', key, 'count') or '0')
  local last = tonumber(redis.call('hget', key, 'lastAt') or '0')
  local free = tonumber(ARGV[i])
  if count >= free then
    local wait = math.min(300000, 1000 * 2 ^ (count - free))
    if now < last + wait and last + wait - now > longest then longest = last + wait - now end
  end
end
if longest > 0 then return longest end
for _, key in ipairs(KEYS) do
  redis.call('hincrby', key, 'count', 1)
  redis.call('hset', key, 'lastAt', now)
  redis.call('expire', key, 3600)
end
return 0`;

/** A success clears the username's counts and takes its own attempt off the address's count. */
const SUCCEEDED = `
redis.call('del', KEYS[1], KEYS[2])
if tonumber(redis.call('hget', KEYS[3], 'count') or '0') > 0 then redis.call('hincrby', KEYS[3], 'count', -1) end
return 0`;

/** Every login attempt of the whole system in the current minute, counted before the check. */
const TAKE_GLOBAL = `
local n = redis.call('incr', KEYS[1])
if n == 1 then redis.call('expire', KEYS[1], 120) end
return n`;

export interface LoginLimits {
  /** Failures before a username from one address must wait (1 s, 2 s, 4 s … up to 5 min). */
  perUserAndAddress: number;
  /** Failures of a username from any address before it must wait: guessing spread over addresses. */
  perUser: number;
  /** Failures from one address over any usernames before it must wait: one password tried on many. */
  perAddress: number;
  /** Login attempts of the whole system per minute (0: no cap): the password hashing budget. */
  perMinute: number;
}

/**
 * Slows down guessing. Every attempt counts as a failure until it succeeds; a success clears the
 * username's counts (and takes its own attempt off the address's, so a shared office is not
 * slowed by its colleagues' good logins). Counted in Redis so every replica sees the same counts,
 * and capped for the whole system per minute, since each attempt costs a password hash.
 */
export class LoginThrottle {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly limits: LoginLimits,
  ) {}

  private keys(username: string, address: string): string[] {
    const user = username.toLowerCase();
    return [
      `${this.prefix}:login-fail:${user}|${address}`,
      `${this.prefix}:login-fail-user:${user}`,
      `${this.prefix}:login-fail-address:${address}`,
    ];
  }

  /** Takes one attempt, or answers 429 with the wait when a limit is reached. */
  async beforeAttempt(username: string, address: string): Promise<void> {
    await this.takeGlobal();
    const { perUserAndAddress, perUser, perAddress } = this.limits;
    const waitMs = Number(
      await this.redis.eval(
        TAKE_ATTEMPT,
        3,
        ...this.keys(username, address),
        String(perUserAndAddress),
        String(perUser),
        String(perAddress),
        String(Date.now()),
      ),
    );
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      throw new AppError('TOO_MANY_REQUESTS', `Too many failed logins; try again in ${seconds} s.`, {
        retryAfterSeconds: seconds,
      });
    }
  }

  async succeeded(username: string, address: string): Promise<void> {
    await this.redis.eval(SUCCEEDED, 3, ...this.keys(username, address));
  }

  private async takeGlobal(): Promise<void> {
    if (this.limits.perMinute === 0) return;
    const minute = Math.floor(Date.now() / 60_000);
    const n = Number(await this.redis.eval(TAKE_GLOBAL, 1, `${this.prefix}:login-all:${minute}`));
    if (n > this.limits.perMinute) {
      const seconds = Math.max(1, Math.ceil(((minute + 1) * 60_000 - Date.now()) / 1000));
      throw new AppError(
        'TOO_MANY_REQUESTS',
        `The system is taking too many logins at once; try again in ${seconds} s.`,
        { retryAfterSeconds: seconds },
      );
    }
  }
}
