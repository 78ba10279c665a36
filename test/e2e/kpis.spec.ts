import assert from 'node:assert/strict';
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import type { TicketDoc } from '@grid-dispatch/db';
import { io, type Socket } from 'socket.io-client';
import { addFastCategory } from '../support/fast-category';
import { eventually, login, request } from '../support/http-client';
import { startTestSystem, type TestSystem } from '../support/test-system';

/**
 * Issue 3 ("every rating counts in the KPIs") and issue 5 §2 ("KPI figures come from projections
 * updated by events … a test recomputes them from raw tickets and finds the same numbers").
 * Tickets go through every kind of path on the real servers; the live service projects their
 * events into day buckets; GET /api/v1/kpis must equal an independent count over the tickets'
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
    system = await startTestSystem();
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
    const res = await request(system.url, 'POST', '/api/v1/reports', {
      body: {
        category,
        description: 'a hole has opened in the road',
        location: demoGridCentre('chunhai-g1'),
      },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    ids.push(res.body.ticketId);
    await waitFor(res.body.ticketId, (t) => t.status === 'dispatched');
    return {
      id: res.body.ticketId as string,
      code: res.body.trackingCode as string,
      reporterToken: res.body.reporterToken,
    };
  }
  async function waitFor(id: string, ok: (t: TicketDoc) => boolean, timeoutMs = 15000) {
    return eventually(async () => {
      const t = await system.platform.models.tickets.findById(id).lean();
      return t && ok(t as TicketDoc) ? t : undefined;
    }, timeoutMs);
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
    return request(system.url, 'GET', `/api/v1/kpis?${qs}`, { token: token[user] });
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
    await waitFor(b.id, (t) => t.status === 'dispatched');
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
    await waitFor(e.id, (t) => Boolean(t.deadlines.resolve?.breachedAt), 20000);
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
    const limits = await categoryLimits();
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
    const html = await request(system.url, 'GET', `/api/v1/meetings/chunhai/${month}`, {
      token: token['chunhai.secretary'],
    });
    assert.equal(html.status, 200);
    const page = String(html.body);
    assert.match(page, /联席会议报告/);
    assert.match(page, /轮值主席 rotating chair: <b>[^<（]+/);
    assert.match(page, /市政/, 'municipal works appears in the ranking');
    const csv = await request(system.url, 'GET', `/api/v1/meetings/chunhai/${month}?format=csv`, {
      token: token['chunhai.secretary'],
    });
    assert.equal(csv.status, 200);
    const lines = String(csv.body)
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    assert.match(lines[0]!, /^rank,unit_id,unit_zh,unit_en,responseRate/);
    assert.equal(lines.length, 3, 'a header and the two units that had work');
    const other = await request(system.url, 'GET', `/api/v1/meetings/chunhai/${month}`, {
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
          system.platform.models.ticketFacts.find({ _id: { $in: ids } }).lean(),
        ]);
        const folded = new Map(facts.map((f) => [f._id, f.fact.version]));
        return tickets.every((t) => folded.get(t._id) === t.version) ? true : undefined;
      },
      30000,
      200,
    );
  }

  async function categoryLimits() {
    const categories = await system.platform.models.categories.find({}).lean();
    return new Map(
      categories.map((c) => [c._id, { ack: seconds(c.ackWithin), resolve: seconds(c.resolveWithin) }]),
    );
  }
});

/** PT2S, PT15M, PT4H, P1D → seconds (enough for the calendar-time categories used here). */
function seconds(iso: string): number {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso);
  if (!m) throw new Error(`unexpected duration ${iso}`);
  return (Number(m[1] ?? 0) * 24 + Number(m[2] ?? 0)) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
}

/**
 * An independent recount of product.md's measures from the tickets' stored histories and the
 * categories' limits — written plainly from the definitions, sharing no code with the projection.
 */
