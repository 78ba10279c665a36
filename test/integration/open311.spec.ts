import assert from 'node:assert/strict';
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import { eventually, login, request } from '../support/http-client';
import {
  childrenNamed,
  ensureGeoreportClient,
  flatRecord,
  parseXml,
  runPythonJson,
} from '../support/open311-python';
import { startTestSystem, type TestSystem } from '../support/test-system';

const FORM = 'application/x-www-form-urlencoded';

/**
 * Open311 GeoReport v2 at /open311/v2 on a running system: a key issued by the admin, a request
 * filed as a city app files it (form-encoded) and dispatched like any report, read back in JSON
 * and XML without personal data, errors in the specification's format, a revoked key refused,
 * and PyPI's georeport client reading the endpoint.
 */
describe('Open311 GeoReport v2', function () {
  this.timeout(120000);
  let system: TestSystem;
  let admin: string;
  let apiKey: string;
  let keyId: string;
  let filed: { service_request_id: string; token: string };
  const at = demoGridCentre('chunhai-g1');
  const person = {
    first_name: '小明',
    last_name: '王',
    phone: '13912345678',
    email: 'xiaoming.wang@example.com',
  };

  const post = (fields: Record<string, string>, format = 'json', headers: Record<string, string> = {}) =>
    request(system.url, 'POST', `/open311/v2/requests.${format}`, {
      raw: new URLSearchParams(fields).toString(),
      headers: { 'content-type': FORM, ...headers },
    });
  const get = (path: string) => request(system.url, 'GET', `/open311/v2/${path}`);
  const goodForm = () => ({
    api_key: apiKey,
    service_code: 'road_collapse',
    lat: String(at.lat),
    long: String(at.lng),
    description: '路面塌陷，有一个大坑',
    ...person,
  });

  before(async () => {
    system = await startTestSystem();
    admin = await login(system.url, 'admin', 'admin-test-password');
  });
  after(async () => system?.destroy());

  it('lets the admin, and only the admin, issue a key that is shown once and stored hashed', async () => {
    const member = await login(system.url, 'municipal.member', 'demo-test-password');
    const refused = await request(system.url, 'POST', '/api/v1/admin/open311-keys', {
      token: member,
      body: { name: 'x' },
    });
    assert.equal(refused.status, 404);
    const bad = await request(system.url, 'POST', '/api/v1/admin/open311-keys', {
      token: admin,
      body: { name: '', extra: 1 },
    });
    assert.equal(bad.status, 400, JSON.stringify(bad.body));
    assert.deepEqual(bad.body.error.fields.map((f: { path: string }) => f.path).sort(), ['extra', 'name']);

    const created = await request(system.url, 'POST', '/api/v1/admin/open311-keys', {
      token: admin,
      body: { name: 'Dalian 12345 app' },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.match(created.body.key, /^o311_[A-Za-z0-9_-]{43}$/);
    apiKey = created.body.key;
    keyId = created.body.id;
    assert.equal(created.body.active, true);

    const list = await request(system.url, 'GET', '/api/v1/admin/open311-keys', { token: admin });
    assert.equal(list.status, 200);
    const listed = list.body.items.find((k: { id: string }) => k.id === keyId);
    assert.equal(listed.name, 'Dalian 12345 app');
    assert.equal(listed.key, undefined, 'the key is not shown again');
    assert.ok(!JSON.stringify(list.body).includes(apiKey.slice(9)));
    const stored = await system.platform.models.open311Keys.findById(keyId).lean().exec();
    assert.ok(stored && !JSON.stringify(stored).includes(apiKey), 'only a hash is stored');
  });

  it('answers discovery and the service list in JSON and XML', async () => {
    const discovery = await get('discovery.json');
    assert.equal(discovery.status, 200);
    assert.match(discovery.body.endpoints[0].url, /\/open311\/v2$/);
    assert.deepEqual(discovery.body.endpoints[0].formats, ['text/xml', 'application/json']);
    const discoveryXml = await get('discovery.xml');
    assert.equal(discoveryXml.headers.get('content-type'), 'text/xml; charset=utf-8');
    const d = await parseXml(discoveryXml.body);
    assert.equal(d.tag, 'discovery');
    const endpoint = childrenNamed(childrenNamed(d, 'endpoints')[0]!, 'endpoint')[0]!;
    assert.equal(flatRecord(endpoint).url, discovery.body.endpoints[0].url);

    const services = await get('services.json');
    assert.equal(services.status, 200);
    const categories = (await request(system.url, 'GET', '/api/v1/categories')).body as Array<{
      code: string;
    }>;
    assert.deepEqual(
      services.body.map((s: { service_code: string }) => s.service_code).sort(),
      categories.map((c) => c.code).sort(),
    );
    const road = services.body.find((s: { service_code: string }) => s.service_code === 'road_collapse');
    assert.equal(road.service_name, '道路塌陷');
    assert.equal(road.metadata, false);
    assert.equal(road.type, 'realtime');
    assert.match(road.group, /^P1/);
    assert.ok(road.keywords.split(',').includes('road'));

    const xml = await parseXml((await get('services.xml')).body);
    assert.equal(xml.tag, 'services');
    const items = childrenNamed(xml, 'service').map(flatRecord);
    assert.equal(items.length, services.body.length);
    assert.equal(items.find((s) => s.service_code === 'road_collapse')!.metadata, 'false');

    const definition = await get('services/road_collapse.json');
    assert.deepEqual(definition.body, { service_code: 'road_collapse', attributes: [] });
    const missing = await get('services/alien_invasion.json');
    assert.equal(missing.status, 404);
    assert.equal(missing.body[0].code, 404);
    assert.match(missing.body[0].description, /service_code/);
    const missingXml = await get('services/alien_invasion.xml');
    assert.equal(missingXml.status, 404);
    const errors = await parseXml(missingXml.body);
    assert.equal(errors.tag, 'errors');
    assert.equal(flatRecord(childrenNamed(errors, 'error')[0]!).code, '404');
  });

  it('files a form-encoded request with the key, and it is dispatched like any report', async () => {
    const res = await post(goodForm());
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.length, 1);
    filed = res.body[0];
    assert.match(filed.service_request_id, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const dispatched = await eventually(async () => {
      const view = await request(system.url, 'GET', `/api/v1/reports/${filed.service_request_id}`);
      return view.body.status === 'dispatched' ? view.body : undefined;
    });
    assert.equal(dispatched.unit.name.en.length > 0, true);
    const ticket = (await system.platform.tickets.findByTrackingCode(filed.service_request_id))!;
    assert.equal(ticket.channel, 'open311');
    assert.equal(ticket.clientName, 'Dalian 12345 app');
    assert.equal(ticket.unitId, 'municipal');
    assert.deepEqual(ticket.contact, { name: '王小明', phone: person.phone });
    assert.ok(!JSON.stringify(ticket).includes(person.email), 'the email is not stored');

    const token = await get(`tokens/${filed.token}.json`);
    assert.deepEqual(token.body, [{ service_request_id: filed.service_request_id, token: filed.token }]);

    const web = await request(system.url, 'POST', '/api/v1/reports', {
      body: { category: 'road_collapse', description: 'a hole in the road', location: at },
    });
    assert.equal(web.status, 201);
    assert.equal((await system.platform.tickets.findById(web.body.ticketId))!.channel, 'web');
  });

  it('answers an Idempotency-Key replay with the same request', async () => {
    const headers = { 'idempotency-key': 'city-app-42' };
    const first = await post({ ...goodForm(), description: 'a second hole nearby' }, 'json', headers);
    const again = await post({ ...goodForm(), description: 'a second hole nearby' }, 'xml', headers);
    assert.equal(first.status, 201);
    assert.equal(again.status, 201);
    const xml = await parseXml(again.body);
    assert.equal(xml.tag, 'service_requests');
    const request0 = flatRecord(childrenNamed(xml, 'request')[0]!);
    assert.equal(request0.service_request_id, first.body[0].service_request_id);
    assert.match(first.body[0].service_notice ?? '', /nearby/, 'the earlier request is nearby');
  });

  it('reads requests back in JSON and XML, coarse and without personal data', async () => {
    const code = filed.service_request_id;
    const one = await get(`requests/${code}.json`);
    assert.equal(one.status, 200, JSON.stringify(one.body));
    const [req] = one.body;
    assert.equal(req.service_request_id, code);
    assert.equal(req.status, 'open');
    assert.equal(req.service_code, 'road_collapse');
    assert.equal(req.service_name, '道路塌陷');
    const municipal = await system.platform.models.units.findById('municipal').lean().exec();
    assert.equal(req.agency_responsible, municipal!.name.zh);
    assert.match(req.requested_datetime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    assert.match(req.updated_datetime, /\+08:00$/);
    assert.ok(Math.abs(req.lat - at.lat) < 0.001 && Math.abs(req.long - at.lng) < 0.0015, 'within ~100 m');
    assert.ok(req.lat !== at.lat || req.long !== at.lng, 'not the exact position');

    const ticket = (await system.platform.tickets.findByTrackingCode(code))!;
    const secrets = [
      person.first_name,
      person.last_name,
      person.phone,
      person.email,
      ticket._id,
      ticket.reporterTokenHash,
      'municipal.member',
      'contact',
      'reporterToken',
    ];
    const xmlText = (await get(`requests/${code}.xml`)).body as string;
    const listText = JSON.stringify((await get(`requests.json?service_request_id=${code}`)).body);
    for (const text of [JSON.stringify(one.body), xmlText, listText]) {
      for (const secret of secrets) assert.ok(!text.includes(secret), `"${secret}" appears in ${text}`);
    }

    const xml = await parseXml(xmlText);
    assert.equal(xml.tag, 'service_requests');
    const fromXml = flatRecord(childrenNamed(xml, 'request')[0]!);
    assert.equal(fromXml.service_request_id, code);
    assert.equal(fromXml.agency_responsible, municipal!.name.zh);
    assert.equal(Number(fromXml.lat), req.lat);

    // A phone number or an email written into the description is taken out.
    const chatty = await post({
      ...goodForm(),
      description: '井盖丢失 请联系 139-1234-5678 或 a.b@example.org',
    });
    const chattyView = await get(`requests/${chatty.body[0].service_request_id}.json`);
    assert.equal(chattyView.body[0].description, '井盖丢失 请联系 [number removed] 或 [email removed]');

    const searched = await get('requests.json?service_code=road_collapse&status=open');
    assert.ok(searched.body.some((r: { service_request_id: string }) => r.service_request_id === code));
    assert.ok(searched.body.every((r: { status: string }) => r.status === 'open'));
    const closed = await get('requests.json?status=closed');
    assert.deepEqual(closed.body, []);
    const otherService = await get('requests.json?service_code=water_main_burst');
    assert.ok(!otherService.body.some((r: { service_request_id: string }) => r.service_request_id === code));
    const future = await get('requests.json?start_date=2099-01-01T00:00:00Z');
    assert.deepEqual(future.body, []);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const byDay = await get(`requests.json?start_date=${today}&end_date=${today}`);
    assert.ok(byDay.body.some((r: { service_request_id: string }) => r.service_request_id === code));
    const times = byDay.body.map((r: { requested_datetime: string }) => Date.parse(r.requested_datetime));
    assert.deepEqual(
      times,
      [...times].sort((a: number, b: number) => b - a),
      'newest first',
    );
    const several = await get(
      `requests.json?service_request_id=${code},${chatty.body[0].service_request_id}`,
    );
    assert.equal(several.body.length, 2);
    const unknown = await get('requests/ZZZZ-ZZZZ-ZZZZ.json');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body[0].code, 404);
  });

  it('searches a day through an index (FerretDB serves only equality)', async () => {
    const plan = JSON.stringify(
      await system.platform.models.tickets
        .find({
          createdDay: '2026-11-08',
          category: 'road_collapse',
          status: { $in: ['submitted', 'dispatched'] },
          createdAt: { $gte: new Date(0), $lte: new Date() },
        })
        .explain(),
    );
    assert.match(plan, /Bitmap Index Scan|Index Scan|IXSCAN/, plan.slice(0, 600));
  });

  const refusals: Array<{ name: string; form: () => Record<string, string>; status: number; field: RegExp }> =
    [
      {
        name: 'an unknown service_code',
        form: () => ({ ...goodForm(), service_code: 'alien_invasion' }),
        status: 400,
        field: /^service_code: unknown/,
      },
      {
        name: 'no service_code',
        form: () => {
          const { service_code: _, ...f } = goodForm();
          return f;
        },
        status: 400,
        field: /^service_code: required/,
      },
      {
        name: 'lat without long',
        form: () => {
          const { long: _, ...f } = goodForm();
          return f;
        },
        status: 400,
        field: /^long: give lat and long together/,
      },
      {
        name: 'a latitude that is not a number',
        form: () => ({ ...goodForm(), lat: 'north' }),
        status: 400,
        field: /^lat: not a decimal number/,
      },
      {
        name: 'a latitude out of range',
        form: () => ({ ...goodForm(), lat: '91' }),
        status: 400,
        field: /^lat: latitude must be between/,
      },
      {
        name: 'no position and no address',
        form: () => {
          const { lat: _a, long: _b, ...f } = goodForm();
          return f;
        },
        status: 400,
        field: /^lat: give lat and long, or address_string/,
      },
      {
        name: 'a short description',
        form: () => ({ ...goodForm(), description: 'hole' }),
        status: 400,
        field: /^description: at least 5/,
      },
      {
        name: 'a bad phone number',
        form: () => ({ ...goodForm(), phone: '12' }),
        status: 400,
        field: /^phone: not a valid/,
      },
      {
        name: 'a bad email',
        form: () => ({ ...goodForm(), email: 'not-an-email' }),
        status: 400,
        field: /^email: not an email address/,
      },
      {
        name: 'a media_url inside the network',
        form: () => ({ ...goodForm(), media_url: 'http://127.0.0.1/x.png' }),
        status: 400,
        field: /^media_url: /,
      },
      {
        name: 'an attribute',
        form: () => ({ ...goodForm(), 'attribute[depth]': '3' }),
        status: 400,
        field: /^attribute\[depth\]: no service here has attributes/,
      },
      {
        name: 'an unknown field',
        form: () => ({ ...goodForm(), colour: 'red' }),
        status: 400,
        field: /^colour: unknown field/,
      },
      {
        name: 'no api_key',
        form: () => {
          const { api_key: _, ...f } = goodForm();
          return f;
        },
        status: 403,
        field: /^api_key: required/,
      },
      {
        name: 'an unknown api_key',
        form: () => ({ ...goodForm(), api_key: 'o311_not-a-real-key-at-all' }),
        status: 403,
        field: /^api_key: not a key issued here/,
      },
    ];
  for (const { name, form, status, field } of refusals) {
    it(`refuses ${name} with ${status} in the specification's format`, async () => {
      const res = await post(form());
      assert.equal(res.status, status, JSON.stringify(res.body));
      assert.ok(Array.isArray(res.body), JSON.stringify(res.body));
      assert.ok(
        res.body.some(
          (e: { code: number; description: string }) => e.code === status && field.test(e.description),
        ),
        JSON.stringify(res.body),
      );
    });
  }

  it('refuses a JSON body, a bad search and an unknown format clearly', async () => {
    const json = await request(system.url, 'POST', '/open311/v2/requests.json', { body: goodForm() });
    assert.equal(json.status, 400);
    assert.match(json.body[0].description, /x-www-form-urlencoded/);
    const badStatus = await get('requests.json?status=pending');
    assert.equal(badStatus.status, 400);
    assert.match(badStatus.body[0].description, /^status: "pending" is neither open nor closed/);
    const tooLong = await get('requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z');
    assert.equal(tooLong.status, 400);
    assert.match(tooLong.body[0].description, /^end_date: the range may span at most 90 days/);
    const badDate = await get('requests.xml?start_date=yesterday');
    assert.equal(badDate.status, 400);
    const xml = await parseXml(badDate.body);
    assert.match(
      flatRecord(childrenNamed(xml, 'error')[0]!).description,
      /^start_date: expected a W3C datetime/,
    );
    const format = await get('services.csv');
    assert.equal(format.status, 404);
    assert.match(format.body[0].description, /\.json or \.xml/);
    const unknownParam = await get('requests.json?page=2');
    assert.equal(unknownParam.status, 400);
    assert.match(unknownParam.body[0].description, /^page: unknown parameter/);
  });

  it('refuses a revoked key with 403 at once', async () => {
    const revoked = await request(system.url, 'DELETE', `/api/v1/admin/open311-keys/${keyId}`, {
      token: admin,
    });
    assert.equal(revoked.status, 200);
    assert.equal(revoked.body.active, false);
    const res = await post(goodForm(), 'xml');
    assert.equal(res.status, 403);
    const xml = await parseXml(res.body);
    assert.deepEqual(flatRecord(childrenNamed(xml, 'error')[0]!), {
      code: '403',
      description: 'api_key: this key has been revoked',
    });
    const gone = await request(system.url, 'DELETE', '/api/v1/admin/open311-keys/nope', { token: admin });
    assert.equal(gone.status, 404);
  });

  it("is read by PyPI's georeport client", async function () {
    this.timeout(360000);
    const python = await ensureGeoreportClient();
    const script = `
import json, sys
from georeport import GeoReport
root, code = sys.argv[1], sys.argv[2]
out = {}
for fmt in ("json", "xml"):
    client = GeoReport(root, jurisdiction="zhongshan", output_format=fmt)
    out[fmt] = {
        "services": client.get_service_list(),
        "definition": client.get_service_definition("road_collapse"),
        "requests": client.get_service_requests(service_request_id=code),
        "open": client.get_service_requests(service_code="road_collapse", status="open"),
        "one": client.get_service_request(code),
    }
print(json.dumps(out, ensure_ascii=False))
`;
    const code = filed.service_request_id;
    const out = await runPythonJson(python, script, [`${system.url}/open311/v2`, code]);
    for (const fmt of ['json', 'xml'] as const) {
      const r = out[fmt];
      const services = r.services as Array<Record<string, unknown>>;
      assert.ok(
        services.some((s) => s.service_code === 'road_collapse'),
        fmt,
      );
      assert.equal(r.definition.service_code, 'road_collapse');
      // xmltodict reads one <request> as an object, several as a list.
      const list = (x: unknown) => (Array.isArray(x) ? x : [x]) as Array<Record<string, unknown>>;
      assert.equal(list(r.requests)[0]!.service_request_id, code, fmt);
      assert.ok(
        list(r.open).some((x) => x.service_request_id === code),
        fmt,
      );
      assert.equal(r.one.service_request_id, code, fmt);
      assert.equal(r.one.status, 'open');
      assert.equal(r.one.service_name, '道路塌陷');
      assert.ok(!JSON.stringify(r).includes(person.phone));
    }
  });
});
