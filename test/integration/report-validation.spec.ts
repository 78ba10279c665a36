import assert from 'node:assert/strict';
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import { snappedPosition } from '@grid-dispatch/domain';
import { eventually, login, request } from '../support/http-client';
import { fileAndDispatch } from '../support/reports';
import { startTestSystem, type TestSystem } from '../support/test-system';

/** Bad input: every refusal names the field and stores nothing. */
describe('POST /api/v1/reports refuses bad input with the field named', function () {
  this.timeout(60000);
  let system: TestSystem;
  const good = () => ({
    category: 'road_collapse',
    description: 'a hole in the road',
    location: demoGridCentre('dongri-g1'),
  });

  before(async () => {
    system = await startTestSystem();
  });
  after(async () => system?.destroy());

  const cases: Array<{ name: string; body?: unknown; raw?: string; status: number; field: string }> = [
    { name: 'malformed JSON', raw: '{"category": "road_collapse",', status: 400, field: '(body)' },
    { name: 'a JSON array instead of an object', raw: '[1,2]', status: 400, field: '(body)' },
    {
      name: 'an unknown category',
      body: { ...good(), category: 'alien_invasion' },
      status: 422,
      field: 'category',
    },
    {
      name: 'no location and no address',
      body: { category: 'road_collapse', description: 'a hole in the road' },
      status: 422,
      field: 'location',
    },
    {
      name: 'latitude out of range',
      body: { ...good(), location: { lat: 91, lng: 121.6 } },
      status: 422,
      field: 'location.lat',
    },
    {
      name: 'longitude out of range',
      body: { ...good(), location: { lat: 38.9, lng: -181 } },
      status: 422,
      field: 'location.lng',
    },
    {
      name: 'a coordinate that is a string',
      body: { ...good(), location: { lat: '38.9', lng: 121.6 } },
      status: 400,
      field: 'location.lat',
    },
    {
      name: 'a missing coordinate',
      body: { ...good(), location: { lat: 38.9 } },
      status: 400,
      field: 'location.lng',
    },
    {
      name: 'an over-long description',
      body: { ...good(), description: 'x'.repeat(2001) },
      status: 422,
      field: 'description',
    },
    {
      name: 'a too-short description',
      body: { ...good(), description: '  hi ' },
      status: 422,
      field: 'description',
    },
    { name: 'an unknown field', body: { ...good(), priority: 'P1' }, status: 400, field: 'priority' },
    {
      name: 'a $-operator instead of a string',
      body: { ...good(), category: { $gt: '' } },
      status: 400,
      field: 'category',
    },
    {
      name: 'a loopback photo URL',
      body: { ...good(), photos: ['http://127.0.0.1/x.jpg'] },
      status: 422,
      field: 'photos[0]',
    },
    {
      name: 'ten photos',
      body: { ...good(), photos: Array.from({ length: 10 }, (_, i) => `https://img.example.com/${i}.jpg`) },
      status: 422,
      field: 'photos',
    },
    {
      name: 'a bad phone number',
      body: { ...good(), contact: { phone: '12345' } },
      status: 422,
      field: 'contact.phone',
    },
  ];

  for (const c of cases) {
    it(`answers ${c.status} naming ${c.field} for ${c.name}`, async () => {
      const before = await system.platform.models.tickets.countDocuments();
      const res = await request(
        system.url,
        'POST',
        '/api/v1/reports',
        c.body === undefined ? { raw: c.raw! } : { body: c.body },
      );
      assert.equal(res.status, c.status, JSON.stringify(res.body));
      assert.ok(res.body.error?.code, 'error code');
      assert.ok(
        res.body.error.fields?.some((f: any) => f.path === c.field),
        `fields ${JSON.stringify(res.body.error.fields)} should name ${c.field}`,
      );
      assert.equal(await system.platform.models.tickets.countDocuments(), before, 'nothing stored');
    });
  }

  it('answers 413 for a body over the size limit', async () => {
    const res = await request(system.url, 'POST', '/api/v1/reports', {
      raw: JSON.stringify({ ...good(), description: 'x'.repeat(70000) }),
    });
    assert.equal(res.status, 413);
    assert.equal(res.body.error.code, 'PAYLOAD_TOO_LARGE');
  });

  it('sends a location outside every grid to the district’s duty desk (fallback), not to an error', async () => {
    const { ticket } = await fileAndDispatch(system, { ...good(), location: { lat: 38.95, lng: 121.75 } });
    assert.equal(ticket.unitId, 'duty-desk', 'a named unit holds it');
    assert.deepEqual(ticket.areaIds, ['zhongshan']);
    assert.equal(ticket.events.at(-1)?.payload.routing, 'fallback');
  });

  it('routes a lift with no responsible property company to the district’s duty desk (fallback)', async () => {
    const { ticket } = await fileAndDispatch(system, {
      ...good(),
      category: 'lift_trapped',
      location: demoGridCentre('baiyun-g1'),
    });
    assert.equal(ticket.unitId, 'duty-desk');
    assert.deepEqual(ticket.areaIds, ['baiyun-g1', 'baiyun', 'renmin-lu', 'zhongshan']);
  });

  it('refuses, saying why, a report nobody would hold: the list misses it and the district has no duty desk', async () => {
    const admin = await login(system.url, 'admin', system.config.ADMIN_PASSWORD);
    const district = await request(system.url, 'GET', '/api/v1/admin/areas/zhongshan', { token: admin });
    const offDuty = await request(system.url, 'PUT', '/api/v1/admin/areas/zhongshan', {
      token: admin,
      body: { name: district.body.name, level: 'district', parentId: null, dutyUnitId: null },
    });
    assert.equal(offDuty.status, 200, JSON.stringify(offDuty.body));
    try {
      const lift = await eventually(async () => {
        // Intake sees the change with the next report (the reference stamp moved).
        const res = await request(system.url, 'POST', '/api/v1/reports', {
          body: { ...good(), category: 'lift_trapped', location: demoGridCentre('baiyun-g1') },
        });
        return res.status === 503 ? res : undefined;
      });
      assert.equal(lift.body.error.code, 'NOT_READY');
      assert.match(lift.body.error.message, /duty desk/);
      // What the list covers is still taken.
      const covered = await request(system.url, 'POST', '/api/v1/reports', { body: good() });
      assert.equal(covered.status, 201);
    } finally {
      const back = await request(system.url, 'PUT', '/api/v1/admin/areas/zhongshan', {
        token: admin,
        body: { name: district.body.name, level: 'district', parentId: null, dutyUnitId: 'duty-desk' },
      });
      assert.equal(back.status, 200, JSON.stringify(back.body));
    }
  });

  it('answers the same ticket for the same Idempotency-Key and body, 422 for another body', async () => {
    const headers = { 'idempotency-key': `key-${system.id}` };
    const first = await request(system.url, 'POST', '/api/v1/reports', { body: good(), headers });
    const again = await request(system.url, 'POST', '/api/v1/reports', { body: good(), headers });
    assert.equal(first.status, 201);
    assert.equal(again.status, 201);
    assert.equal(again.body.ticketId, first.body.ticketId);
    assert.equal(again.body.reporterToken, first.body.reporterToken);
    const other = await request(system.url, 'POST', '/api/v1/reports', {
      body: { ...good(), description: 'another hole' },
      headers,
    });
    assert.equal(other.status, 422);
    assert.equal(other.body.error.code, 'IDEMPOTENCY_KEY_REUSED');
  });

  it('answers one ticket to 50 parallel requests with the same Idempotency-Key', async () => {
    const headers = { 'idempotency-key': `parallel-${system.id}` };
    const body = { ...good(), description: 'fifty taps on the submit button' };
    const before = await system.platform.models.tickets.countDocuments();
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => request(system.url, 'POST', '/api/v1/reports', { body, headers })),
    );
    assert.deepEqual([...new Set(answers.map((a) => a.status))], [201]);
    assert.equal(new Set(answers.map((a) => a.body.ticketId)).size, 1, 'one ticket');
    assert.equal(new Set(answers.map((a) => a.body.reporterToken)).size, 1, 'one reporter token');
    assert.equal(await system.platform.models.tickets.countDocuments(), before + 1);
  });

  it('offers open tickets of the same category nearby as duplicates', async () => {
    const at = demoGridCentre('linhai-g2');
    const first = await request(system.url, 'POST', '/api/v1/reports', { body: { ...good(), location: at } });
    const near = { lat: at.lat + 0.0005, lng: at.lng };
    const second = await request(system.url, 'POST', '/api/v1/reports', {
      body: { ...good(), location: near },
    });
    assert.equal(second.status, 201);
    const dup = second.body.duplicates.find((d: any) => d.trackingCode === first.body.trackingCode);
    assert.ok(dup, JSON.stringify(second.body.duplicates));
    // 56 m away, answered coarsely: rounded up to the next 50 m.
    assert.equal(dup.distanceM, 100);

    // The form asks the same question before sending: GET /api/v1/reports/nearby. Anyone may
    // ask it, so it describes the reports without leading to them: no tracking code, no place
    // (`ref` names one only to say "I have this too"; the photo is there only when one was sent).
    const ask = (p: { lat: number; lng: number }) =>
      request(
        system.url,
        'GET',
        `/api/v1/reports/nearby?category=${good().category}&lat=${p.lat}&lng=${p.lng}`,
      );
    const asked = await ask(near);
    assert.equal(asked.status, 200, JSON.stringify(asked.body));
    assert.ok(asked.body.duplicates.length >= 2, JSON.stringify(asked.body));
    for (const d of asked.body.duplicates) {
      assert.deepEqual(Object.keys(d).sort(), [
        'category',
        'distanceM',
        'ref',
        'reportedAt',
        'status',
        'summary',
        'supporters',
      ]);
      assert.equal(d.category, good().category);
      assert.ok(['submitted', 'dispatched'].includes(d.status), d.status);
      assert.equal(d.distanceM % 50, 0);
      assert.match(d.reportedAt, /T\d{2}:00:00\.000Z$/);
    }
    assert.ok(!JSON.stringify(asked.body).includes(first.body.trackingCode));
    // Moving the asking point by a few metres changes nothing: it is snapped to a ~100 m cell.
    const cell = snappedPosition(near);
    const nudged = await ask({ lat: cell.lat + 0.00005, lng: cell.lng - 0.00005 });
    assert.deepEqual(
      nudged.body.duplicates.map((d: any) => d.distanceM),
      (await ask(cell)).body.duplicates.map((d: any) => d.distanceM),
    );
    const far = await request(
      system.url,
      'GET',
      `/api/v1/reports/nearby?category=${good().category}&lat=0&lng=0`,
    );
    assert.deepEqual(far.body.duplicates, []);
    const bad = await request(system.url, 'GET', '/api/v1/reports/nearby?category=x&lat=95&lng=500');
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.body.error.fields.map((f: any) => f.path).sort(), ['lat', 'lng']);
    const injected = await request(system.url, 'GET', '/api/v1/reports/nearby?category[$ne]=x&lat=1&lng=1');
    assert.equal(injected.status, 400);
  });

  it('answers 404 for an unknown tracking code', async () => {
    const res = await request(system.url, 'GET', '/api/v1/reports/ZZZZ-ZZZZ-ZZZZ');
    assert.equal(res.status, 404);
    assert.equal(res.body.error.code, 'NOT_FOUND');
  });
});
