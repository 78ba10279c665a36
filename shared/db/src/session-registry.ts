import type { Redis } from 'ioredis';
import type { Model } from 'mongoose';
import type { UserDoc } from './models';

/** A staff token's claims that decide whether it still speaks for its user. */
export interface SessionClaims {
  userId: string;
  sessionVersion: number;
}

/** What a cached entry holds for an account that cannot log in (deleted or deactivated). */
const CLOSED = 'closed';

/**
 * Which staff tokens still count. A token carries its user's session version from login; any
 * change an administrator makes to the account (password, role, unit, area, deactivation) moves
 * the version on, so every token issued before stops working at once — on the next request and, in
 * the live service, within seconds for open sockets.
 *
 * Checked on every staff request, so the version is read from Redis (`<prefix>:session:<user>`),
 * filled from the users collection on a miss. Readers fill it only where it is absent and `revoke`
 * overwrites it after the database, so a reader that raced a revocation can never put the old
 * version back.
 */
export class SessionRegistry {
  constructor(
    private readonly users: Model<UserDoc>,
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(userId: string): string {
    return `${this.prefix}:session:${userId}`;
  }

  /** The version a user's tokens must carry, or null when the account cannot log in. */
  async currentVersion(userId: string): Promise<number | null> {
    const cached = await this.redis.get(this.key(userId)).catch(() => null);
    if (cached !== null) return cached === CLOSED ? null : Number(cached);
    const user = await this.users
      .findById(userId, { active: 1, sessionVersion: 1 })
      .lean<Pick<UserDoc, 'active' | 'sessionVersion'>>()
      .exec();
    const version = user?.active ? (user.sessionVersion ?? 0) : null;
    await this.redis
      .set(this.key(userId), version === null ? CLOSED : String(version), 'EX', 3600, 'NX')
      .catch(() => undefined);
    return version;
  }

  async isCurrent(claims: SessionClaims): Promise<boolean> {
    return (await this.currentVersion(claims.userId)) === claims.sessionVersion;
  }

  /** Ends every session of the user: call after changing the account in the database. */
  async revoke(userId: string): Promise<void> {
    const user = await this.users
      .findOneAndUpdate({ _id: userId }, { $inc: { sessionVersion: 1 } }, { returnDocument: 'after' })
      .lean<Pick<UserDoc, 'active' | 'sessionVersion'>>()
      .exec();
    const value = user?.active ? String(user.sessionVersion ?? 0) : CLOSED;
    await this.redis.set(this.key(userId), value, 'EX', 3600);
  }
}
