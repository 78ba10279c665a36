import assert from 'node:assert/strict';
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import { Topic, topicName } from '@grid-dispatch/contracts';
import type { TicketDoc } from '@grid-dispatch/db';
import { type KpiService, startKpi } from '@grid-dispatch/kpi';
import { eventually, login, request, requestPrepared } from '../support/http-client';
import { assertSameFigures, categoryLimits, recount } from '../support/kpi-recount';
import { startTestSystem, type TestSystem } from '../support/test-system';

/**
 * The KPI projection under contention: 1,000 reports from one grid on one day, all led by one unit,
 * so every one of their events counts in the same (scope, day) figures, projected by two KPI
 * consumers at once (two kpi service instances share the `kpi` group's partitions, each working on
 * several partitions side by side). Every event must be counted — none dead-lettered, none lost
 * to a busy record — and GET /api/v1/kpis must equal the recount from the stored tickets.
 */
describe('KPI projection: 1,000 events at one bucket from concurrent consumers', function () {
  this.timeout(600000);
  const REPORTS = 1000;
  let system: TestSystem;
  let second: KpiService;
  const ids: string[] = [];

  before(async () => {
    // Exact reads: the figures are compared as soon as the projection has folded the last event,
    // where by default a summary built in the last 10 s may still be served.
    system = await startTestSystem({ KPI_STALE_FOR_MS: '0' });
    second = await startKpi(system.platform, system.config);
  });
  after(async () => {
    await second?.stop();
    await system?.destroy();
  });

  it('counts every one of them, as a recount from the tickets does', async () => {
    const where = demoGridCentre('chunhai-g1');
    let next = 0;
    const fileSome = async () => {
      while (next < REPORTS) {
        const n = next++;
        const res = await request(system.url, 'POST', '/api/v1/reports', {
          body: {
            category: 'road_collapse',
            description: `contention report ${n}`,
            location: { lat: where.lat + (n % 7) * 1e-5, lng: where.lng + (n % 11) * 1e-5 },
          },
        });
        assert.equal(res.status, 201, JSON.stringify(res.body));
        ids.push(res.body.ticketId);
      }
    };
    await Promise.all(Array.from({ length: 16 }, fileSome));

    // Every ticket dispatched, and the projection caught up with every one of them.
    await eventually(
      async () => {
        const [tickets, facts] = await Promise.all([
          system.platform.models.tickets.find({ status: 'dispatched' }, { version: 1 }).lean(),
          system.platform.models.kpiTickets.find({}, { version: 1 }).lean(),
        ]);
        const folded = new Map(facts.map((f) => [f._id, f.version]));
        const done = tickets.filter((t) => folded.get(t._id) === t.version).length;
        return tickets.length === REPORTS && done === REPORTS ? true : undefined;
      },
      300000,
      1000,
    );

    const token = await login(system.url, 'zhongshan.secretary', 'demo-test-password');
    const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const res = await requestPrepared(
      system.url,
      'GET',
      `/api/v1/kpis?${new URLSearchParams({ areaId: 'chunhai-g1', from: day, to: day })}`,
      { token },
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.counts.dispatched, REPORTS, 'every dispatch counted in the one bucket');
    const tickets = (await system.platform.models.tickets.find({}).lean()) as TicketDoc[];
    assertSameFigures(res.body, recount(tickets, await categoryLimits(system.platform), {}));
  });

  it('sent nothing to the dead-letter topic', async () => {
    const admin = system.platform.kafka.admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchTopicOffsets(
        topicName(system.config.TOPIC_PREFIX, Topic.TicketEventsDeadLetter),
      );
      assert.deepEqual(
        offsets.map((o) => o.high),
        offsets.map(() => '0'),
      );
    } finally {
      await admin.disconnect();
    }
  });
});
