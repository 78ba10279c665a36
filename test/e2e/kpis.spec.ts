import assert from 'node:assert/strict';
import type { TicketDoc } from '@grid-dispatch/db';
import { io, type Socket } from 'socket.io-client';
import { addFastCategory } from '../support/fast-category';
import { eventually, login, request, requestPrepared } from '../support/http-client';
import { assertSameFigures, categoryLimits, recount } from '../support/kpi-recount';
import { fileAndDispatch, ticketWhen } from '../support/reports';
import { startTestSystem, type TestSystem } from '../support/test-system';

/**
 * Every rating counts in the KPIs, and KPI figures come from projections updated by events,
 * checked against a recount from the raw tickets.
 * Tickets go through every kind of path on the real servers; the live service projects their
 * events into KPI records; GET /api/v1/kpis must equal an independent count over the tickets'
 * stored histories.
 */
describe('KPIs from the event projection equal a recount from the raw tickets', function () {
  this.timeout(180000);
  let system: TestSystem;
  const token: Record<string, string> = {};
  const password = 'demo-test-password';
  const ids: string[] = [];
  const kpiHints: any[] = [];
  let socket: Socket | undefined;
  const day = (offset: number) =>
    new Date(Date.now() + offset * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
  const period = { from: day(-1), to: day(1) };

  before(async () => {
    // Exact reads: these tests compare with a recount as soon as the projection has folded the
    // last event, where by default a summary built in the last 10 s may still be served.
    system = await startTestSystem({ KPI_STALE_FOR_MS: '0' });
    await addFastCategory(system.platform, 'kpi_fast', 'PT2S', 'PT3S');
    for (const user of [
      'municipal.member',
      'water.member',
      'chunhai.secretary',
      'zhongshan.secretary',
      'dongri.secretary',
    ]) {
      token[user] = await login(system.url, user, password);
    }
    socket = io(system.url, {
      auth: { token: token['chunhai.secretary'] },
      transports: ['websocket'],
      reconnection: false,
    });
    socket.on('kpi.updated', (m) => kpiHints.push(m));
    await new Promise<void>((resolve, reject) => {
      socket!.once('connect', () => resolve());
      socket!.once('connect_error', reject);
    });
  });
  after(async () => {
    socket?.disconnect();
    await system?.destroy();
  });

  async function file(category = 'road_collapse') {
    const filed = await fileAndDispatch(system, { category });
    ids.push(filed.ticketId);
    return { id: filed.ticketId, code: filed.trackingCode, reporterToken: filed.reporterToken };
  }
  async function act(user: string, id: string, action: string, body: unknown = {}) {
    const res = await request(system.url, 'POST', `/api/v1/tickets/${id}/${action}`, {
      token: token[user],
      body,
    });
    assert.equal(res.status, 200, `${user} ${action}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
  async function rate(t: { code: string; reporterToken: string }, rating: string) {
    const res = await request(system.url, 'POST', `/api/v1/reports/${t.code}/feedback`, {
      body: { reporterToken: t.reporterToken, rating },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  }
  async function kpis(user: string, query: Record<string, string>) {
    const qs = new URLSearchParams({ ...period, ...query }).toString();
    return requestPrepared(system.url, 'GET', `/api/v1/kpis?${qs}`, { token: token[user] });
  }

  it('runs tickets through every kind of path', async () => {
    // A: straight through, rated satisfied.
    const a = await file();
    await act('municipal.member', a.id, 'accept');
    await act('municipal.member', a.id, 'resolve', { note: 'filled' });
    await act('chunhai.secretary', a.id, 'verify', { solved: true });
    await rate(a, 'satisfied');
    // B: a failed verification, then a dissatisfied resident (reopened, dispatched again), then fixed.
    const b = await file();
    await act('municipal.member', b.id, 'accept');
    await act('municipal.member', b.id, 'resolve', { note: 'patched' });
    await act('chunhai.secretary', b.id, 'verify', { solved: false, note: 'still sinking' });
    await act('municipal.member', b.id, 'resolve', { note: 'patched properly' });
    await act('chunhai.secretary', b.id, 'verify', { solved: true });
    await rate(b, 'dissatisfied');
    await ticketWhen(system, b.id);
    await act('municipal.member', b.id, 'accept');
    await act('municipal.member', b.id, 'resolve', { note: 'rebuilt' });
    await act('chunhai.secretary', b.id, 'verify', { solved: true });
    await rate(b, 'basically_satisfied');
    // C: dispatched, never signed.
    await file();
    // D: returned, approved and handed to water, which signs.
    const d = await file();
    await act('municipal.member', d.id, 'return', { reason: 'this is a water main' });
    await act('chunhai.secretary', d.id, 'decide', { request: 'return', approve: true, unitId: 'water' });
    await act('water.member', d.id, 'accept');
    // E: signed late, fix deadline lapses, fixed late.
    const e = await file('kpi_fast');
    await new Promise((r) => setTimeout(r, 2500));
    await act('municipal.member', e.id, 'accept');
    await ticketWhen(system, e.id, (t) => Boolean(t.deadlines.resolve?.breachedAt), 20000);
    await act('municipal.member', e.id, 'resolve', { note: 'late but done' });
    await act('chunhai.secretary', e.id, 'verify', { solved: true });
    // F: an approved extension, then fixed.
    const f = await file();
    await act('municipal.member', f.id, 'accept');
    const resolveBy = new Date(Date.now() + 2 * 86_400_000).toISOString();
    await act('municipal.member', f.id, 'extension', { resolveBy, reason: 'asphalt plant closed' });
    await act('chunhai.secretary', f.id, 'decide', { request: 'extension', approve: true });
    await act('municipal.member', f.id, 'resolve', { note: 'done' });
    // G: cancelled.
    const g = await file();
    await act('chunhai.secretary', g.id, 'cancel', { reason: 'reported twice by phone' });
  });

  it('answers the same figures as a recount from the stored ticket histories', async () => {
    await waitForProjection();
    const tickets = (await system.platform.models.tickets.find({ _id: { $in: ids } }).lean()) as TicketDoc[];
    const limits = await categoryLimits(system.platform);
    const expected = recount(tickets, limits, {});
    const res = await kpis('chunhai.secretary', {});
    assert.equal(res.status, 200, JSON.stringify(res.body));
    if (process.env.KPI_DEBUG) console.log(JSON.stringify({ ...res.body, units: undefined }, null, 1));
    assertSameFigures(res.body, expected);
    // The ratings all count: satisfied, dissatisfied and basically satisfied.
    assert.deepEqual(
      [
        res.body.counts.rated,
        res.body.counts.satisfied,
        res.body.counts.basicallySatisfied,
        res.body.counts.dissatisfied,
      ],
      [3, 1, 1, 1],
    );
    assert.equal(res.body.counts.dispatched, 9, 'A, B twice, C, D twice, E, F, G');
    assert.equal(res.body.satisfactionRate, 0.6667);
    assert.equal(res.body.resolutionRate, 0.75, 'B’s first closure was undone by the dissatisfied rating');

    const unit = await kpis('municipal.member', {});
    assert.equal(unit.status, 200, JSON.stringify(unit.body));
    assertSameFigures(unit.body, recount(tickets, limits, { unitId: 'municipal' }));

    const district = await kpis('zhongshan.secretary', { areaId: 'zhongshan' });
    assertSameFigures(district.body, expected);
    const ranked = district.body.units.map((u: any) => u.unitId).sort();
    assert.deepEqual(ranked, ['municipal', 'water']);
    for (const u of district.body.units) {
      assertSameFigures(u, recount(tickets, limits, { unitId: u.unitId }));
      assert.ok(u.rank >= 1 && u.name?.zh, JSON.stringify(u));
    }
    const chunhai = district.body.byArea.find((x: any) => x.areaId === 'laohutan');
    assert.ok(chunhai, `drill-down one level below the district: ${JSON.stringify(district.body.byArea)}`);
    assert.equal(chunhai.counts.dispatched, 9);
    assert.deepEqual(district.body.byCategory.map((c: any) => c.category).sort(), [
      'kpi_fast',
      'road_collapse',
    ]);
  });

  it('pushes kpi.updated to the dashboards of the areas concerned', async () => {
    await eventually(async () => (kpiHints.some((m) => m.areaId === 'chunhai') ? true : undefined));
    assert.ok(
      kpiHints.every(
        (m) => typeof m.at === 'string' && (m.areaId !== undefined) !== (m.unitId !== undefined),
      ),
      JSON.stringify(kpiHints),
    );
  });

  it('keeps each caller to their scope and rejects bad parameters with the field named', async () => {
    assert.equal((await kpis('municipal.member', { unitId: 'water' })).status, 404);
    assert.equal((await kpis('dongri.secretary', { areaId: 'chunhai' })).status, 404);
    assert.equal((await kpis('chunhai.secretary', { areaId: 'nowhere' })).status, 404);
    const bad = await kpis('chunhai.secretary', { from: '2026-13-01' });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.error.fields[0].path, 'from');
    const reversed = await kpis('chunhai.secretary', { from: day(1), to: day(-1) });
    assert.equal(reversed.status, 422);
    const unknown = await request(system.url, 'GET', '/api/v1/kpis?sort=1', {
      token: token['chunhai.secretary'],
    });
    assert.equal(unknown.status, 400);
    const injected = await request(system.url, 'GET', '/api/v1/kpis?areaId[$ne]=x', {
      token: token['chunhai.secretary'],
    });
    assert.equal(injected.status, 400);
    assert.equal((await request(system.url, 'GET', '/api/v1/kpis')).status, 401);
  });

  it('renders the monthly joint-meeting report as a printable page and as CSV, naming the chair', async () => {
    const month = day(0).slice(0, 7);
    const html = await requestPrepared(system.url, 'GET', `/api/v1/meetings/chunhai/${month}`, {
      token: token['chunhai.secretary'],
    });
    assert.equal(html.status, 200);
    const page = String(html.body);
    assert.match(page, /联席会议报告/);
    assert.match(page, /轮值主席 rotating chair: <b>[^<（]+/);
    assert.match(page, /市政/, 'municipal works appears in the ranking');
    const csv = await requestPrepared(system.url, 'GET', `/api/v1/meetings/chunhai/${month}?format=csv`, {
      token: token['chunhai.secretary'],
    });
    assert.equal(csv.status, 200);
    const [unitPart, casePart] = String(csv.body)
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n\r\n/);
    const lines = unitPart!.split(/\r\n/);
    assert.match(lines[0]!, /^rank,unit_id,unit_zh,unit_en,responseRate/);
    assert.equal(lines.length, 3, 'a header and the two units that had work');
    // The cases the meeting should talk about: E missed its fix limit, B's resident was dissatisfied.
    const cases = casePart!.split(/\r\n/);
    assert.equal(cases[0], 'case_tracking_code,category,priority,unit_id,reported_at,open,reasons');
    assert.ok(
      cases.some((row) => /,kpi_fast,.*overdue/.test(row)),
      cases.join('\n'),
    );
    assert.ok(
      cases.some((row) => /dissatisfied/.test(row)),
      cases.join('\n'),
    );
    assert.match(page, /逾期与疑难案件 · Overdue and difficult cases/);
    assert.match(page, /需求、资源与项目清单 · Needs, resources and projects/);
    const other = await requestPrepared(system.url, 'GET', `/api/v1/meetings/chunhai/${month}`, {
      token: token['dongri.secretary'],
    });
    assert.equal(other.status, 404);
    const badMonth = await request(system.url, 'GET', '/api/v1/meetings/chunhai/2026-13', {
      token: token['chunhai.secretary'],
    });
    assert.equal(badMonth.status, 422);
  });

  async function waitForProjection() {
    await eventually(
      async () => {
        const [tickets, facts] = await Promise.all([
          system.platform.models.tickets.find({ _id: { $in: ids } }, { version: 1 }).lean(),
          system.platform.models.kpiTickets.find({ _id: { $in: ids } }, { version: 1 }).lean(),
        ]);
        const folded = new Map(facts.map((f) => [f._id, f.version]));
        return tickets.every((t) => folded.get(t._id) === t.version) ? true : undefined;
      },
      30000,
      200,
    );
  }
});
