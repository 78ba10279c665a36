import assert from 'node:assert/strict';
import { AppError } from '@grid-dispatch/errors';
import { ClientThrottle } from '@grid-dispatch/http';
import { createLogger } from '@grid-dispatch/logger';
import { createRedisConnection } from '@grid-dispatch/redis';
import { type LoginLimits, LoginThrottle } from '@grid-dispatch/workflow/dist/login-throttle';
import type { Redis } from 'ioredis';
import { eventually } from '../support/http-client';
import { OwnServer } from '../support/own-servers';
import { uniqueId } from '../support/test-system';

/**
 * The login throttle and the per-client throttle of the public endpoints, driven directly on the
 * shared Redis (rate-limiter-flexible's limiters): two instances on one Redis stand for two
 * replicas, which must share every count. The HTTP behaviour is in login-throttle.spec.ts,
 * public-throttle.spec.ts and photos.spec.ts.
 */
describe('throttles on Redis', function () {
  this.timeout(60000);
  const logger = createLogger({ level: 'silent' });
  let redis: Redis;
  const prefixes: string[] = [];
  const newPrefix = () => {
    const prefix = `gd-${uniqueId()}`;
    prefixes.push(prefix);
    return prefix;
  };

  before(() => {
    redis = createRedisConnection(process.env.REDIS_URL ?? 'redis://127.0.0.1:6389');
  });
  after(async () => {
    for (const prefix of prefixes) {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
    }
    await redis.quit();
  });

  /** 'ok', or the wait in seconds of a 429 (anything else fails the test). */
  async function outcome(attempt: Promise<void>): Promise<'ok' | number> {
    try {
      await attempt;
      return 'ok';
    } catch (error) {
      assert.ok(error instanceof AppError, String(error));
      assert.equal(error.code, 'TOO_MANY_REQUESTS');
      assert.ok(error.retryAfterSeconds! >= 1, `Retry-After ${error.retryAfterSeconds}`);
      assert.match(error.message, new RegExp(`try again in ${error.retryAfterSeconds} s\\.$`));
      return error.retryAfterSeconds!;
    }
  }

  describe('LoginThrottle', () => {
    const unlimited: LoginLimits = { perUserAndAddress: 1000, perUser: 1000, perAddress: 1000, perMinute: 0 };
    /** Two replicas' throttles on one Redis and prefix. */
    const replicas = (limits: Partial<LoginLimits>) => {
      const prefix = newPrefix();
      return [0, 1].map(() => new LoginThrottle(redis, prefix, { ...unlimited, ...limits }));
    };

    for (const [scope, limits, attempt] of [
      ['a username from one address', { perUserAndAddress: 5 }, () => ['water.member', '203.0.113.9']],
      ['a username from any address', { perUser: 5 }, (i: number) => ['water.member', `203.0.113.${i}`]],
      ['an address over any usernames', { perAddress: 5 }, (i: number) => [`user-${i}`, '203.0.113.9']],
    ] as const) {
      it(`counts before the check, atomically: of 40 parallel attempts on ${scope}, exactly the 5 free go on`, async () => {
        const throttles = replicas(limits);
        const outcomes = await Promise.all(
          Array.from({ length: 40 }, (_, i) => {
            const [username, address] = attempt(i);
            return outcome(throttles[i % 2]!.beforeAttempt(username, address));
          }),
        );
        assert.equal(outcomes.filter((o) => o === 'ok').length, 5, outcomes.join(', '));
        const [username, address] = attempt(40);
        assert.notEqual(
          await outcome(throttles[0]!.beforeAttempt(username, address)),
          'ok',
          'the next one waits',
        );
      });
    }

    it('makes each try past the free ones wait twice as long as the last (1 s, 2 s, 4 s); a waiting try is not counted', async () => {
      const [a, b] = replicas({ perUserAndAddress: 2 });
      const address = '198.51.100.20';
      assert.equal(await outcome(a!.beforeAttempt('Gas.Member', address)), 'ok');
      assert.equal(await outcome(b!.beforeAttempt('gas.member', address)), 'ok');
      const waits: number[] = [];
      for (let i = 0; i < 3; i++) {
        const wait = await outcome(a!.beforeAttempt('gas.member', address));
        assert.notEqual(wait, 'ok');
        waits.push(wait as number);
        if (i === 2) break;
        // Tries while the wait runs are refused and not counted, so the one after it is the next count.
        await eventually(
          async () => ((await outcome(b!.beforeAttempt('gas.member', address))) === 'ok' ? true : undefined),
          10000,
          100,
        );
      }
      assert.deepEqual(waits, [1, 2, 4]);
      assert.equal(
        await outcome(a!.beforeAttempt('gas.member', '198.51.100.21')),
        'ok',
        'another address is not slowed',
      );
    });

    it("clears the username's counts on a success, from every address", async () => {
      const [a, b] = replicas({ perUserAndAddress: 3, perUser: 5 });
      const office = '198.51.100.30';
      const seen: Array<'ok' | number> = [];
      seen.push(await outcome(a!.beforeAttempt('clerk', office)));
      seen.push(await outcome(b!.beforeAttempt('clerk', office)));
      seen.push(await outcome(a!.beforeAttempt('clerk', office)));
      await b!.succeeded('clerk', office);
      // Three more from the office (its free attempts again), then it waits; two from elsewhere
      // reach the five free of the username, which then waits too.
      for (let i = 0; i < 4; i++) seen.push(await outcome((i % 2 ? a : b)!.beforeAttempt('clerk', office)));
      for (let i = 1; i <= 3; i++)
        seen.push(await outcome(a!.beforeAttempt('clerk', `198.51.100.${30 + i}`)));
      assert.deepEqual(
        seen.map((s) => (s === 'ok' ? s : 'wait')),
        ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'wait', 'ok', 'ok', 'wait'],
      );
    });

    it("takes a success's own attempt off its address, so colleagues' good logins never slow an office", async () => {
      const [a, b] = replicas({ perAddress: 3 });
      const office = '198.51.100.40';
      for (let i = 0; i < 10; i++) {
        const throttle = (i % 2 ? a : b)!;
        assert.equal(await outcome(throttle.beforeAttempt(`colleague-${i}`, office)), 'ok');
        await throttle.succeeded(`colleague-${i}`, office);
      }
      const failures: Array<'ok' | number> = [];
      for (let i = 0; i < 4; i++) failures.push(await outcome(a!.beforeAttempt(`guess-${i}`, office)));
      assert.deepEqual(failures.slice(0, 3), ['ok', 'ok', 'ok']);
      assert.notEqual(failures[3], 'ok', 'the fourth failure from the office waits');
      assert.equal(
        await outcome(b!.beforeAttempt('guess-4', '198.51.100.41')),
        'ok',
        'another address does not',
      );
    });

    it('caps the attempts of the whole system, atomically, with the wait till the minute is over', async () => {
      const [a, b] = replicas({ perMinute: 5 });
      const answers = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b)!.beforeAttempt(`cap-${i}`, `192.0.2.${i}`)),
      );
      assert.equal(answers.filter((r) => r.status === 'fulfilled').length, 5);
      for (const r of answers) {
        if (r.status === 'fulfilled') continue;
        assert.ok(r.reason instanceof AppError);
        assert.match(
          r.reason.message,
          /^The system is taking too many logins at once; try again in \d+ s\.$/,
        );
        assert.ok(r.reason.retryAfterSeconds! >= 1 && r.reason.retryAfterSeconds! <= 60);
      }
    });
  });

  describe('ClientThrottle', () => {
    it('caps each client per minute, atomically across replicas, with Retry-After; other clients go on', async () => {
      const prefix = newPrefix();
      const [a, b] = [0, 1].map(() => new ClientThrottle(redis, prefix, 'photo uploads', 5, logger));
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, (_, i) => outcome((i % 2 ? a : b)!.take('203.0.113.50'))),
      );
      assert.equal(outcomes.filter((o) => o === 'ok').length, 5, outcomes.join(', '));
      for (const o of outcomes) if (o !== 'ok') assert.ok(o <= 60, `Retry-After ${o}`);
      await assert.rejects(a!.take('203.0.113.50'), {
        code: 'TOO_MANY_REQUESTS',
        message: /^Too many photo uploads; try again in \d+ s\.$/,
      });
      assert.equal(await outcome(b!.take('203.0.113.51')), 'ok');
    });

    it('lets everything through when the limit is 0', async () => {
      const unlimited = new ClientThrottle(redis, newPrefix(), 'public reads', 0, logger);
      for (let i = 0; i < 50; i++) await unlimited.take('203.0.113.60');
    });

    describe('while Redis is away', () => {
      let own: OwnServer;
      let ownRedis: Redis;
      before(async () => {
        own = await OwnServer.redis();
        await own.start();
        ownRedis = createRedisConnection(`redis://127.0.0.1:${own.port}`);
        ownRedis.on('error', () => undefined);
        await eventually(async () => (ownRedis.status === 'ready' ? true : undefined));
      });
      after(async () => {
        ownRedis?.disconnect();
        await own?.kill();
      });

      it('does not refuse residents for it: each replica counts in its own memory until Redis is back', async () => {
        const prefix = `gd-${uniqueId()}`;
        const [a, b] = [0, 1].map(() => new ClientThrottle(ownRedis, prefix, 'tracking sockets', 3, logger));
        await own.kill();
        await eventually(async () => (ownRedis.status !== 'ready' ? true : undefined));
        // Replicas no longer share a count: each lets its own three through, then refuses.
        for (const throttle of [a!, b!]) {
          const seen: Array<'ok' | number> = [];
          for (let i = 0; i < 4; i++) seen.push(await outcome(throttle.take('203.0.113.70')));
          assert.deepEqual(seen.slice(0, 3), ['ok', 'ok', 'ok']);
          assert.notEqual(seen[3], 'ok');
        }

        await own.start();
        await eventually(async () => (ownRedis.status === 'ready' ? true : undefined));
        // Back on Redis: one count for both replicas again.
        const seen: Array<'ok' | number> = [];
        for (let i = 0; i < 4; i++) seen.push(await outcome((i % 2 ? a : b)!.take('203.0.113.71')));
        assert.deepEqual(seen.slice(0, 3), ['ok', 'ok', 'ok']);
        assert.notEqual(seen[3], 'ok');
        assert.equal(await ownRedis.get(`${prefix}:throttle:tracking-sockets:203.0.113.71`), '4');
      });
    });
  });
});
