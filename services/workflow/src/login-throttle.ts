import { AppError } from '@grid-dispatch/errors';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/** How long attempts are counted, from the first one counted (a success clears a username's sooner). */
const COUNTED_FOR_SECONDS = 3600;
/** The longest wait between two tries once the free attempts are used. */
const LONGEST_WAIT_SECONDS = 300;

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
 * What failures are counted against (a username from one address, a username, an address), as two
 * rate-limiter-flexible limiters on Redis:
 * - `attempts` counts every attempt (an atomic increment), its points being the free attempts;
 * - `turn` is taken by each try once the free attempts are used (a limiter of one point, so of any
 *   number of parallel tries exactly one gets it) and is then held for the wait the try's count
 *   earns: 1 s for the last free attempt, then 2 s, 4 s … up to 5 min. A try that finds it held
 *   waits for what is left of it.
 */
class Scope {
  readonly attempts: RateLimiterRedis;
  readonly turn: RateLimiterRedis;

  constructor(
    redis: Redis,
    keyPrefix: string,
    readonly free: number,
  ) {
    this.attempts = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${keyPrefix}:attempts`,
      points: free,
      duration: COUNTED_FOR_SECONDS,
    });
    // Its duration is given with each consume (the wait the try earned).
    this.turn = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${keyPrefix}:turn`,
      points: 1,
      duration: 1,
    });
  }

  /** Counts one attempt; answers the count including it. */
  async count(key: string): Promise<number> {
    return (await settled(this.attempts.consume(key))).consumedPoints;
  }

  /** For the attempt numbered `count`: the milliseconds it must still wait (0: it took the turn). */
  async takeTurn(key: string, count: number): Promise<number> {
    if (count < this.free) return 0;
    const waitSeconds = Math.min(LONGEST_WAIT_SECONDS, 2 ** (count - this.free));
    const res = await settled(this.turn.consume(key, 1, { customDuration: waitSeconds }));
    return res.consumedPoints > 1 ? Math.max(1, res.msBeforeNext) : 0;
  }
}

/** The limiter's answer whether it let the action through or not; a store failure still throws. */
async function settled(consumed: Promise<RateLimiterRes>): Promise<RateLimiterRes> {
  return consumed.catch((rejection: unknown) => {
    if (rejection instanceof RateLimiterRes) return rejection;
    throw rejection;
  });
}

/**
 * Slows down guessing (rate-limiter-flexible on Redis, so every replica sees the same counts).
 * Every attempt is counted before the password is checked and counts as a failure until it
 * succeeds; a success clears the username's counts (and takes its own attempt off the address's,
 * so a shared office is not slowed by its colleagues' good logins). Each count is an atomic
 * increment and each turn after the free attempts goes to one try only, so a burst of parallel
 * guesses cannot slip past the counts (40 at once used to reach the password check together). A
 * try that must wait is not counted. The whole system is capped per minute, since each attempt
 * costs a password hash.
 */
export class LoginThrottle {
  private readonly scopes: [userAndAddress: Scope, user: Scope, address: Scope];
  private readonly all: RateLimiterRedis | undefined;

  constructor(redis: Redis, prefix: string, limits: LoginLimits) {
    this.scopes = [
      new Scope(redis, `${prefix}:login:user-address`, limits.perUserAndAddress),
      new Scope(redis, `${prefix}:login:user`, limits.perUser),
      new Scope(redis, `${prefix}:login:address`, limits.perAddress),
    ];
    if (limits.perMinute > 0)
      this.all = new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${prefix}:login:all`,
        points: limits.perMinute,
        duration: 60,
      });
  }

  private keys(username: string, address: string): [string, string, string] {
    const user = username.toLowerCase();
    return [`${user}|${address}`, user, address];
  }

  /** Takes one attempt, or answers 429 with the wait when a limit is reached. */
  async beforeAttempt(username: string, address: string): Promise<void> {
    await this.takeGlobal();
    const keys = this.keys(username, address);
    const counts = await Promise.all(this.scopes.map((scope, i) => scope.count(keys[i]!)));
    const waits = await Promise.all(this.scopes.map((scope, i) => scope.takeTurn(keys[i]!, counts[i]!)));
    const waitMs = Math.max(...waits);
    if (waitMs === 0) return;
    // Not an attempt after all: give the counts back, and the turns this try took (so that only
    // the scope that made it wait holds a wait).
    await Promise.all(
      this.scopes.flatMap((scope, i) => [
        scope.attempts.reward(keys[i]!),
        ...(counts[i]! >= scope.free && waits[i] === 0 ? [scope.turn.delete(keys[i]!)] : []),
      ]),
    );
    const seconds = Math.ceil(waitMs / 1000);
    throw new AppError('TOO_MANY_REQUESTS', `Too many failed logins; try again in ${seconds} s.`, {
      retryAfterSeconds: seconds,
    });
  }

  /** Clears the username's counts and waits, and takes this attempt off the address's count. */
  async succeeded(username: string, address: string): Promise<void> {
    const [userAndAddress, user, fromAddress] = this.scopes;
    const keys = this.keys(username, address);
    await Promise.all([
      userAndAddress.attempts.delete(keys[0]),
      userAndAddress.turn.delete(keys[0]),
      user.attempts.delete(keys[1]),
      user.turn.delete(keys[1]),
      fromAddress.attempts.reward(keys[2]),
    ]);
  }

  private async takeGlobal(): Promise<void> {
    if (!this.all) return;
    const res = await settled(this.all.consume('any'));
    if (res.consumedPoints <= this.all.points) return;
    const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    throw new AppError(
      'TOO_MANY_REQUESTS',
      `The system is taking too many logins at once; try again in ${seconds} s.`,
      { retryAfterSeconds: seconds },
    );
  }
}
