import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import { startGateway } from '@grid-dispatch/gateway';
import { login, request } from '../support/http-client';
import { PHOTO_FIXTURES } from '../support/photo-fixtures';
import { fileAndDispatch } from '../support/reports';
import { startTestSystem, type TestSystem } from '../support/test-system';

const MAX_BYTES = 5 * 1024 * 1024;
const PER_MINUTE = 30;
const PHOTO_URL = /^\/api\/v1\/photos\/[A-Za-z0-9_-]{22}$/;

/**
 * Photos stored by the system, through the gateway on the real servers: upload, serve
 * byte for byte, the size and type limits, and their use in reports and fixes.
 */
describe('photos stored by the system', function () {
  this.timeout(120000);
  let system: TestSystem;

  before(async () => {
    system = await startTestSystem({ PHOTO_UPLOADS_PER_MINUTE: String(PER_MINUTE) });
  });
  after(async () => system?.destroy());

  const upload = (
    bytes: Uint8Array | undefined,
    contentType?: string,
    headers: Record<string, string> = {},
    base = system.url,
  ) =>
    fetch(`${base}/api/v1/photos`, {
      method: 'POST',
      headers: { ...(contentType ? { 'content-type': contentType } : {}), ...headers },
      ...(bytes ? { body: bytes } : {}),
    });

  // Descriptions and bytes are stored apart; a refused upload leaves neither.
  const storedCount = async () =>
    (await system.platform.models.photos.countDocuments({}).exec()) +
    (await system.platform.models.photoData.countDocuments({}).exec());

  async function expectError(res: Response, status: number, code: string) {
    const body = (await res.json()) as { error: { code: string; message: string } };
    assert.equal(res.status, status, JSON.stringify(body));
    assert.equal(body.error.code, code);
    assert.ok(body.error.message);
    return body;
  }

  for (const [type, bytes] of Object.entries(PHOTO_FIXTURES)) {
    it(`stores a ${type} and serves it back byte for byte, cacheable for good`, async () => {
      const res = await upload(bytes, type);
      const body = (await res.json()) as { id: string; url: string; contentType: string; bytes: number };
      assert.equal(res.status, 201, JSON.stringify(body));
      assert.match(body.url, PHOTO_URL);
      assert.equal(body.url, `/api/v1/photos/${body.id}`);
      assert.equal(body.contentType, type);
      assert.equal(body.bytes, bytes.length);

      const got = await fetch(`${system.url}${body.url}`);
      assert.equal(got.status, 200);
      assert.equal(got.headers.get('content-type'), type);
      assert.equal(got.headers.get('cache-control'), 'public, max-age=31536000, immutable');
      assert.equal(got.headers.get('x-content-type-options'), 'nosniff');
      assert.ok(Buffer.from(await got.arrayBuffer()).equals(bytes), 'the same bytes come back');
    });
  }

  it('gives every upload its own unguessable id, even for the same image', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const res = await upload(PHOTO_FIXTURES['image/png'], 'image/png; charset=binary');
      assert.equal(res.status, 201);
      ids.add(((await res.json()) as { id: string }).id);
    }
    assert.equal(ids.size, 3);
  });

  it('stores a photo of exactly the limit (5 MiB) and refuses one byte more with 413, storing nothing', async () => {
    const atLimit = Buffer.concat([
      PHOTO_FIXTURES['image/jpeg'],
      randomBytes(MAX_BYTES - PHOTO_FIXTURES['image/jpeg'].length),
    ]);
    const ok = await upload(atLimit, 'image/jpeg');
    const stored = (await ok.json()) as { url: string; bytes: number };
    assert.equal(ok.status, 201, JSON.stringify(stored));
    assert.equal(stored.bytes, MAX_BYTES);
    const back = await fetch(`${system.url}${stored.url}`);
    assert.ok(Buffer.from(await back.arrayBuffer()).equals(atLimit), 'a 5 MiB photo comes back intact');

    const before = await storedCount();
    const tooBig = Buffer.concat([atLimit, Buffer.from([0])]);
    await expectError(await upload(tooBig, 'image/jpeg'), 413, 'PAYLOAD_TOO_LARGE');
    assert.equal(await storedCount(), before, 'nothing stored');
  });

  it('refuses bytes that are not the declared type (a text file labelled image/png) with 415', async () => {
    const before = await storedCount();
    const text = Buffer.from('I am a text file, not a picture.\n');
    const body = await expectError(await upload(text, 'image/png'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    assert.match(body.error.message, /image\/png/);
    // A real image under another type's label is refused too.
    await expectError(
      await upload(PHOTO_FIXTURES['image/jpeg'], 'image/webp'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    assert.equal(await storedCount(), before, 'nothing stored');
  });

  it('refuses a missing or unsupported Content-Type with 415, naming the header', async () => {
    for (const type of [
      undefined,
      'image/gif',
      'image/svg+xml',
      'application/octet-stream',
      'application/json',
    ]) {
      const body = type === 'application/json' ? Buffer.from('{"photo":1}') : PHOTO_FIXTURES['image/png'];
      const res = await upload(body, type);
      const answer = await expectError(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
      assert.deepEqual(
        (answer.error as { fields?: Array<{ path: string }> }).fields?.map((f) => f.path),
        ['Content-Type'],
        `Content-Type ${type}`,
      );
    }
  });

  it('refuses an empty body with 400', async () => {
    await expectError(await upload(new Uint8Array(0), 'image/png'), 400, 'MALFORMED_REQUEST');
    await expectError(await upload(undefined, 'image/png'), 400, 'MALFORMED_REQUEST');
  });

  it('answers 404 for an unknown or malformed photo id', async () => {
    for (const path of [
      '/api/v1/photos/AAAAAAAAAAAAAAAAAAAAAA',
      '/api/v1/photos/nonexistent',
      '/api/v1/photos/..%2F..',
    ]) {
      const res = await fetch(`${system.url}${path}`);
      await expectError(res, 404, 'NOT_FOUND');
    }
  });

  it('accepts a report naming a stored photo and refuses one naming a photo never stored', async () => {
    const stored = (await (await upload(PHOTO_FIXTURES['image/webp'], 'image/webp')).json()) as {
      url: string;
    };
    const report = (photos: string[]) =>
      request(system.url, 'POST', '/api/v1/reports', {
        body: {
          category: 'road_collapse',
          description: 'a hole in the road, photo attached',
          location: demoGridCentre('dongri-g1'),
          photos,
        },
      });
    const ok = await report([stored.url, 'https://img.example.com/also.jpg']);
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    const ticket = await system.platform.tickets.findById(ok.body.ticketId);
    assert.deepEqual(ticket?.photos, [stored.url, 'https://img.example.com/also.jpg']);

    for (const [photo, status] of [
      ['/api/v1/photos/nonexistent', 422], // not an id at all
      ['/api/v1/photos/AAAAAAAAAAAAAAAAAAAAAA', 422], // well-formed, never stored
      [`${stored.url}/../x`, 422],
      [`http://127.0.0.1:8080${stored.url}`, 422], // the system's own address is not public
    ] as const) {
      const bad = await report(['https://img.example.com/ok.jpg', photo]);
      assert.equal(bad.status, status, `${photo}: ${JSON.stringify(bad.body)}`);
      assert.equal(bad.body.error.code, 'VALIDATION_FAILED');
      assert.deepEqual(
        bad.body.error.fields.map((f: { path: string }) => f.path),
        ['photos[1]'],
      );
    }
  });

  it('accepts a fix reported with a stored photo, and refuses a photo never stored', async () => {
    const { ticketId: id } = await fileAndDispatch(system, { description: 'a hole in the road' });
    const token = await login(system.url, 'municipal.member', 'demo-test-password');
    const act = (action: string, body: unknown) =>
      request(system.url, 'POST', `/api/v1/tickets/${id}/${action}`, { token, body });
    assert.equal((await act('accept', {})).status, 200);

    const missing = await act('resolve', {
      note: 'fixed',
      photos: ['/api/v1/photos/AAAAAAAAAAAAAAAAAAAAAA'],
    });
    assert.equal(missing.status, 422, JSON.stringify(missing.body));
    assert.deepEqual(
      missing.body.error.fields.map((f: { path: string }) => f.path),
      ['photos[0]'],
    );

    const stored = (await (await upload(PHOTO_FIXTURES['image/jpeg'], 'image/jpeg')).json()) as {
      url: string;
    };
    const resolved = await act('resolve', { note: 'filled and resurfaced', photos: [stored.url] });
    assert.equal(resolved.status, 200, JSON.stringify(resolved.body));
    assert.equal(resolved.body.status, 'resolved');
    const event = resolved.body.events.find((e: { type: string }) => e.type === 'ticket.resolved');
    assert.deepEqual(event?.payload?.photos, [stored.url]);
  });

  it('slows down an address that uploads too much (429 with Retry-After), not the others', async () => {
    // Two clients behind a load balancer (TRUST_PROXY=1): the gateway believes the address the
    // balancer puts last in X-Forwarded-For, and nothing a client wrote before it.
    const behindBalancer = await startGateway(
      system.platform,
      { ...system.config, TRUST_PROXY: 1 },
      {
        intake: system.services.intake.url,
        workflow: system.services.workflow.url,
        live: system.services.live.url,
      },
      0,
    );
    try {
      const flooder = { 'x-forwarded-for': `1.2.3.4, 203.0.113.${1 + Math.floor(Math.random() * 250)}` };
      let limited: Response | undefined;
      for (let i = 0; i < 2 * PER_MINUTE + 1 && !limited; i++) {
        const res = await upload(PHOTO_FIXTURES['image/png'], 'image/png', flooder, behindBalancer.url);
        if (res.status === 429) limited = res;
        else assert.equal(res.status, 201);
      }
      assert.ok(limited, 'the flood was slowed down');
      assert.ok(Number(limited.headers.get('retry-after')) >= 1);
      await expectError(limited, 429, 'TOO_MANY_REQUESTS');
      const other = await upload(
        PHOTO_FIXTURES['image/png'],
        'image/png',
        { 'x-forwarded-for': '1.2.3.4, 198.51.100.7' },
        behindBalancer.url,
      );
      assert.equal(other.status, 201, 'another address still uploads');
    } finally {
      await behindBalancer.stop();
    }
  });
});
