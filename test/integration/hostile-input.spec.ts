import assert from 'node:assert/strict';
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import { login, request } from '../support/http-client';
import { fileAndDispatch } from '../support/reports';
import { startTestSystem, type TestSystem } from '../support/test-system';

/**
 * Generated malformed and hostile bodies against every POST endpoint built so far —
 * never a 5xx, never a stored document from a refused request, never an operator that changes a
 * query — and 50 parallel conflicting actions on one ticket.
 */
describe('hostile input and concurrency', function () {
  this.timeout(180000);
  let system: TestSystem;
  let member: string;
  let secretary: string;
  let ticket: { id: string; code: string; reporterToken: string };

  before(async () => {
    system = await startTestSystem();
    member = await login(system.url, 'municipal.member', 'demo-test-password');
    secretary = await login(system.url, 'chunhai.secretary', 'demo-test-password');
    const filed = await fileAndDispatch(system, { description: 'a hole in the road' });
    ticket = { id: filed.ticketId, code: filed.trackingCode, reporterToken: filed.reporterToken };
  });
  after(async () => system?.destroy());

  /** Values that break naive code: wrong types, operators, huge and odd strings, deep nesting. */
  const HOSTILE: unknown[] = [
    null,
    true,
    0,
    -1,
    1e308,
    Number.MAX_SAFE_INTEGER,
    '',
    ' ',
    'x'.repeat(5000),
    '\u0000',
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '{"$gt":""}',
    { $gt: '' },
    { $ne: null },
    { $where: 'sleep(1000)' },
    { $regex: '.*' },
    [],
    [{ $gt: '' }],
    ['a', 1, null],
    { a: { b: { c: { d: { e: { f: {} } } } } } },
    {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 1],
          [1, 0],
          [0, 1],
          [0, 0],
        ],
      ],
    },
  ];

  function* hostileBodies(valid: Record<string, unknown>): Generator<unknown> {
    for (const field of Object.keys(valid)) for (const value of HOSTILE) yield { ...valid, [field]: value };
    for (const value of HOSTILE) yield value;
    yield { ...valid, $where: '1' };
    yield { ...valid, unknownField: 1 };
    yield { ...valid, __proto__: { admin: true } };
  }

  const endpoints = () => [
    {
      path: '/api/v1/reports',
      valid: {
        category: 'road_collapse',
        description: 'a hole in the road',
        location: { lat: 38.925, lng: 121.63 },
      },
    },
    { path: '/api/v1/auth/login', valid: { username: 'municipal.member', password: 'demo-test-password' } },
    {
      path: `/api/v1/reports/${ticket.code}/feedback`,
      valid: { reporterToken: ticket.reporterToken, rating: 'satisfied' },
    },
    { path: `/api/v1/tickets/${ticket.id}/progress`, valid: { note: 'on site' }, token: () => member },
    { path: `/api/v1/tickets/${ticket.id}/return`, valid: { reason: 'not ours' }, token: () => member },
    {
      path: `/api/v1/tickets/${ticket.id}/extension`,
      valid: { resolveBy: '2030-01-01T00:00:00Z', reason: 'rain' },
      token: () => member,
    },
    { path: `/api/v1/tickets/${ticket.id}/urge`, valid: { note: 'hurry' }, token: () => secretary },
    {
      path: `/api/v1/tickets/${ticket.id}/reassign`,
      valid: { unitId: 'water', reason: 'x' },
      token: () => secretary,
    },
    { path: `/api/v1/tickets/${ticket.id}/merge`, valid: { intoTicketId: 'nope' }, token: () => secretary },
    {
      path: `/api/v1/tickets/${ticket.id}/decide`,
      valid: { request: 'return', approve: true, unitId: 'water' },
      token: () => secretary,
    },
  ];

  it('answers at least 500 hostile bodies with no 5xx, stores nothing refused and lets no operator through', async () => {
    const ticketsBefore = await system.platform.models.tickets.countDocuments();
    let sent = 0;
    let reportsAccepted = 0;
    const fivexx: string[] = [];
    const accepted: string[] = [];
    for (const endpoint of endpoints()) {
      for (const body of hostileBodies(endpoint.valid)) {
        const res = await request(system.url, 'POST', endpoint.path, {
          raw: JSON.stringify(body),
          ...(endpoint.token ? { token: endpoint.token() } : {}),
        });
        sent++;
        if (res.status >= 500)
          fivexx.push(`${endpoint.path} ${JSON.stringify(body).slice(0, 80)} → ${res.status}`);
        else if (res.status < 400) {
          accepted.push(JSON.stringify(body));
          if (endpoint.path === '/api/v1/reports') reportsAccepted++;
        } else assert.ok(res.body?.error?.code, `an error body for ${endpoint.path}`);
      }
    }
    assert.ok(sent >= 500, `sent ${sent}`);
    assert.deepEqual(fivexx, []);
    // Odd but well-typed text ("<script>", "../../etc/passwd") is valid free text, stored as text and
    // escaped where shown; what must never pass is an object or operator where a value belongs.
    for (const body of accepted)
      assert.doesNotMatch(body, /"\$(gt|ne|where|regex)"/, `an operator got through: ${body}`);
    assert.equal(
      await system.platform.models.tickets.countDocuments(),
      ticketsBefore + reportsAccepted,
      'nothing stored from a refused report',
    );
    console.log(
      `      ${sent} hostile bodies: 0 × 5xx, ${sent - accepted.length} refused, ${accepted.length} odd-but-valid accepted`,
    );
  });

  it('lets one of 50 parallel conflicting actions win per version; the rest answer 409', async () => {
    const { ticketId: id, ticket: current } = await fileAndDispatch(system, {
      description: 'another hole',
      location: demoGridCentre('chunhai-g2'),
    });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        request(system.url, 'POST', `/api/v1/tickets/${id}/${i % 2 ? 'accept' : 'return'}`, {
          token: member,
          body: i % 2 ? {} : { reason: `not ours ${i}` },
          headers: { 'if-match': String(current.version) },
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 200).length, 1, JSON.stringify(statuses));
    assert.equal(statuses.filter((s) => s === 409).length, 49);
    const after = (await system.platform.tickets.findById(id))!;
    assert.equal(after.version, current.version + 1);
    assert.deepEqual(
      after.events.map((e) => e.version),
      Array.from({ length: after.version }, (_, i) => i + 1),
      'no gap and no duplicate in the history',
    );
  });
});
