import assert from 'node:assert/strict';
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import type { TicketDoc } from '@grid-dispatch/db';
import { startSla } from '@grid-dispatch/sla';
import { Redis } from 'ioredis';
import { addFastCategory } from '../support/fast-category';
import { eventually, request } from '../support/http-client';
import { OwnServer } from '../support/own-servers';
import { startTestSystem, type TestSystem } from '../support/test-system';

const PENDING = 200;

async function fileMany(system: TestSystem, category: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  const grids = ['chunhai-g1', 'chunhai-g2', 'dongri-g1', 'linhai-g2'];
  for (let i = 0; i < count; i += 20) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(20, count - i) }, (_, j) =>
        request(system.url, 'POST', '/api/v1/reports', {
          body: {
            category,
            description: `durability ${i + j}`,
            location: demoGridCentre(grids[(i + j) % grids.length]!),
          },
        }),
      ),
    );
    for (const res of batch) {
      assert.equal(res.status, 201, JSON.stringify(res.body));
      ids.push(res.body.ticketId);
    }
  }
  await eventually(
    async () => {
      const n = await system.platform.models.tickets.countDocuments({
        _id: { $in: ids },
        status: 'dispatched',
      });
      return n === ids.length ? true : undefined;
    },
    60000,
    1000,
  );
  return ids;
}

/** Every ticket breached exactly once; returns how late each breach was after its due time (ms). */
async function awaitBreaches(system: TestSystem, ids: string[], timeoutMs: number): Promise<number[]> {
  let waiting = 'not yet read';
  const tickets = await eventually(
    async () => {
      const list = await system.platform.models.tickets
        .find({ _id: { $in: ids } })
        .lean<TicketDoc[]>()
        .exec();
      const unbreached = list.filter((t) => !t.events.some((e) => e.type === 'sla.breached'));
      waiting = `${list.length} tickets read, ${unbreached.length} without a breach (${unbreached
        .slice(0, 3)
        .map((t) => `${t._id} ${t.status} ${JSON.stringify(t.deadlines)}`)
        .join('; ')})`;
      return list.length === ids.length && unbreached.length === 0 ? list : undefined;
    },
    timeoutMs,
    1000,
  ).catch((error) => {
    throw new Error(`${error.message}; last read: ${waiting}`);
  });
  await new Promise((r) => setTimeout(r, 1500)); // any duplicate would show up now
  const again = await system.platform.models.tickets
    .find({ _id: { $in: ids } })
    .lean<TicketDoc[]>()
    .exec();
  for (const t of again)
    assert.equal(
      t.events.filter((e) => e.type === 'sla.breached').length,
      1,
      `ticket ${t._id} breached more than once`,
    );
  return tickets.map((t) => {
    const breach = t.events.find((e) => e.type === 'sla.breached')!;
    return new Date(breach.at).getTime() - Date.parse(String(breach.payload.dueAt));
  });
}

/** Deadlines survive a stopped sla service and a wiped Redis, and fire exactly once. */
describe('SLA durability with 200 pending deadlines', function () {
  this.timeout(400000);

  it('fires every deadline exactly once after the sla service was stopped and restarted', async () => {
    const system = await startTestSystem();
    let restarted: Awaited<ReturnType<typeof startSla>> | null = null;
    try {
      await addFastCategory(system.platform, 'restart_cat', 'PT12S');
      await system.services.sla.stop();
      const ids = await fileMany(system, 'restart_cat', PENDING);
      restarted = await startSla(system.platform, system.config);
      const lateness = await awaitBreaches(system, ids, 150000);
      assert.equal(lateness.length, PENDING);
      const sorted = [...lateness].sort((a, b) => a - b);
      console.log(
        `      restart: ${PENDING} fired once each; lateness p50 ${sorted[100]} ms, max ${sorted.at(-1)} ms`,
      );
    } finally {
      await restarted?.stop();
      await system.destroy();
    }
  });

  it('restores every deadline after FLUSHALL within one reconcile interval, each firing once', async () => {
    const redis = await OwnServer.redis();
    await redis.start();
    // Ten seconds: short enough that a pass comes between the wipe and the first deadline (≥ 17 s
    // later here), long enough that the passes themselves do not load the 2 cores (the default is 1 min).
    const intervalMs = 10_000;
    const system = await startTestSystem({
      REDIS_URL: `redis://127.0.0.1:${redis.port}`,
      SLA_RECONCILE_EVERY: 'PT10S',
    });
    try {
      await addFastCategory(system.platform, 'flush_cat', 'PT30S');
      const ids = await fileMany(system, 'flush_cat', PENDING);
      const client = new Redis(`redis://127.0.0.1:${redis.port}`);
      // Wait until every ticket's breach job is in Redis (reminders may already have fired).
      const delayedKey = `${system.config.QUEUE_PREFIX}:sla-deadlines:delayed`;
      const dueJobs = async () =>
        (await client.zrange(delayedKey, '0', '-1')).filter((id) => id.endsWith('.due')).length;
      await eventually(async () => ((await dueJobs()) >= PENDING ? true : undefined), 60000, 500);
      await client.flushall();
      const flushedAt = Date.now();
      await eventually(async () => ((await dueJobs()) >= PENDING ? true : undefined), 3 * intervalMs, 100);
      const restoredMs = Date.now() - flushedAt;
      await client.quit();
      const lateness = await awaitBreaches(system, ids, 150000);
      assert.equal(lateness.length, PENDING);
      const sorted = [...lateness].sort((a, b) => a - b);
      console.log(
        `      FLUSHALL: ${PENDING} breach jobs back ${restoredMs} ms after the wipe (reconcile every ${intervalMs} ms); fired once each, lateness p50 ${sorted[100]} ms, max ${sorted.at(-1)} ms`,
      );
      assert.ok(restoredMs <= 2 * intervalMs, `jobs restored ${restoredMs} ms after the wipe`);
      assert.ok(
        sorted.at(-1)! <= intervalMs,
        `every deadline within one reconcile interval of its time: max ${sorted.at(-1)} ms`,
      );
    } finally {
      await system.destroy();
      await redis.kill();
    }
  });
});
