import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { DEMO_CATEGORIES, DEMO_UNITS, demoGridPaths } from '@grid-dispatch/bootstrap';
import { reportDay } from '@grid-dispatch/domain';
import { EXPORT_COLUMNS } from '@grid-dispatch/workflow/dist/export/ticket-export-row';
import { csvRows } from '../support/csv-rows';
import { login, request } from '../support/http-client';
import { startTestSystem, type TestSystem } from '../support/test-system';

/**
 * GET /api/v1/tickets/export through the gateway, over 10,000 stored tickets: both formats parsed
 * row by row, the scope of each caller, the period in China Standard Time, the formula guard, no
 * personal data, and the refusals.
 */
describe('ticket export: CSV and JSON lines of a scope and period', function () {
  this.timeout(300000);
  const TICKETS = 10_000;
  const DAYS = ['2026-09-01', '2026-09-02', '2026-09-03', '2026-09-04', '2026-09-05'];
  const PHONE = '13912345678';
  const REPORTER = '李四喜';
  const ADDRESS = '春海路 88 号 2 单元';
  let system: TestSystem;
  let district: string;
  /** id → the areas it lies in, its lead unit, and the day it was reported. */
  const stored = new Map<string, { areaIds: string[]; unitId: string; day: string }>();
  let formulaId = '';
  let lateAugustId = '';
  let earlySeptemberId = '';

  /** A closed ticket as the services store one: history, deadlines met, a contact, an address. */
  function storedTicket(n: number, createdAt: Date, grids: string[][]) {
    const id = randomUUID();
    const areaIds = grids[n % grids.length]!;
    const unitId = DEMO_UNITS[n % DEMO_UNITS.length]!.id;
    const category = DEMO_CATEGORIES[n % DEMO_CATEGORIES.length]!.code;
    const at = (minutes: number) => new Date(createdAt.getTime() + minutes * 60_000);
    const event = (type: string, minutes: number, payload: Record<string, unknown> = {}) => ({
      eventId: randomUUID(),
      type,
      version: 1,
      at: at(minutes),
      actor: { kind: 'system' },
      payload,
    });
    stored.set(id, { areaIds, unitId, day: reportDay(createdAt.toISOString()) });
    return {
      _id: id,
      trackingCode: `EXP${String(n).padStart(9, '0')}`,
      reporterTokenHash: 'x'.repeat(64),
      version: 6,
      status: 'closed',
      category,
      priority: 'P3',
      clock: 'working',
      description: `Exported report number ${n}`,
      address: ADDRESS,
      location: null,
      photos: [],
      contact: { name: REPORTER, phone: PHONE },
      areaIds,
      unitId,
      assistUnitIds: [],
      escalationLevel: 0,
      // Closed, with no clock running: the timer reconciler has nothing to arm for these.
      deadlines: {},
      pendingRequest: null,
      mergedInto: null,
      clockPauses: [],
      rating: n % 2 === 0 ? 'satisfied' : null,
      channel: 'web',
      clientName: null,
      createdDay: reportDay(createdAt.toISOString()),
      events: [
        event('ticket.submitted', 0, { hasLocation: false, photoCount: 0 }),
        event('ticket.dispatched', 1, { unitId, assistUnitIds: [], areaIds, routing: 'matched' }),
        event('ticket.accepted', 30),
        event('ticket.resolved', 240),
        event('ticket.verified', 300),
        event('ticket.closed', 300),
      ],
      outbox: [],
      outboxPending: false,
      createdAt,
      updatedAt: at(300),
    };
  }

  before(async () => {
    system = await startTestSystem();
    const grids = demoGridPaths();
    const docs: unknown[] = [];
    // Spread evenly over the period's days, from 08:00 China Standard Time (00:00 UTC) on.
    for (let n = 0; n < TICKETS; n++) {
      const day = DAYS[n % DAYS.length]!;
      docs.push(
        storedTicket(n, new Date(Date.parse(`${day}T00:00:00Z`) + Math.floor(n / DAYS.length) * 1000), grids),
      );
    }
    // Either side of the period's first midnight in China Standard Time (16:00 UTC the day before).
    const late = storedTicket(TICKETS, new Date('2026-08-31T15:59:00Z'), grids);
    const early = storedTicket(TICKETS + 1, new Date('2026-08-31T16:01:00Z'), grids);
    const formula = storedTicket(TICKETS + 2, new Date('2026-09-02T03:00:00Z'), grids);
    formula.description = `=HYPERLINK("http://example.invalid","call ${PHONE}")`;
    lateAugustId = late._id;
    earlySeptemberId = early._id;
    formulaId = formula._id;
    docs.push(late, early, formula);
    const tickets = system.platform.models.tickets.collection;
    for (let i = 0; i < docs.length; i += 1000) await tickets.insertMany(docs.slice(i, i + 1000) as never[]);
    district = await login(system.url, 'zhongshan.secretary', 'demo-test-password');
  });
  after(async () => system?.destroy());

  /** The export's text and headers, read through the gateway as a browser would. */
  async function exportText(query: string, token = district) {
    const res = await fetch(`${system.url}/api/v1/tickets/export?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    // Decoded by hand: Response.text() drops a byte-order mark, which is what the CSV must start with.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, text };
  }

  /** Ids expected for a period and a scope predicate. */
  function expected(
    from: string,
    to: string,
    inScope: (t: { areaIds: string[]; unitId: string }) => boolean,
  ) {
    return [...stored].filter(([, t]) => t.day >= from && t.day <= to && inScope(t)).map(([id]) => id);
  }

  function assertNoPersonalData(text: string) {
    for (const secret of [PHONE, REPORTER, ADDRESS, 'reporterTokenHash', 'x'.repeat(64)])
      assert.ok(!text.includes(secret), `the export carries ${secret}`);
  }

  it('exports every ticket of the district as CSV, one row each, with a BOM and a header', async () => {
    const res = await exportText('format=csv&from=2026-09-01&to=2026-09-05');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.equal(
      res.headers.get('content-disposition'),
      'attachment; filename="tickets-zhongshan-2026-09-01_2026-09-05.csv"',
    );
    assert.ok(res.text.startsWith('\uFEFF'), 'a byte-order mark first');
    const [header, ...rows] = csvRows(res.text.slice(1));
    assert.deepEqual(header, EXPORT_COLUMNS);
    const want = expected('2026-09-01', '2026-09-05', () => true);
    assert.equal(want.length, TICKETS + 2);
    assert.equal(rows.length, want.length);
    const col = (name: string) => EXPORT_COLUMNS.indexOf(name as never);
    const ids = rows.map((r) => r[col('id')]!);
    assert.equal(new Set(ids).size, ids.length, 'no ticket twice');
    assert.deepEqual(new Set(ids), new Set(want));
    for (const row of rows) assert.equal(row.length, EXPORT_COLUMNS.length);
    const one = rows.find((r) => r[col('id')] !== formulaId)!;
    assert.equal(one[col('status')], 'closed');
    assert.match(one[col('reported_at')]!, /^2026-09-0\dT\d\d:\d\d:\d\d\+08:00$/);
    assert.match(one[col('closed_at')]!, /\+08:00$/);
    assert.ok(one[col('unit_name')]!.length > 0 && one[col('grid')]!.endsWith('网格'), 'names, not ids');
    const formula = rows.find((r) => r[col('id')] === formulaId)!;
    assert.equal(
      formula[col('description')],
      `'=HYPERLINK("http://example.invalid","call [number removed]")`,
    );
    assertNoPersonalData(res.text);
  });

  it('exports the same tickets as JSON lines with typed values', async () => {
    const res = await exportText('format=jsonl&from=2026-09-01&to=2026-09-05');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/x-ndjson; charset=utf-8');
    assert.match(
      res.headers.get('content-disposition')!,
      /filename="tickets-zhongshan-2026-09-01_2026-09-05\.jsonl"/,
    );
    assert.ok(res.text.endsWith('\n'));
    const lines = res.text.slice(0, -1).split('\n');
    const rows = lines.map((l) => JSON.parse(l));
    assert.equal(rows.length, TICKETS + 2);
    assert.deepEqual(
      new Set(rows.map((r) => r.id)),
      new Set(expected('2026-09-01', '2026-09-05', () => true)),
    );
    for (const row of rows) assert.deepEqual(Object.keys(row), EXPORT_COLUMNS);
    const formula = rows.find((r) => r.id === formulaId);
    assert.equal(formula.description, '=HYPERLINK("http://example.invalid","call [number removed]")');
    assert.equal(typeof formula.escalation_level, 'number');
    assert.equal(typeof formula.sign_missed, 'boolean');
    assert.ok(rows.some((r) => r.rating === null) && rows.some((r) => r.rating === 'satisfied'));
    assertNoPersonalData(res.text);
  });

  it('keeps a community secretary to their community, and a unit member to their unit', async () => {
    const chunhai = await login(system.url, 'chunhai.secretary', 'demo-test-password');
    const res = await exportText('format=jsonl&from=2026-09-01&to=2026-09-05', chunhai);
    assert.equal(res.status, 200);
    const ids = res.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).id);
    const want = expected('2026-09-01', '2026-09-05', (t) => t.areaIds.includes('chunhai'));
    assert.ok(want.length > 0 && want.length < TICKETS / 2);
    assert.deepEqual(new Set(ids), new Set(want));
    assert.equal(ids.length, want.length);
    assert.match(res.headers.get('content-disposition')!, /tickets-chunhai-/);

    // Asking for another community returns nothing of it: the scope is applied first, as in the list.
    const other = await exportText('format=jsonl&from=2026-09-01&to=2026-09-05&areaId=dongri', chunhai);
    assert.equal(other.status, 200);
    assert.equal(other.text, '');

    const member = await login(system.url, 'water.member', 'demo-test-password');
    const own = await exportText('format=jsonl&from=2026-09-03&to=2026-09-03', member);
    const unitIds = new Set(
      own.text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).unit_id),
    );
    assert.deepEqual(unitIds, new Set(['water']));
    assert.equal(
      own.text.trim().split('\n').length,
      expected('2026-09-03', '2026-09-03', (t) => t.unitId === 'water').length,
    );
  });

  it('applies the filters of the ticket list', async () => {
    const res = await exportText('format=jsonl&from=2026-09-01&to=2026-09-05&areaId=linhai&unitId=gas');
    const rows = res.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const want = expected(
      '2026-09-01',
      '2026-09-05',
      (t) => t.areaIds.includes('linhai') && t.unitId === 'gas',
    );
    assert.equal(rows.length, want.length);
    const none = await exportText('format=csv&from=2026-09-01&to=2026-09-05&status=accepted');
    assert.equal(csvRows(none.text.slice(1)).length, 1, 'the header alone');
  });

  it('takes the period in China Standard Time, both days included', async () => {
    const res = await exportText('format=jsonl&from=2026-09-01&to=2026-09-01');
    const ids = new Set(
      res.text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    );
    assert.equal(ids.size, TICKETS / DAYS.length + 1);
    assert.ok(ids.has(earlySeptemberId), '00:01 on 1 September in Dalian is in');
    assert.ok(!ids.has(lateAugustId), '23:59 on 31 August in Dalian is out');
    const august = await exportText('format=jsonl&from=2026-08-31&to=2026-08-31');
    assert.deepEqual(
      august.text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
      [lateAugustId],
    );
  });

  it('stops cleanly when the client hangs up, and serves the next export whole', async () => {
    const abort = new AbortController();
    const res = await fetch(`${system.url}/api/v1/tickets/export?format=csv&from=2026-09-01&to=2026-09-05`, {
      headers: { authorization: `Bearer ${district}` },
      signal: abort.signal,
    });
    const reader = res.body!.getReader();
    await reader.read();
    abort.abort();
    await reader.cancel().catch(() => undefined);
    const again = await exportText('format=jsonl&from=2026-09-02&to=2026-09-02');
    assert.equal(again.text.trim().split('\n').length, TICKETS / DAYS.length + 1);
  });

  it('answers 422 for a bad value, 400 for a malformed parameter, naming the field', async () => {
    const cases: Array<[string, string, number]> = [
      ['format=xlsx', 'format', 422],
      ['from=2026-02-30', 'from', 422],
      ['to=yesterday', 'to', 422],
      ['from=2026-09-05&to=2026-09-01', 'to', 422],
      ['from=2025-01-01&to=2026-01-02', 'to', 422],
      ['status=open', 'status', 422],
      ['limit=10', 'limit', 400],
      ['areaId=a&areaId=b', 'areaId', 400],
      ['category[$ne]=x', 'category[$ne]', 400],
    ];
    for (const [query, field, status] of cases) {
      const res = await request(system.url, 'GET', `/api/v1/tickets/export?${query}`, { token: district });
      assert.equal(res.status, status, query);
      assert.equal(res.body.error.code, status === 400 ? 'MALFORMED_REQUEST' : 'VALIDATION_FAILED', query);
      assert.equal(res.body.error.fields[0].path, field, query);
      assert.ok(res.body.error.fields[0].message.length > 5, `${query}: says why`);
    }
  });

  it('answers 403 to a staff role that works no tickets (a hotline agent)', async function () {
    const admin = await login(system.url, 'admin', 'admin-test-password');
    const created = await request(system.url, 'POST', '/api/v1/admin/users', {
      token: admin,
      body: {
        username: 'export.hotline',
        password: 'Hotline-Export-7391-q',
        displayName: 'Hotline agent',
        role: 'hotline_agent',
      },
    });
    // Only where the hotline role exists: it is the one staff role outside the export's.
    if (created.status === 422) this.skip();
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const agent = await login(system.url, 'export.hotline', 'Hotline-Export-7391-q');
    const res = await request(system.url, 'GET', '/api/v1/tickets/export', { token: agent });
    assert.equal(res.status, 403);
    assert.equal(res.body.error.code, 'FORBIDDEN');
  });

  it('answers 401 without a token or with a bad one', async () => {
    assert.equal((await request(system.url, 'GET', '/api/v1/tickets/export')).status, 401);
    const bad = await request(system.url, 'GET', '/api/v1/tickets/export', { token: 'not.a.token' });
    assert.equal(bad.status, 401);
  });
});
