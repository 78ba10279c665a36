import assert from 'node:assert/strict';
import { factOf, KpiStamps, KpiStore, scopesOf } from '@grid-dispatch/db';
import {
  computeKpis,
  figuresOf,
  type KpiEvent,
  kpiEntriesOf,
  reportDay,
  tallyOfCells,
} from '@grid-dispatch/domain';
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

  it('has the refresher rebuild what events made stale, before anyone asks', async () => {
    await figures();
    await system.platform.kpis.project(event('ks-7', 3, 'ticket.accepted', now));
    const months = await system.platform.kpis.refreshStale();
    assert.ok(months >= 1, `months rebuilt: ${months}`);
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
});