function recount(
  tickets: TicketDoc[],
  limits: Map<string, { ack: number; resolve: number }>,
  filter: { unitId?: string },
) {
  const c = {
    dispatched: 0,
    signed: 0,
    signedOnTime: 0,
    due: 0,
    fixedOnTime: 0,
    closed: 0,
    solved: 0,
    rated: 0,
    satisfied: 0,
    basicallySatisfied: 0,
    dissatisfied: 0,
    returned: 0,
  };
  const ack: number[] = [];
  const fix: number[] = [];
  for (const t of tickets) {
    const limit = limits.get(t.category)!;
    type Dispatch = {
      unit: string;
      at: number;
      ackDue: number;
      signedAt?: number;
      resolveDue?: number;
      fixedAt?: number;
      lapsed?: boolean;
      returned?: boolean;
    };
    const dispatches: Dispatch[] = [];
    const closures: Array<{ unit: string; standing: boolean }> = [];
    const ratings: Array<{ unit: string; rating: string }> = [];
    let lastFixer: Dispatch | undefined;
    for (const e of t.events) {
      const at = new Date(e.at).getTime();
      const p = e.payload as any;
      const cur = dispatches.at(-1);
      if (
        (e.type === 'ticket.dispatched' && p.unitId) ||
        e.type === 'ticket.reassigned' ||
        e.type === 'ticket.return_approved'
      ) {
        dispatches.push({ unit: p.unitId, at, ackDue: at + limit.ack * 1000 });
      } else if (e.type === 'ticket.accepted' && cur) {
        cur.signedAt = at;
        cur.resolveDue = at + limit.resolve * 1000;
      } else if (e.type === 'ticket.return_requested' && cur) {
        cur.returned = true;
      } else if (e.type === 'ticket.extension_approved' && cur) {
        cur.resolveDue = Date.parse(p.resolveBy);
      } else if (e.type === 'sla.breached' && p.deadline === 'resolve' && cur) {
        cur.lapsed = true;
      } else if (e.type === 'ticket.resolved' && cur) {
        cur.fixedAt = at;
        lastFixer = cur;
      } else if (e.type === 'ticket.verification_failed' && cur) {
        cur.fixedAt = undefined;
        cur.resolveDue = at + limit.resolve * 1000;
      } else if (e.type === 'ticket.verified' && cur) {
        closures.push({ unit: cur.unit, standing: true });
      } else if (e.type === 'ticket.rated') {
        ratings.push({ unit: lastFixer?.unit ?? '', rating: p.rating });
        if (p.rating === 'dissatisfied' && closures.length) closures.at(-1)!.standing = false;
      }
    }
    const mine = (unit: string) => filter.unitId === undefined || unit === filter.unitId;
    for (const d of dispatches.filter((x) => mine(x.unit))) {
      c.dispatched += 1;
      if (d.returned) c.returned += 1;
      if (d.signedAt !== undefined) {
        c.signed += 1;
        if (d.signedAt <= d.ackDue) c.signedOnTime += 1;
        ack.push(Math.round((d.signedAt - d.at) / 1000));
      }
      if (d.fixedAt !== undefined || d.lapsed) c.due += 1;
      if (d.fixedAt !== undefined && d.signedAt !== undefined) {
        if (d.fixedAt <= d.resolveDue!) c.fixedOnTime += 1;
        fix.push(Math.round((d.fixedAt - d.signedAt) / 1000));
      }
    }
    for (const x of closures.filter((y) => mine(y.unit))) {
      c.closed += 1;
      if (x.standing) c.solved += 1;
    }
    for (const r of ratings.filter((y) => mine(y.unit))) {
      c.rated += 1;
      if (r.rating === 'satisfied') c.satisfied += 1;
      else if (r.rating === 'basically_satisfied') c.basicallySatisfied += 1;
      else c.dissatisfied += 1;
    }
  }
  const rate = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 10000) / 10000);
  const pct = (xs: number[], p: number) => {
    if (!xs.length) return null;
    const s = [...xs].sort((x, y) => x - y);
    return s[Math.max(1, Math.ceil(p * s.length)) - 1]!;
  };
  return {
    counts: c,
    responseRate: rate(c.signedOnTime, c.dispatched),
    onTimeRate: rate(c.fixedOnTime, c.due),
    resolutionRate: rate(c.solved, c.closed),
    satisfactionRate: rate(c.satisfied + c.basicallySatisfied, c.rated),
    ackP50: pct(ack, 0.5),
    ackP90: pct(ack, 0.9),
    resolveP50: pct(fix, 0.5),
    resolveP90: pct(fix, 0.9),
  };
}

function assertSameFigures(actual: any, expected: ReturnType<typeof recount>) {
  for (const key of ['responseRate', 'onTimeRate', 'resolutionRate', 'satisfactionRate'] as const) {
    assert.equal(actual[key], expected[key], `${key}: projection ${actual[key]} vs recount ${expected[key]}`);
  }
  for (const [key, value] of Object.entries(expected.counts)) {
    assert.equal(
      actual.counts[key],
      value,
      `counts.${key}: projection ${actual.counts[key]} vs recount ${value}`,
    );
  }
  for (const key of ['ackP50', 'ackP90', 'resolveP50', 'resolveP90'] as const) {
    assert.equal(
      actual[key] === null ? null : seconds(actual[key]),
      expected[key],
      `${key}: projection ${actual[key]} vs recount ${expected[key]} s`,
    );
  }
}
