import assert from 'node:assert/strict';
import { factOf, KpiStore, scopesOf } from '@grid-dispatch/db';
import {
  computeKpis,
  figuresOf,
  figuresOfCells,
  type KpiEvent,
  kpiEntriesOf,
  reportDay,
  tallyOfCells,
} from '@grid-dispatch/domain';
import { isAppError } from '@grid-dispatch/errors';
import { KpiStamps } from '@grid-dispatch/redis';
import { eventually, login, request } from '../support/http-client';
import { startTestSystem, type TestSystem } from '../support/test-system';

const DISTRICT = 'area:zhongshan';
const GRID = ['chunhai-g1', 'chunhai', 'laohutan', 'zhongshan'];

/** One event of a ticket as the projection receives it. */
function event(
  ticketId: string,
  version: number,
  type: string,
  at: number,
  extra: Record<string, unknown> = {},
) {
  return {
    type,
    occurredAt: new Date(at).toISOString(),
    ticketId,
    ticketVersion: version,
    payload: extra,
    ticket: {
      status: 'dispatched',
      category: 'road_collapse',
      priority: 'P1',
      unitId: 'municipal',
      areaIds: GRID,
      deadlines: { ack: { dueAt: new Date(at + 3_600_000).toISOString() } },
      createdAt: new Date(at).toISOString(),
    },
  } satisfies KpiEvent;
}

/**
 * KPI periods are read from day and month summaries kept beside the per-ticket records. They are
 * caches: these tests change what lies under them in every way the system can (a late event on
 * an old day, a crash between the record's write and the stamps, Redis losing its keys) and
 * check that the figures always equal those computed from the records themselves.
 */
