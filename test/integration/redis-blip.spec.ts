import assert from 'node:assert/strict';
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import { eventually, request } from '../support/http-client';
import { OwnServer } from '../support/own-servers';
import { startTestSystem, type TestSystem } from '../support/test-system';

/**
 * Redis going away for a few seconds while reports keep coming must not take the services down
 * (it did: a command failing after its retry surfaced as an unhandled rejection, which ends a
 * Node process). Reports refused meanwhile answer 503; every report accepted, before, during or
 * after the blip, is dispatched once Redis is back (a report can still be stored while Redis is
 * down: its outbox waits for the relay). The system runs in this test's own process, so an
 * unhandled rejection fails the test.
 */
describe('a Redis blip while reports are filed', function () {
  this.timeout(120000);
  let redis: OwnServer;
  let system: TestSystem;

  before(async () => {
    redis = await OwnServer.redis();
    await redis.start();
    system = await startTestSystem({ REDIS_URL: `redis://127.0.0.1:${redis.port}` });
  });
  after(async () => {
    await redis?.start().catch(() => undefined);
    await system?.destroy();
    await redis?.kill();
  });

  it('keeps the services up and dispatches every accepted report', async () => {
    const accepted: string[] = [];
    const statuses = new Map<number, number>();
    let filing = true;
    const fileLoop = async () => {
      for (let n = 0; filing; n++) {
        const res = await request(system.url, 'POST', '/api/v1/reports', {
          body: {
            category: 'road_collapse',
            description: `blip report ${n}`,
            location: demoGridCentre('linhai-g1'),
          },
        });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status === 201) accepted.push(res.body.ticketId);
        else assert.equal(res.status, 503, JSON.stringify(res.body));
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const loops = [fileLoop(), fileLoop()];
    await eventually(async () => (accepted.length >= 10 ? true : undefined), 30000, 100);
    await redis.kill();
    // Some reports are answered while Redis is down (stored, or refused with 503).
    const answeredBefore = [...statuses.values()].reduce((a, b) => a + b, 0);
    await eventually(
      async () =>
        [...statuses.values()].reduce((a, b) => a + b, 0) >= answeredBefore + 10 ? true : undefined,
      30000,
      100,
    );
    await redis.start();
    const countAfterRestart = accepted.length;
    await eventually(async () => (accepted.length >= countAfterRestart + 10 ? true : undefined), 60000, 200);
    filing = false;
    await Promise.all(loops);

    await eventually(
      async () => {
        const tickets = await system.platform.models.tickets.find({}, { status: 1 }).lean();
        const dispatched = new Set(tickets.filter((t) => t.status === 'dispatched').map((t) => t._id));
        return accepted.every((id) => dispatched.has(id)) ? true : undefined;
      },
      60000,
      500,
    );
    const health = await request(system.url, 'GET', '/healthz');
    assert.equal(health.status, 200, JSON.stringify(health.body));
  });
});
