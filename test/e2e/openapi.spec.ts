import assert from 'node:assert/strict';
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { login, request, requestPrepared } from '../support/http-client';
import { PHOTO_FIXTURES } from '../support/photo-fixtures';
import { ticketWhen } from '../support/reports';
import { startTestSystem, type TestSystem } from '../support/test-system';

/**
 * Every operation of /api/v1/openapi.json is exercised against the running system and
 * each answer is checked against the schema the document gives for its status.
 */
describe('the OpenAPI document matches the running system', function () {
  this.timeout(120000);
  let system: TestSystem;
  let doc: any;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const exercised = new Set<string>();

  before(async () => {
    system = await startTestSystem();
    doc = (await request(system.url, 'GET', '/api/v1/openapi.json')).body;
    ajv.addSchema(doc, 'doc');
  });
  after(async () => system?.destroy());

  const pointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

  /** Calls the operation and checks status and body against the document. */
  async function call(
    operationId: string,
    path: string,
    init: Parameters<typeof request>[3] = {},
    expected = 200,
  ) {
    const found = Object.entries(doc.paths as Record<string, Record<string, any>>)
      .flatMap(([p, ops]) => Object.entries(ops).map(([method, op]) => ({ p, method, op })))
      .find((o) => o.op.operationId === operationId);
    assert.ok(found, `operation ${operationId} is documented`);
    // KPI answers wait out their summaries being built, as the dashboard does.
    const res = await requestPrepared(system.url, found.method.toUpperCase(), path, init);
    assert.equal(
      res.status,
      expected,
      `${operationId}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`,
    );
    assert.ok(found.op.responses[String(res.status)], `${operationId} documents status ${res.status}`);
    exercised.add(operationId);
    const content = found.op.responses[String(res.status)].content;
    if (!content) return res.body;
    if (!content['application/json']) {
      // A binary answer (a photo): its media type must be one the document lists.
      const type = res.headers.get('content-type')?.split(';')[0];
      assert.ok(type && content[type], `${operationId} ${res.status} answers a documented type, not ${type}`);
      return res.body;
    }
    const schemaRef = `doc#/paths/${pointer(found.p)}/${found.method}/responses/${res.status}/content/application~1json/schema`;
    const validate = ajv.getSchema(schemaRef);
    assert.ok(validate, `a schema for ${operationId} ${res.status}`);
    assert.ok(
      validate(res.body),
      `${operationId} ${res.status} body does not match: ${ajv.errorsText(validate.errors)}`,
    );
    exercised.add(operationId);
    return res.body;
  }

  async function newTicket(grid = 'chunhai-g1') {
    const created = await call(
      'createReport',
      '/api/v1/reports',
      {
        body: {
          category: 'road_collapse',
          description: 'documented hole',
          location: demoGridCentre(grid),
          contact: { phone: '13800138000' },
        },
      },
      201,
    );
    await ticketWhen(system, created.ticketId);
    return created;
  }

  it('documents and answers every operation as documented', async () => {
    await call('health', '/healthz');
    await call('openapi', '/api/v1/openapi.json');
    await call('listCategories', '/api/v1/categories');
    await call('listAreas', '/api/v1/areas');
    await call(
      'createReport',
      '/api/v1/reports',
      { body: { category: 'nope', description: 'x', location: { lat: 1, lng: 1 } } },
      422,
    );
    const member = (
      await call('login', '/api/v1/auth/login', {
        body: { username: 'municipal.member', password: 'demo-test-password' },
      })
    ).token;
    await call(
      'login',
      '/api/v1/auth/login',
      { body: { username: 'municipal.member', password: 'wrong' } },
      401,
    );
    const secretary = await login(system.url, 'chunhai.secretary', 'demo-test-password');
    const m = { token: member };
    const s = { token: secretary };

    const photo = await call(
      'uploadPhoto',
      '/api/v1/photos',
      { bytes: PHOTO_FIXTURES['image/png'], headers: { 'content-type': 'image/png' } },
      201,
    );
    await call(
      'uploadPhoto',
      '/api/v1/photos',
      { bytes: Buffer.from('not a png'), headers: { 'content-type': 'image/png' } },
      415,
    );
    await call('getPhoto', photo.url);
    await call('getPhoto', '/api/v1/photos/AAAAAAAAAAAAAAAAAAAAAA', {}, 404);

    const t1 = await newTicket();
    await call('getReport', `/api/v1/reports/${t1.trackingCode}`);
    await call('listTickets', '/api/v1/tickets?status=dispatched', m);
    await call('getTicket', `/api/v1/tickets/${t1.ticketId}`, m);
    await call('getTicket', '/api/v1/tickets/unknown', m, 404);
    await call('ticket_accept', `/api/v1/tickets/${t1.ticketId}/accept`, { ...m, body: {} });
    await call('ticket_accept', `/api/v1/tickets/${t1.ticketId}/accept`, { ...m, body: {} }, 409);
    await call('ticket_progress', `/api/v1/tickets/${t1.ticketId}/progress`, {
      ...m,
      body: { note: 'crew on site' },
    });
    const due = (await system.platform.tickets.findById(t1.ticketId))!.deadlines.resolve!.dueAt;
    const later = new Date(Date.parse(due) + 3600_000).toISOString();
    await call('ticket_extension', `/api/v1/tickets/${t1.ticketId}/extension`, {
      ...m,
      body: { resolveBy: later, reason: 'rain' },
    });
    await call('ticket_decide', `/api/v1/tickets/${t1.ticketId}/decide`, {
      ...s,
      body: { request: 'extension', approve: true },
    });
    await call('ticket_resolve', `/api/v1/tickets/${t1.ticketId}/resolve`, {
      ...m,
      body: { note: 'fixed', photos: [photo.url] },
    });
    await call('ticket_verify', `/api/v1/tickets/${t1.ticketId}/verify`, { ...s, body: { solved: true } });
    await call('rateReport', `/api/v1/reports/${t1.trackingCode}/feedback`, {
      body: { reporterToken: t1.reporterToken, rating: 'satisfied' },
    });
    await call('ticket_reopen', `/api/v1/tickets/${t1.ticketId}/reopen`, {
      ...s,
      body: { reason: 'resident called again' },
    });

    const t2 = await newTicket();
    await call('ticket_return', `/api/v1/tickets/${t2.ticketId}/return`, {
      ...m,
      body: { reason: 'not ours' },
    });
    await call('ticket_reassign', `/api/v1/tickets/${t2.ticketId}/reassign`, {
      ...s,
      body: { unitId: 'water' },
    });

    const t3 = await newTicket();
    const t4 = await newTicket();
    await call('ticket_urge', `/api/v1/tickets/${t3.ticketId}/urge`, {
      ...s,
      body: { note: 'today please' },
    });
    await call('ticket_merge', `/api/v1/tickets/${t3.ticketId}/merge`, {
      ...s,
      body: { intoTicketId: t4.ticketId },
    });
    await call('ticket_cancel', `/api/v1/tickets/${t4.ticketId}/cancel`, {
      ...s,
      body: { reason: 'duplicate report' },
    });

    // Administration (role admin).
    const a = { token: await login(system.url, 'admin', 'admin-test-password') };
    const box = {
      type: 'Polygon',
      coordinates: [
        [
          [121.621, 38.911],
          [121.622, 38.911],
          [121.622, 38.912],
          [121.621, 38.912],
          [121.621, 38.911],
        ],
      ],
    };
    await call('admin_list_areas', '/api/v1/admin/areas', a);
    await call(
      'admin_create_area',
      '/api/v1/admin/areas',
      {
        ...a,
        body: {
          id: 'doc-grid',
          name: { zh: '文档网格', en: 'Doc grid' },
          level: 'grid',
          parentId: 'yuguang',
          boundary: box,
        },
      },
      201,
    );
    await call('admin_get_area', '/api/v1/admin/areas/doc-grid', a);
    await call('admin_update_area', '/api/v1/admin/areas/doc-grid', {
      ...a,
      body: {
        name: { zh: '文档网格二', en: 'Doc grid 2' },
        level: 'grid',
        parentId: 'yuguang',
        boundary: box,
      },
    });
    await call('admin_list_units', '/api/v1/admin/units', a);
    await call(
      'admin_create_unit',
      '/api/v1/admin/units',
      {
        ...a,
        body: {
          id: 'doc-unit',
          name: { zh: '文档单位', en: 'Doc unit' },
          kind: 'other',
          areaIds: ['zhongshan'],
        },
      },
      201,
    );
    await call('admin_get_unit', '/api/v1/admin/units/doc-unit', a);
    await call('admin_update_unit', '/api/v1/admin/units/doc-unit', {
      ...a,
      body: { name: { zh: '文档单位', en: 'Doc unit' }, kind: 'property', areaIds: ['yuguang'] },
    });
    await call('admin_list_users', '/api/v1/admin/users', a);
    const user = await call(
      'admin_create_user',
      '/api/v1/admin/users',
      {
        ...a,
        body: {
          username: 'doc.member',
          password: 'doc-password-1',
          displayName: 'Doc',
          role: 'unit_member',
          unitId: 'doc-unit',
        },
      },
      201,
    );
    await call('admin_get_user', `/api/v1/admin/users/${user.id}`, a);
    await call('admin_update_user', `/api/v1/admin/users/${user.id}`, {
      ...a,
      body: { username: 'doc.member', displayName: 'Doc 2', role: 'unit_member', unitId: 'doc-unit' },
    });
    await call('admin_list_categories', '/api/v1/admin/categories', a);
    const category = {
      name: { zh: '文档类别', en: 'Doc category' },
      priority: 'P3',
      ackWithin: 'PT4H',
      resolveWithin: 'P5D',
      active: true,
    };
    await call('admin_put_category', '/api/v1/admin/categories/doc_cat', { ...a, body: category }, 201);
    await call('admin_put_category', '/api/v1/admin/categories/doc_cat', {
      ...a,
      body: { ...category, priority: 'P4' },
    });
    await call('admin_get_category', '/api/v1/admin/categories/doc_cat', a);
    await call('admin_list_responsibilities', '/api/v1/admin/responsibilities', a);
    const line = await call(
      'admin_create_responsibility',
      '/api/v1/admin/responsibilities',
      { ...a, body: { category: 'doc_cat', areaId: 'doc-grid', leadUnitId: 'doc-unit' } },
      201,
    );
    await call('admin_get_responsibility', `/api/v1/admin/responsibilities/${line.id}`, a);
    await call('admin_update_responsibility', `/api/v1/admin/responsibilities/${line.id}`, {
      ...a,
      body: { category: 'doc_cat', areaId: 'doc-grid', leadUnitId: 'doc-unit', assistUnitIds: ['water'] },
    });
    await call('admin_delete_responsibility', `/api/v1/admin/responsibilities/${line.id}`, a, 204);
    await call('admin_delete_category', '/api/v1/admin/categories/doc_cat', a);
    await call('admin_delete_user', `/api/v1/admin/users/${user.id}`, a);
    await call('admin_delete_unit', '/api/v1/admin/units/doc-unit', a);
    await call('admin_delete_area', '/api/v1/admin/areas/doc-grid', a, 204);

    await call('admin_list_calendars', '/api/v1/admin/calendars', a);
    const calendar = await call('admin_get_calendar', '/api/v1/admin/calendars/cn-default', a);
    const { inUse: _inUse, createdAt: _c, updatedAt: _u, ...calendarBody } = calendar;
    await call(
      'admin_put_calendar',
      '/api/v1/admin/calendars/doc-cal',
      {
        ...a,
        body: { ...calendarBody, id: undefined },
      },
      201,
    );
    await call('admin_put_calendar', '/api/v1/admin/calendars/doc-cal', {
      ...a,
      body: { ...calendarBody, id: 'doc-cal', officeHours: [{ start: '09:00', end: '17:00' }] },
    });
    await call('admin_delete_calendar', '/api/v1/admin/calendars/doc-cal', a, 204);

    const kpiReader = { token: await login(system.url, 'chunhai.secretary', 'demo-test-password') };
    const near = demoGridCentre('chunhai-g1');
    await newTicket('chunhai-g1');
    const nearby = await call(
      'nearbyReports',
      `/api/v1/reports/nearby?category=road_collapse&lat=${near.lat}&lng=${near.lng}`,
    );
    const ref = nearby.duplicates[0].ref;
    const device = { body: { device: 'doc-device-0123456789' } };
    await call('supportReport', `/api/v1/reports/nearby/${ref}/support`, device);
    await call('supportReport', `/api/v1/reports/nearby/${ref}/support`, { body: { device: 'short' } }, 422);
    await call(
      'supportReport',
      '/api/v1/reports/nearby/00000000-0000-0000-0000-000000000000/support',
      device,
      404,
    );
    await call('nearbyReports', '/api/v1/reports/nearby?category=road_collapse&lat=91&lng=0', {}, 422);
    await call('nearbyReports', '/api/v1/reports/nearby?lat=1', {}, 400);
    await call('listUnits', '/api/v1/units', kpiReader);
    await call('listUnits', '/api/v1/units', {}, 401);
    await call('getKpis', '/api/v1/kpis', kpiReader);
    await call('getKpis', '/api/v1/kpis?areaId=chunhai&from=2026-11-01&to=2026-11-30', kpiReader);
    await call('getKpis', '/api/v1/kpis?from=nope', kpiReader, 422);
    await call('getKpis', '/api/v1/kpis?areaId=dongri', kpiReader, 404);
    await call('getMeetingReport', '/api/v1/meetings/chunhai/2026-11', kpiReader);
    await call('getMeetingReport', '/api/v1/meetings/chunhai/2026-11?format=csv', kpiReader);
    await call('getMeetingReport', '/api/v1/meetings/chunhai/2026-13', kpiReader, 422);
    await call('exportTickets', '/api/v1/tickets/export?format=csv', kpiReader);
    await call('exportTickets', '/api/v1/tickets/export?format=jsonl&status=dispatched,accepted', kpiReader);
    await call('exportTickets', '/api/v1/tickets/export?format=xlsx', kpiReader, 422);
    await call('exportTickets', '/api/v1/tickets/export?limit=10', kpiReader, 400);
    await call('exportTickets', '/api/v1/tickets/export', {}, 401);

    // Open311 GeoReport v2 (JSON answers; the XML ones carry the same fields) and its API keys.
    const key = await call(
      'admin_create_open311_key',
      '/api/v1/admin/open311-keys',
      { ...a, body: { name: 'doc client' } },
      201,
    );
    await call('admin_list_open311_keys', '/api/v1/admin/open311-keys', a);
    const form = (fields: Record<string, string>) => ({
      raw: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const open311Report = {
      api_key: key.key,
      service_code: 'road_collapse',
      lat: String(near.lat),
      long: String(near.lng),
      description: 'documented hole',
    };
    await call('open311_discovery', '/open311/v2/discovery.json');
    await call('open311_services', '/open311/v2/services.json');
    await call('open311_service_definition', '/open311/v2/services/road_collapse.json');
    await call('open311_service_definition', '/open311/v2/services/nope.json', {}, 404);
    const [filed] = await call(
      'open311_create_request',
      '/open311/v2/requests.json',
      form(open311Report),
      201,
    );
    await call(
      'open311_create_request',
      '/open311/v2/requests.json',
      form({ ...open311Report, service_code: 'nope' }),
      400,
    );
    await call('open311_list_requests', '/open311/v2/requests.json');
    await call('open311_list_requests', '/open311/v2/requests.json?status=maybe', {}, 400);
    await call('open311_get_request', `/open311/v2/requests/${filed.service_request_id}.json`);
    await call('open311_get_request', '/open311/v2/requests/nope.json', {}, 400);
    await call('open311_get_request', '/open311/v2/requests/ZZZZ-ZZZZ-ZZZZ.json', {}, 404);
    await call('open311_token', `/open311/v2/tokens/${filed.token}.json`);
    await call('open311_token', '/open311/v2/tokens/nope.json', {}, 400);
    await call('open311_token', '/open311/v2/tokens/00000000-0000-4000-8000-000000000000.json', {}, 404);
    await call('admin_delete_open311_key', `/api/v1/admin/open311-keys/${key.id}`, a);
    await call('open311_create_request', '/open311/v2/requests.json', form(open311Report), 403);

    // The hotline: an agent the administrator creates files a caller's report and looks it up.
    await call(
      'admin_create_user',
      '/api/v1/admin/users',
      {
        ...a,
        body: {
          username: 'doc.hotline',
          password: 'Doc-hotline-2026',
          displayName: 'doc',
          role: 'hotline_agent',
        },
      },
      201,
    );
    const h = { token: await login(system.url, 'doc.hotline', 'Doc-hotline-2026') };
    const hotlineReport = {
      category: 'road_collapse',
      description: 'documented hole, by telephone',
      location: near,
      callerPhone: '13800138000',
      callReference: 'DOC-CALL-1',
    };
    await call('createHotlineReport', '/api/v1/hotline/reports', { ...h, body: hotlineReport }, 201);
    const { callerPhone: _phone, ...noPhone } = hotlineReport;
    await call('createHotlineReport', '/api/v1/hotline/reports', { ...h, body: noPhone }, 400);
    await call('createHotlineReport', '/api/v1/hotline/reports', { ...m, body: hotlineReport }, 403);
    await call('findCallerReports', '/api/v1/hotline/reports?phone=13800138000', h);
    await call('findCallerReports', '/api/v1/hotline/reports?phone=123', h, 422);
    await call('findCallerReports', '/api/v1/hotline/reports?phone=13800138000', m, 403);

    // Webhook endpoints, the administrator's and a unit's own (no receiver needed: the log is read).
    for (const [op, base, who] of [
      ['admin', '/api/v1/admin/webhooks', a],
      [
        'unit',
        '/api/v1/units/power/webhooks',
        { token: await login(system.url, 'power.member', 'demo-test-password') },
      ],
    ] as const) {
      const hook = await call(
        `${op}_create_webhook`,
        base,
        { ...who, body: { url: 'http://127.0.0.1:9/hook' } },
        201,
      );
      await call(`${op}_create_webhook`, base, { ...who, body: { url: 'file:///etc/passwd' } }, 400);
      await call(`${op}_list_webhooks`, base, who);
      await call(`${op}_update_webhook`, `${base}/${hook.id}`, {
        ...who,
        body: { eventTypes: ['ticket.closed'] },
      });
      await call(`${op}_rotate_webhook_secret`, `${base}/${hook.id}/secret`, who);
      await call(`${op}_list_webhook_deliveries`, `${base}/${hook.id}/deliveries?state=failed`, who);
      await call(`${op}_replay_webhook`, `${base}/${hook.id}/replay`, { ...who, body: {} });
      await call(
        `${op}_replay_webhook`,
        `${base}/${hook.id}/replay`,
        { ...who, body: { deliveryId: 'nope' } },
        404,
      );
      await call(`${op}_delete_webhook`, `${base}/${hook.id}`, who, 204);
    }

    // Planned works: a unit's own, and the public list for the maps.
    const w = { token: await login(system.url, 'water.member', 'demo-test-password') };
    const worksBase = '/api/v1/units/water/planned-works';
    const works = {
      categories: ['water_outage'],
      gridIds: ['linhai-g1'],
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: new Date(Date.now() + 3600_000).toISOString(),
      notice: { zh: '管道检修', en: 'Pipe repairs' },
    };
    const announced = await call('createPlannedWorks', worksBase, { ...w, body: works }, 201);
    await call('createPlannedWorks', worksBase, { ...w, body: { ...works, categories: ['nope'] } }, 422);
    await call('listUnitPlannedWorks', worksBase, w);
    await call('listCurrentPlannedWorks', '/api/v1/planned-works/current');
    await call('endPlannedWorks', `${worksBase}/${announced.id}/end`, w);
    await call('cancelPlannedWorks', `${worksBase}/${announced.id}/cancel`, w, 409);

    // Resident SMS: opt-out on the tracking page, the gateway's replies (no inbound secret here: 503), the log.
    const smsReport = await newTicket();
    const optOut = `/api/v1/reports/${smsReport.trackingCode}/sms-opt-out`;
    await call('optOutOfReportSms', optOut, { body: { reporterToken: smsReport.reporterToken } });
    await call('optOutOfReportSms', optOut, { body: {} }, 422);
    await call('smsInboundReply', '/api/v1/sms/inbound', { body: { from: '13800138000', text: 'TD' } }, 503);
    await call('admin_list_sms', '/api/v1/admin/sms', a);

    // The joint committee: chair order, a meeting from creation to its minutes, activities, figures.
    const sec = { token: await login(system.url, 'dongri.secretary', 'demo-test-password') };
    const committee = '/api/v1/committees/dongri';
    const order = await call('getCommitteeChairOrder', `${committee}/chair-order`, sec);
    await call(
      'setCommitteeChairOrder',
      `${committee}/chair-order`,
      { ...sec, body: { unitIds: ['nope'] } },
      422,
    );
    await call('setCommitteeChairOrder', `${committee}/chair-order`, {
      ...sec,
      body: { unitIds: order.order.map((u: { unitId: string }) => u.unitId).reverse() },
    });
    const meetings = `${committee}/meetings`;
    await call('createCommitteeMeeting', meetings, { ...sec, body: { month: '2026-11' } }, 201);
    await call('createCommitteeMeeting', meetings, { ...sec, body: { month: '2026-11' } }, 409);
    await call('listCommitteeMeetings', meetings, sec);
    await call('getCommitteeMeeting', `${meetings}/2026-11`, sec);
    await call('getCommitteeMeetingAgenda', `${meetings}/2026-11/agenda`, sec);
    await call('setCommitteeMeetingAttendees', `${meetings}/2026-11/attendees`, {
      ...sec,
      body: { attendeeUnitIds: ['property-dongri'] },
    });
    await call(
      'recordCommitteeMeetingDecision',
      `${meetings}/2026-11/decisions`,
      {
        ...sec,
        body: { kind: 'note', text: 'Agreed to open a study room' },
      },
      201,
    );
    await call(
      'recordCommitteeMeetingDecision',
      `${meetings}/2026-11/decisions`,
      {
        ...sec,
        body: { kind: 'approve_project', projectId: 'nope' },
      },
      422,
    );
    await call('holdCommitteeMeeting', `${meetings}/2026-11/hold`, { ...sec, body: { minutes: 'Agreed.' } });
    await call('getCommitteeMeetingMinutes', `${meetings}/2026-11/minutes?format=json`, sec);
    const activity = await call(
      'createCommitteeActivity',
      `${committee}/activities`,
      {
        ...sec,
        body: {
          title: 'Chess club',
          organiserUnitId: 'property-dongri',
          startsAt: new Date(Date.now() + 86_400_000).toISOString(),
          endsAt: new Date(Date.now() + 90_000_000).toISOString(),
        },
      },
      201,
    );
    await call('listCommitteeActivities', `${committee}/activities`, sec);
    await call('publishCommitteeActivity', `${committee}/activities/${activity.id}/publish`, sec);
    await call('publishCommitteeActivity', `${committee}/activities/${activity.id}/publish`, sec, 409);
    await call('listCommunityActivities', '/api/v1/communities/dongri/activities');
    await call('getCommitteeFigures', '/api/v1/committees/figures', sec);

    // The joint committee's lists: a resident's need, a unit's resource, a project through its life.
    const unit = { token: await login(system.url, 'property-dongri.member', 'demo-test-password') };
    const resident = 'openapi-device-0001-abcdef';
    const needs = '/api/v1/communities/dongri/needs';
    const draft = {
      title: '婴儿托育室',
      description: '希望社区提供托育场所',
      kind: 'childcare',
      peopleConcerned: 12,
    };
    const raised = await call('raiseNeed', needs, { body: { ...draft, device: resident } }, 201);
    await call('raiseNeed', needs, { body: { ...draft, device: resident, peopleConcerned: 0 } }, 422);
    await call('listPublicNeeds', needs);
    await call(
      'listSimilarNeeds',
      `${needs}/similar?kind=childcare&title=${encodeURIComponent(draft.title)}`,
    );
    await call('getPublicNeed', `${needs}/${raised.id}`);
    await call('supportNeed', `${needs}/${raised.id}/support`, {
      body: { device: 'openapi-device-0002-abcdef' },
    });
    const onBehalf = await call(
      'raiseNeedForResident',
      '/api/v1/needs',
      { ...sec, body: { ...draft, communityId: 'dongri' } },
      201,
    );
    await call('listNeeds', '/api/v1/needs?communityId=dongri', sec);
    await call('getNeed', `/api/v1/needs/${onBehalf.id}`, sec);
    await call('triageNeed', `/api/v1/needs/${raised.id}/triage`, { ...sec, body: { decision: 'accept' } });
    await call(
      'triageNeed',
      `/api/v1/needs/${onBehalf.id}/triage`,
      { ...sec, body: { decision: 'accept' }, headers: { 'if-match': '"9"' } },
      409,
    );
    const resources = '/api/v1/units/property-dongri/resources';
    const offer = {
      communityId: 'dongri',
      title: '物业活动室',
      description: '可改造为婴儿室',
      kind: 'venue',
      serves: ['childcare'],
      capacity: 20,
      availableFrom: '2026-01-01',
      contact: { name: '张经理', phone: '13600136000' },
    };
    const room = await call('offerResource', resources, { ...unit, body: offer }, 201);
    await call('listUnitResources', resources, unit);
    await call('getUnitResource', `${resources}/${room.id}`, unit);
    await call('updateUnitResource', `${resources}/${room.id}`, {
      ...unit,
      body: { ...offer, capacity: 24 },
    });
    await call('listCommitteeResources', '/api/v1/resources?communityId=dongri', sec);
    await call('getNeedMatches', `/api/v1/needs/${raised.id}/matches`, sec);
    const spare = await call(
      'offerResource',
      resources,
      { ...unit, body: { ...offer, title: '会议室' } },
      201,
    );
    await call('withdrawUnitResource', `${resources}/${spare.id}`, unit, 204);
    const project = await call(
      'createProject',
      '/api/v1/projects',
      {
        ...sec,
        body: {
          communityId: 'dongri',
          title: '东日婴儿室',
          description: '物业活动室改造为婴儿室',
          needIds: [raised.id],
          resourceIds: [room.id],
          commitments: [{ resourceId: room.id, amount: 12 }],
          leadUnitId: 'property-dongri',
          milestones: [{ title: '场地改造', dueAt: new Date(Date.now() + 10 * 86400_000).toISOString() }],
        },
      },
      201,
    );
    const projectPath = `/api/v1/projects/${project.id}`;
    await call('listProjects', '/api/v1/projects', sec);
    await call('getProject', projectPath, unit);
    await call('startProject', `${projectPath}/start`, { ...unit, body: {} }, 409);
    await call('approveProject', `${projectPath}/approve`, {
      ...sec,
      body: { meetingId: 'meeting-2026-12' },
    });
    await call('startProject', `${projectPath}/start`, { ...unit, body: {} });
    await call(
      'waiveMilestone',
      `${projectPath}/milestones/${project.milestones[0].id}/waive`,
      { ...unit, body: { reason: '不需要' } },
      403,
    );
    await call('completeMilestone', `${projectPath}/milestones/${project.milestones[0].id}/done`, {
      ...unit,
      body: {},
    });
    await call('deliverProject', `${projectPath}/deliver`, { ...unit, body: {} });
    const projects = '/api/v1/communities/dongri/projects';
    await call('listPublicProjects', projects);
    await call('getPublicProject', `${projects}/${project.id}`);
    await call(
      'evaluateProject',
      `${projects}/${project.id}/evaluations`,
      { body: { device: resident, score: 5 } },
      201,
    );
    await call('closeProjectEvaluation', `${projectPath}/evaluate`, { ...sec, body: {} });
    await call(
      'waiveMilestone',
      `${projectPath}/milestones/${project.milestones[0].id}/waive`,
      { ...sec, body: { reason: '不需要了' } },
      409,
    );

    const documented = Object.values(doc.paths as Record<string, Record<string, any>>).flatMap((ops) =>
      Object.values(ops).map((op) => op.operationId),
    );
    assert.deepEqual(
      documented.filter((id) => !exercised.has(id)),
      [],
      'every documented operation was exercised',
    );
  });
});
