import assert from 'node:assert/strict';
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import { eventually, login, request } from '../support/http-client';
import { PHOTO_FIXTURES } from '../support/photo-fixtures';
import { fileAndDispatch } from '../support/reports';
import { startTestSystem, type TestSystem } from '../support/test-system';

const DEVICE_A = 'device-aaaaaaaaaaaaaaaa';
const DEVICE_B = 'device-bbbbbbbbbbbbbbbb';

/**
 * Open reports nearby, before sending, through the gateway on the real servers: described well
 * enough to recognise (category, a short description without contact details, a photo, status,
 * how many have it too) but not identified, and "I have this too" joins one instead of filing a
 * copy: once per device, counted on the ticket, heard by staff as an event.
 */
describe('nearby reports and "I have this too"', function () {
  this.timeout(120000);
  let system: TestSystem;

  before(async () => {
    system = await startTestSystem();
  });
  after(async () => system?.destroy());

  const place = demoGridCentre('taoyuan-g1');
  const nearby = async (category: string) => {
    const res = await request(
      system.url,
      'GET',
      `/api/v1/reports/nearby?category=${category}&lat=${place.lat}&lng=${place.lng}`,
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.duplicates as any[];
  };
  const support = (ref: string, device: unknown) =>
    request(system.url, 'POST', `/api/v1/reports/nearby/${ref}/support`, { body: { device } });

  it('describes a nearby report without contact details, and counts each device once', async () => {
    const photo = await fetch(`${system.url}/api/v1/photos`, {
      method: 'POST',
      headers: { 'content-type': 'image/png' },
      body: PHOTO_FIXTURES['image/png'],
    }).then((r) => r.json() as Promise<{ url: string }>);
    const filed = await fileAndDispatch(system, {
      category: 'sewer_overflow',
      description: `桃源街污水外溢，气味很大，请联系我 13800138000 或 someone@example.com，${'很长的描述'.repeat(20)}`,
      location: place,
      photos: [photo.url],
      contact: { name: '王女士', phone: '13800138000' },
    });

    const [described] = await nearby('sewer_overflow');
    assert.equal(described.ref, filed.ticketId);
    assert.equal(described.category, 'sewer_overflow');
    assert.equal(described.photo, photo.url);
    assert.equal(described.supporters, 0);
    assert.ok(described.summary.startsWith('桃源街污水外溢'), described.summary);
    assert.ok([...described.summary].length <= 60);
    assert.ok(described.summary.endsWith('…'));
    const text = JSON.stringify(described);
    for (const secret of ['13800138000', 'someone@example.com', '王女士', filed.trackingCode])
      assert.ok(!text.includes(secret), `the nearby answer does not carry ${secret}`);

    const first = await support(described.ref, DEVICE_A);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.deepEqual(first.body, {
      trackingCode: filed.trackingCode,
      supporters: 1,
      alreadySupported: false,
    });
    const again = await support(described.ref, DEVICE_A);
    assert.deepEqual(again.body, { trackingCode: filed.trackingCode, supporters: 1, alreadySupported: true });
    const other = await support(described.ref, DEVICE_B);
    assert.equal(other.body.supporters, 2);
    assert.equal((await nearby('sewer_overflow'))[0].supporters, 2);

    // Staff see how many have it, and the history says when each joined.
    const token = await login(system.url, 'zhongshan.secretary', 'demo-test-password');
    const staff = await request(system.url, 'GET', `/api/v1/tickets/${filed.ticketId}`, { token });
    assert.equal(staff.body.supporters, 2);
    assert.deepEqual(
      staff.body.events.filter((e: any) => e.type === 'ticket.supported').map((e: any) => e.payload),
      [{ supporters: 1 }, { supporters: 2 }],
    );
    // The device ids themselves are never stored.
    const stored = await system.platform.tickets.findById(filed.ticketId);
    assert.ok(!JSON.stringify(stored).includes(DEVICE_A));
  });

  it('refuses a bad device id, an unknown report and a closed one, saying why', async () => {
    const filed = await fileAndDispatch(system, {
      category: 'bins_overflow',
      description: '垃圾桶满了，没人清运',
      location: place,
    });
    const bad = await support(filed.ticketId, 'short');
    assert.equal(bad.status, 422);
    assert.equal(bad.body.error.fields[0].path, 'device');
    const unknown = await support('00000000-0000-0000-0000-000000000000', DEVICE_A);
    assert.equal(unknown.status, 404);
    const notAnId = await support('..%2F..%2Fhealthz', DEVICE_A);
    assert.equal(notAnId.status, 404);

    const token = await login(system.url, 'zhongshan.secretary', 'demo-test-password');
    const cancelled = await request(system.url, 'POST', `/api/v1/tickets/${filed.ticketId}/cancel`, {
      token,
      body: { reason: '重复上报' },
    });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    await eventually(async () =>
      (await system.platform.tickets.findById(filed.ticketId))?.status === 'cancelled' ? true : undefined,
    );
    const closed = await support(filed.ticketId, DEVICE_A);
    assert.equal(closed.status, 409);
    assert.equal(closed.body.error.code, 'ILLEGAL_TRANSITION');
  });
});