describe('KPI summaries: a cached period always equals its ticket records', function () {
  this.timeout(120000);
  let system: TestSystem;
  const now = Date.now();
  const today = reportDay(new Date(now).toISOString());
  // From the first day of the month two months back: two whole months and this month's days.
  const from = (() => {
    const d = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() - 2);
    return d.toISOString().slice(0, 10);
  })();
  const fromMs = Date.parse(`${from}T00:00:00+08:00`);

  before(async () => {
    system = await startTestSystem({ KPI_REFRESH_EVERY_MS: '3600000' });
    // 60 tickets dispatched over the period, half of them signed an hour later.
    for (let n = 0; n < 60; n++) {
      const at = fromMs + Math.floor(((now - fromMs - 2 * 3_600_000) * n) / 60);
      await system.platform.kpis.project(event(`ks-${n}`, 2, 'ticket.dispatched', at));
      if (n % 2 === 0)
        await system.platform.kpis.project(event(`ks-${n}`, 3, 'ticket.accepted', at + 3_000_000));
    }
  });
  after(async () => {
    await system?.destroy();
  });
  const prefix = () => system.config.QUEUE_PREFIX;

  /** The period's figures as GET /kpis computes them, and as the records say they are. */
  async function figures(kpis: KpiStore = system.platform.kpis) {
    const cells = await kpis.cells(DISTRICT, from, today);
    const records = await system.platform.models.kpiTickets.find({}).lean();
    const entries = records
      .flatMap((r) => kpiEntriesOf(factOf(r)))
      .filter((e) => e.day >= from && e.day <= today && scopesOf(e).includes(DISTRICT));
    return { summarised: figuresOf(tallyOfCells(cells)), recounted: computeKpis(entries) };
  }

  it('answers a period of months and days with the records’ own figures, twice (built, then cached)', async () => {
    const first = await figures();
    assert.equal(first.recounted.counts.dispatched, 60);
    assert.deepEqual(first.summarised, first.recounted);
    const stored = await system.platform.models.kpiSummaries.countDocuments({});
    assert.ok(stored >= 3, `summaries were stored (${stored})`);
    const again = await figures();
    assert.deepEqual(again.summarised, again.recounted);
  });

  it('sees a late change to a day in a month already summarised', async () => {
    await figures();
    // Ticket 1 was dispatched in the first month and never signed; it is signed now.
    await system.platform.kpis.project(event('ks-1', 3, 'ticket.accepted', now));
    const after = await figures();
    assert.equal(after.recounted.counts.signed, 31);
    assert.deepEqual(after.summarised, after.recounted);
  });

  it('loses no change when the process dies between the record’s write and the stamps', async () => {
    await figures();
    // A store whose stamps fail after the write: the event throws, as a crash would leave it.
    class CrashingStamps extends KpiStamps {
      override async renew(): Promise<void> {
        throw new Error('crashed before the stamps');
      }
    }
    const dying = new KpiStore(system.platform.models, new CrashingStamps(system.platform.redis, prefix()));
    const late = event('ks-3', 3, 'ticket.accepted', now);
    await assert.rejects(dying.project(late), /crashed before the stamps/);
    // The consumer did not commit the event, so it comes again, to a healthy store.
    await system.platform.kpis.project(late);
    const after = await figures();
    assert.equal(after.recounted.counts.signed, 32);
    assert.deepEqual(after.summarised, after.recounted);
  });

  it('rebuilds every summary when Redis has lost the stamps', async () => {
    await figures();
    const redis = system.platform.redis;
    const keys = await redis.keys(`${system.config.QUEUE_PREFIX}:kpi:stamp:*`);
    assert.ok(keys.length > 0);
    await redis.del(...keys);
    await system.platform.kpis.project(event('ks-5', 3, 'ticket.accepted', now));
    const after = await figures();
    assert.equal(after.recounted.counts.signed, 33);
    assert.deepEqual(after.summarised, after.recounted);
  });

  it('hands a period it has no time to rebuild to the refresher and says when to ask again', async () => {
    await figures();
    const redis = system.platform.redis;
    await redis.del(...(await redis.keys(`${prefix()}:kpi:stamp:*`)));
    // No time to rebuild anything: every summary the period lacks is left to the refresher.
    const capped = { rebuildBudgetMs: 0 };
    const refusal = await system.platform.kpis.cells(DISTRICT, from, today, capped).then(
      () => assert.fail('a period of ~90 days never summarised was rebuilt inline'),
      (error: unknown) => error,
    );
    assert.ok(isAppError(refusal), String(refusal));
    assert.equal(refusal.code, 'KPI_PREPARING');
    assert.ok((refusal.retryAfterSeconds ?? 0) >= 1, `Retry-After ${refusal.retryAfterSeconds}`);
    assert.match(refusal.message, /being summarised \(0 of \d+ parts ready\)/);
    // The refresher takes what the reader left it; then the same capped read is served.
    assert.ok((await system.platform.kpis.refreshStale()).includes(DISTRICT), 'the period was rebuilt');
    const cells = await system.platform.kpis.cells(DISTRICT, from, today, capped);
    const { recounted } = await figures();
    assert.deepEqual(figuresOf(tallyOfCells(cells)), recounted);
  });

  it('has the refresher rebuild what events made stale, before anyone asks', async () => {
    await figures();
    await system.platform.kpis.project(event('ks-7', 3, 'ticket.accepted', now));
    const scopes = await system.platform.kpis.refreshStale();
    assert.ok(scopes.includes(DISTRICT), `scopes rebuilt: ${scopes.join(', ')}`);
    // Today's district summary is stored, current, for any replica to read without a rebuild.
    const id = `${DISTRICT}|${today}`;
    const rebuilt = await system.platform.models.kpiSummaries.findById(id).lean();
    const [stamp] = await new KpiStamps(system.platform.redis, prefix()).current([id]);
    assert.equal(rebuilt?.stamp, stamp, 'today’s summary is current in the database');
    const replica = new KpiStore(system.platform.models, new KpiStamps(system.platform.redis, prefix()));
    const after = await figures(replica);
    assert.equal(after.recounted.counts.signed, 34);
    assert.deepEqual(after.summarised, after.recounted);
  });

  it('serves a summary made stale for as long after its build as allowed, then the current one', async () => {
    await figures();
    const before = await system.platform.kpis.period(DISTRICT, from, today);
    // A late signature on an old day: its day and month summaries are stale from now on.
    await system.platform.kpis.project(event('ks-9', 3, 'ticket.accepted', now - 3_600_000));
    const allowed = await system.platform.kpis.period(DISTRICT, from, today, { staleForMs: 60_000 });
    assert.equal(allowed.version, before.version, 'the last build is served within the window');
    assert.deepEqual(figuresOfCells(allowed.cells), figuresOfCells(before.cells));
    const exact = await system.platform.kpis.period(DISTRICT, from, today);
    assert.notEqual(exact.version, before.version, 'without the window the period is rebuilt');
    const { recounted } = await figures();
    assert.deepEqual(figuresOfCells(exact.cells), recounted);
    // Once rebuilt, the current summaries are served within the window too.
    const after = await system.platform.kpis.period(DISTRICT, from, today, { staleForMs: 60_000 });
    assert.equal(after.version, exact.version);
  });

  it('does not serve a stale summary built before the window', async () => {
    await figures();
    await system.platform.kpis.project(event('ks-11', 3, 'ticket.accepted', now - 3_600_000));
    // The window ends before any summary of this test was built: each stale one is rebuilt.
    const { cells } = await system.platform.kpis.period(DISTRICT, from, today, { staleForMs: 1 });
    const { recounted } = await figures();
    assert.deepEqual(figuresOfCells(cells), recounted);
  });
});

describe('GET /api/v1/kpis on a period never summarised', function () {
  this.timeout(120000);
  let system: TestSystem;

  before(async () => {
    // No time for rebuilding in the request, so the first answer cannot depend on the machine's speed.
    system = await startTestSystem({ KPI_REFRESH_EVERY_MS: '500', KPI_REBUILD_BUDGET_MS: '0' });
  });
  after(async () => {
    await system?.destroy();
  });

  it('answers at once with 503 KPI_PREPARING and Retry-After, then with the figures', async () => {
    const token = await login(system.url, 'zhongshan.secretary', 'demo-test-password');
    const today = reportDay(new Date().toISOString());
    const yearAgo = new Date(Date.parse(`${today}T00:00:00Z`) - 365 * 86_400_000).toISOString().slice(0, 10);
    const path = `/api/v1/kpis?from=${yearAgo}&to=${today}`;
    const first = await request(system.url, 'GET', path, { token });
    assert.equal(first.status, 503, JSON.stringify(first.body));
    assert.equal(first.body.error.code, 'KPI_PREPARING');
    assert.ok(
      Number(first.headers.get('retry-after')) >= 1,
      `Retry-After ${first.headers.get('retry-after')}`,
    );
    // The refresher summarises the year in the background; asking again later gets the figures.
    const answer = await eventually(
      async () => {
        const res = await request(system.url, 'GET', path, { token });
        return res.status === 200 ? res.body : undefined;
      },
      90000,
      1000,
    );
    assert.equal(answer.counts.dispatched, 0);
  });
});
