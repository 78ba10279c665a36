import assert from 'node:assert/strict';
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import { ancestorPath, rotatingChair } from '@grid-dispatch/domain';
import { CommitteeTap } from '../support/committee-tap';
import { csvRows } from '../support/csv-rows';
import { eventually, login, request, requestPrepared } from '../support/http-client';
import { fileAndDispatch } from '../support/reports';
import { startTestSystem, type TestSystem } from '../support/test-system';

const DEMO = 'demo-test-password';
const day = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('committee: chair order, monthly meetings, activities and figures (real servers)', function () {
  this.timeout(120000);
  let system: TestSystem;
  let tap: CommitteeTap;
  let admin: string;
  let dongriSecretary: string;
  let chunhaiSecretary: string;
  let districtSecretary: string;
  let propertyDongri: string;
  let propertyChunhai: string;
  let gasMember: string;
  let members: string[];
  const now = Date.now();

  const call = (
    method: string,
    path: string,
    token: string | undefined,
    body?: unknown,
    headers?: Record<string, string>,
  ) => request(system.url, method, path, { token, body, headers });
  const fieldPaths = (res: { body: any }) =>
    (res.body.error?.fields ?? []).map((f: { path: string }) => f.path);

  before(async () => {
    system = await startTestSystem();
    tap = new CommitteeTap(system.config.KAFKA_BROKERS, system.config.TOPIC_PREFIX);
    await tap.start();
    [
      admin,
      dongriSecretary,
      chunhaiSecretary,
      districtSecretary,
      propertyDongri,
      propertyChunhai,
      gasMember,
    ] = await Promise.all([
      login(system.url, 'admin', 'admin-test-password'),
      login(system.url, 'dongri.secretary', DEMO),
      login(system.url, 'chunhai.secretary', DEMO),
      login(system.url, 'zhongshan.secretary', DEMO),
      login(system.url, 'property-dongri.member', DEMO),
      login(system.url, 'property-chunhai.member', DEMO),
      login(system.url, 'gas.member', DEMO),
    ]);
    // The lists the other routes keep, as stored (needs, projects, resources of Dongri and Chunhai).
    const db = system.platform.db;
    const areas = await system.platform.models.areas.find({}, { parentId: 1, level: 1 }).lean().exec();
    const nodes = areas.map((a) => ({ id: a._id, level: a.level, parentId: a.parentId }));
    // What the projects' own write path needs of a stored project (version, scope, outbox …).
    const stored = (p: {
      _id: string;
      communityId: string;
      leadUnitId: string;
      participantUnitIds: string[];
    }) => ({
      ...p,
      areaIds: ancestorPath(nodes, p.communityId),
      unitIds: [p.leadUnitId, ...p.participantUnitIds],
      version: 1,
      outbox: [],
      outboxPending: false,
      description: '',
      commitments: [],
      evaluatorKeys: [],
      approvedAtMeetingId: null,
      approvedAt: null,
      startedAt: null,
      evaluatedAt: null,
    });
    await db.collection('committee_needs').insertMany([
      {
        _id: 'need-babies',
        communityId: 'dongri',
        title: 'Somewhere for babies',
        kind: 'childcare',
        status: 'served',
        peopleConcerned: 40,
        supporters: 12,
        raisedAt: new Date(now - 60 * day),
      },
      {
        _id: 'need-study',
        communityId: 'dongri',
        title: 'A quiet study room',
        kind: 'study',
        status: 'open',
        peopleConcerned: 25,
        supporters: 3,
        raisedAt: new Date(now - 2 * day),
      },
      {
        _id: 'need-courier',
        communityId: 'chunhai',
        title: 'Couriers need a rest',
        kind: 'other',
        status: 'accepted',
        peopleConcerned: 30,
        supporters: 0,
        raisedAt: new Date(now - 3 * day),
      },
    ] as never[]);
    await db.collection('committee_projects').insertMany(
      [
        {
          _id: 'baby-room',
          communityId: 'dongri',
          title: 'Baby room',
          needIds: ['need-babies'],
          resourceIds: ['hall'],
          leadUnitId: 'property-dongri',
          participantUnitIds: ['service-centre'],
          status: 'delivered',
          milestones: [],
          evaluations: [
            { score: 5, at: new Date(now - day) },
            { score: 4, at: new Date(now - day) },
          ],
          proposedAt: new Date(now - 50 * day),
          deliveredAt: new Date(now - 20 * day),
        },
        {
          _id: 'study-room',
          communityId: 'dongri',
          title: 'Study room',
          needIds: ['need-study'],
          resourceIds: [],
          leadUnitId: 'property-dongri',
          participantUnitIds: [],
          status: 'proposed',
          milestones: [],
          evaluations: [],
          proposedAt: new Date(now - day),
        },
        {
          _id: 'canteen',
          communityId: 'dongri',
          title: 'Canteen',
          needIds: [],
          resourceIds: [],
          leadUnitId: 'service-centre',
          participantUnitIds: [],
          status: 'in_progress',
          evaluations: [],
          milestones: [
            { id: 'kitchen', title: 'Kitchen fitted', dueAt: new Date(now - 5 * day) },
            { id: 'opening', title: 'Opening day', dueAt: new Date(now + 10 * day) },
          ],
          proposedAt: new Date(now - 40 * day),
        },
        {
          _id: 'courier-station',
          communityId: 'chunhai',
          title: 'Courier station',
          needIds: [],
          resourceIds: [],
          leadUnitId: 'property-chunhai',
          participantUnitIds: [],
          status: 'proposed',
          milestones: [],
          evaluations: [],
          proposedAt: new Date(now - day),
        },
      ].map(stored) as never[],
    );
    await db.collection('committee_resources').insertMany([
      {
        _id: 'hall',
        unitId: 'property-dongri',
        communityId: 'dongri',
        title: 'Community hall',
        kind: 'venue',
        serves: ['culture'],
        capacity: 80,
        committed: 0,
        createdAt: new Date(now - 90 * day),
      },
      {
        _id: 'fund',
        unitId: 'property-dongri',
        communityId: 'dongri',
        title: 'Gala fund',
        kind: 'funds',
        serves: ['culture'],
        capacity: 1,
        committed: 0,
        createdAt: new Date(now - 90 * day),
      },
      {
        _id: 'chunhai-yard',
        unitId: 'property-chunhai',
        communityId: 'chunhai',
        title: 'Yard',
        kind: 'venue',
        serves: [],
        capacity: 50,
        committed: 0,
        createdAt: new Date(now - 9 * day),
      },
    ] as never[]);
  });

  after(async () => {
    await tap?.stop().catch(() => undefined);
    await system?.destroy();
  });

  describe('chair order', () => {
    const path = '/api/v1/committees/dongri/chair-order';

    it('the member units read it: no stored order yet, the members by id', async () => {
      const res = await call('GET', path, propertyDongri);
      assert.equal(res.status, 200);
      assert.equal(res.body.version, 0);
      assert.deepEqual(res.body.unitIds, []);
      members = res.body.order.map((u: { unitId: string }) => u.unitId);
      assert.ok(members.includes('property-dongri') && members.includes('gas'));
      assert.ok(!members.includes('property-chunhai'));
      assert.deepEqual(members, [...members].sort());
      assert.equal(
        res.body.order.find((u: any) => u.unitId === 'property-dongri').name.en,
        'Dongri Property Management',
      );
    });

    it('is outside the scope of another committee’s secretary and units (404), and of no community', async () => {
      assert.equal((await call('GET', path, chunhaiSecretary)).status, 404);
      assert.equal((await call('GET', path, propertyChunhai)).status, 404);
      assert.equal((await call('GET', '/api/v1/committees/zhongshan/chair-order', admin)).status, 404);
      assert.equal((await call('GET', '/api/v1/committees/nowhere/chair-order', admin)).status, 404);
      assert.equal((await call('GET', path, undefined)).status, 401);
    });

    it('only a secretary sets it: a unit’s staff get 403', async () => {
      const res = await call('PUT', path, propertyDongri, { unitIds: ['property-dongri'] });
      assert.equal(res.status, 403);
    });

    it('names the offending entries (422) and refuses a malformed body (400)', async () => {
      let res = await call('PUT', path, dongriSecretary, {
        unitIds: ['property-dongri', 'property-chunhai', 'property-dongri'],
      });
      assert.equal(res.status, 422);
      assert.deepEqual(fieldPaths(res), ['unitIds[1]', 'unitIds[2]']);
      res = await call('PUT', path, dongriSecretary, { unitIds: 'property-dongri' });
      assert.equal(res.status, 400);
      assert.deepEqual(fieldPaths(res), ['unitIds']);
    });

    it('the secretary sets it; a stale If-Match answers 409', async () => {
      const order = ['property-dongri', 'service-centre', 'gas'];
      let res = await call('PUT', path, dongriSecretary, { unitIds: order }, { 'if-match': '0' });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.version, 1);
      assert.deepEqual(res.body.unitIds, order);
      const rest = members.filter((id) => !order.includes(id));
      assert.deepEqual(
        res.body.order.map((u: any) => u.unitId),
        [...order, ...rest],
      );
      res = await call('PUT', path, dongriSecretary, { unitIds: order }, { 'if-match': '0' });
      assert.equal(res.status, 409);
      // A secretary above the community may set it too.
      res = await call('PUT', path, districtSecretary, { unitIds: order }, { 'if-match': '1' });
      assert.equal(res.status, 200);
      assert.equal(res.body.version, 2);
    });
  });

  describe('monthly meetings', () => {
    const base = '/api/v1/committees/dongri/meetings';
    const order = () => [
      'property-dongri',
      'service-centre',
      'gas',
      ...members.filter((id) => !['property-dongri', 'service-centre', 'gas'].includes(id)),
    ];

    it('creates the first meeting with the chair the rotation proposes', async () => {
      const res = await call('POST', base, dongriSecretary, { month: '2026-10' });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const expected = rotatingChair(
        members.map((id) => ({ id })),
        '2026-10',
        { storedOrder: order() },
      )!.id;
      assert.equal(res.body.chair.unitId, expected);
      assert.equal(res.body.status, 'planned');
      assert.equal(res.body.version, 1);
    });

    it('the next month’s chair follows the last meeting’s in the stored order', async () => {
      const first = (await call('GET', `${base}/2026-10`, propertyDongri)).body;
      const res = await call('POST', base, dongriSecretary, { month: '2026-11' });
      assert.equal(res.status, 201);
      const sequence = order();
      assert.equal(
        res.body.chair.unitId,
        sequence[(sequence.indexOf(first.chair.unitId) + 1) % sequence.length],
      );
    });

    it('one meeting a month (409); bad months and chairs are named (422); only secretaries create', async () => {
      assert.equal((await call('POST', base, dongriSecretary, { month: '2026-11' })).status, 409);
      let res = await call('POST', base, dongriSecretary, { month: '2026-13' });
      assert.equal(res.status, 422);
      assert.deepEqual(fieldPaths(res), ['month']);
      res = await call('POST', base, dongriSecretary, { month: '2026-12', chairUnitId: 'property-chunhai' });
      assert.equal(res.status, 422);
      assert.deepEqual(fieldPaths(res), ['chairUnitId']);
      res = await call('POST', base, dongriSecretary, { month: '2026-12', extra: 1 });
      assert.equal(res.status, 400);
      assert.equal((await call('POST', base, propertyDongri, { month: '2026-12' })).status, 403);
      assert.equal((await call('POST', base, chunhaiSecretary, { month: '2026-12' })).status, 404);
      assert.equal((await call('GET', `${base}/2026-09`, dongriSecretary)).status, 404);
      assert.equal((await call('GET', `${base}/2026-11`, chunhaiSecretary)).status, 404);
    });

    it('lists the committee’s meetings, newest first', async () => {
      const res = await call('GET', base, gasMember);
      assert.equal(res.status, 200);
      assert.deepEqual(
        res.body.items.map((m: any) => m.month),
        ['2026-11', '2026-10'],
      );
      assert.equal((await call('GET', base, propertyChunhai)).status, 404);
    });

    it('records the attendees: members only (422), stale versions refused (409)', async () => {
      let res = await call('PUT', `${base}/2026-11/attendees`, dongriSecretary, {
        attendeeUnitIds: ['gas', 'property-chunhai'],
      });
      assert.equal(res.status, 422);
      assert.deepEqual(fieldPaths(res), ['attendeeUnitIds[1]']);
      res = await call(
        'PUT',
        `${base}/2026-11/attendees`,
        dongriSecretary,
        { attendeeUnitIds: ['gas', 'property-dongri'] },
        { 'if-match': '1' },
      );
      assert.equal(res.status, 200);
      assert.equal(res.body.version, 2);
      assert.deepEqual(res.body.attendeeUnitIds, ['gas', 'property-dongri']);
      res = await call(
        'PUT',
        `${base}/2026-11/attendees`,
        dongriSecretary,
        { attendeeUnitIds: ['gas'] },
        { 'if-match': '1' },
      );
      assert.equal(res.status, 409);
      assert.equal(
        (await call('PUT', `${base}/2026-11/attendees`, gasMember, { attendeeUnitIds: ['gas'] })).status,
        403,
      );
    });

    it('records decisions checked against the committee’s projects and units', async () => {
      const decide = (body: unknown, token = dongriSecretary, headers?: Record<string, string>) =>
        call('POST', `${base}/2026-11/decisions`, token, body, headers);
      let res = await decide({ kind: 'approve_project', projectId: 'study-room' });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      res = await decide({ kind: 'assign_unit', projectId: 'canteen', unitId: 'gas', text: 'Gas fittings' });
      assert.equal(res.status, 201);
      res = await decide({
        kind: 'set_milestone',
        projectId: 'canteen',
        milestone: { id: 'kitchen', title: 'Kitchen fitted', dueAt: iso(now + 7 * day) },
      });
      assert.equal(res.status, 201);
      res = await decide({ kind: 'note', text: '=Next meeting at the hall' });
      assert.equal(res.status, 201);
      assert.equal(res.body.decisions.length, 4);
      assert.equal(res.body.version, 6);
      assert.equal(res.body.decisions[1].unitId, 'gas');
      // Each decision went through the projects' write path.
      const [studyRoom, canteen] = await Promise.all(
        ['study-room', 'canteen'].map((id) => system.platform.models.projects.findById(id).lean().exec()),
      );
      assert.equal(studyRoom?.status, 'approved');
      assert.equal(studyRoom?.approvedAtMeetingId, res.body.id);
      assert.deepEqual(canteen?.participantUnitIds, ['gas']);
      assert.equal(
        new Date(canteen!.milestones.find((m) => m.id === 'kitchen')!.dueAt).getTime(),
        now + 7 * day,
      );

      const refused: Array<[unknown, number, string[]]> = [
        [{ kind: 'approve_project', projectId: 'courier-station' }, 422, ['projectId']],
        [{ kind: 'approve_project', projectId: 'baby-room' }, 422, ['projectId']],
        [{ kind: 'assign_unit', projectId: 'canteen', unitId: 'property-chunhai' }, 422, ['unitId']],
        [
          {
            kind: 'set_milestone',
            projectId: 'canteen',
            milestone: { id: 'nope', title: 'x', dueAt: iso(now) },
          },
          422,
          ['milestone.id'],
        ],
        [
          { kind: 'set_milestone', projectId: 'canteen', milestone: { title: 'x', dueAt: 'soon' } },
          422,
          ['milestone.dueAt'],
        ],
        [{ kind: 'note' }, 422, ['text']],
        [{ kind: 'vote' }, 422, ['kind']],
        [{ kind: 'note', text: 5 }, 400, ['text']],
      ];
      for (const [body, status, paths] of refused) {
        res = await decide(body);
        assert.equal(res.status, status, JSON.stringify(body));
        assert.deepEqual(fieldPaths(res), paths, JSON.stringify(body));
      }
      assert.equal(
        (await decide({ kind: 'note', text: 'late' }, dongriSecretary, { 'if-match': '2' })).status,
        409,
      );
      assert.equal((await decide({ kind: 'note', text: 'x' }, propertyDongri)).status, 403);
      assert.equal((await decide({ kind: 'note', text: 'x' }, chunhaiSecretary)).status, 404);
    });

    it('builds the agenda from the lists, the tickets and the KPI report', async () => {
      // Two open tickets in Dongri, one past its deadline to sign; one in Chunhai, not counted.
      const [late] = await Promise.all([
        fileAndDispatch(system, { location: demoGridCentre('dongri-g1') }),
        fileAndDispatch(system, { location: demoGridCentre('dongri-g2') }),
        fileAndDispatch(system),
      ]);
      await system.platform.models.tickets
        .updateOne({ _id: late.ticketId }, { $set: { 'deadlines.ack.dueAt': iso(now - day) } })
        .exec();
      const res = await requestPrepared(system.url, 'GET', `${base}/2026-11/agenda`, {
        token: propertyDongri,
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.since, null);
      assert.deepEqual(
        res.body.newNeeds.map((n: any) => n.id),
        ['need-study'],
      );
      // The meeting's decisions took effect: the late kitchen was moved a week on, the study
      // room approved, so nothing is late and nothing waits for approval any more.
      assert.deepEqual(res.body.lateMilestones, []);
      assert.deepEqual(
        res.body.dueMilestones.map((m: any) => m.milestone.id),
        ['kitchen', 'opening'],
      );
      assert.deepEqual(res.body.awaitingApproval, []);
      assert.deepEqual(res.body.tickets, { overdue: 1, open: 2 });
      assert.ok(Array.isArray(res.body.kpis.units));
      assert.equal(res.body.kpis.areaId, 'dongri');
      // A unit's staff read their own unit's figures, as in the KPI report.
      assert.equal(res.body.kpis.unitId, 'property-dongri');
      assert.equal((await call('GET', `${base}/2026-11/agenda`, chunhaiSecretary)).status, 404);
    });

    it('holds the meeting: minutes kept, meeting.held on Kafka, no more changes (409)', async () => {
      let res = await call('POST', `${base}/2026-11/hold`, dongriSecretary, {
        minutes: 'All agreed.',
        heldAt: iso(now + day),
      });
      assert.equal(res.status, 422);
      assert.deepEqual(fieldPaths(res), ['heldAt']);
      res = await call(
        'POST',
        `${base}/2026-11/hold`,
        dongriSecretary,
        { minutes: 'All agreed.' },
        { 'if-match': '1' },
      );
      assert.equal(res.status, 409);
      res = await call('POST', `${base}/2026-11/hold`, dongriSecretary, { minutes: 'All agreed.' });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.status, 'held');
      assert.equal(res.body.minutes, 'All agreed.');
      const held = await eventually(async () => tap.events.find((e) => e.type === 'meeting.held'), 30000);
      assert.equal(held.communityId, 'dongri');
      assert.equal(held.entityId, res.body.id);
      assert.equal(held.entityVersion, res.body.version);
      assert.deepEqual(held.payload.approvedProjectIds, ['study-room']);
      assert.equal((await call('POST', `${base}/2026-11/hold`, dongriSecretary, {})).status, 409);
      assert.equal(
        (await call('POST', `${base}/2026-11/decisions`, dongriSecretary, { kind: 'note', text: 'x' }))
          .status,
        409,
      );
      const outbox = await system.platform.models.meetings.findById(res.body.id).lean().exec();
      assert.equal(outbox?.outboxPending, false);
    });

    it('the next agenda counts needs since the meeting held', async () => {
      await call('POST', base, dongriSecretary, { month: '2026-12' });
      const res = await requestPrepared(system.url, 'GET', `${base}/2026-12/agenda`, {
        token: dongriSecretary,
      });
      assert.equal(res.status, 200);
      assert.ok(res.body.since);
      assert.deepEqual(res.body.newNeeds, []);
      assert.equal(res.body.kpis.unitId, null);
    });

    it('serves the minutes as JSON for the printable page and as CSV', async () => {
      let res = await call('GET', `${base}/2026-11/minutes`, gasMember);
      assert.equal(res.status, 200);
      assert.equal(res.body.title.zh, '东日社区 联席会议纪要 2026-11');
      assert.deepEqual(
        res.body.attendees.map((a: any) => a.unitId),
        ['gas', 'property-dongri'],
      );
      assert.ok(res.body.absent.some((a: any) => a.unitId === 'service-centre'));
      assert.equal(res.body.decisions[0].projectTitle, 'Study room');
      res = await call('GET', `${base}/2026-11/minutes?format=csv`, dongriSecretary);
      assert.equal(res.status, 200);
      assert.match(String(res.headers.get('content-type')), /text\/csv/);
      // (fetch drops the byte-order mark the file starts with.)
      const rows = csvRows(String(res.body));
      const header = rows.findIndex((r) => r[0] === 'month');
      assert.ok(header > 0);
      const decisions = rows.slice(header + 1).filter((r) => r.length > 1);
      assert.equal(decisions.length, 4);
      // A cell a spreadsheet would run as a formula is written as text.
      assert.equal(decisions[3]![11], "'=Next meeting at the hall");
      res = await call('GET', `${base}/2026-11/minutes?format=xml`, dongriSecretary);
      assert.equal(res.status, 422);
      assert.deepEqual(fieldPaths(res), ['format']);
      assert.equal((await call('GET', `${base}/2026-11/minutes`, propertyChunhai)).status, 404);
    });
    it('the monthly KPI report names the same chair as the meetings', async () => {
      for (const month of ['2026-11', '2026-12']) {
        const meeting = (await call('GET', `${base}/${month}`, dongriSecretary)).body;
        const page = await requestPrepared(system.url, 'GET', `/api/v1/meetings/dongri/${month}`, {
          token: dongriSecretary,
        });
        assert.equal(page.status, 200);
        assert.match(String(page.body), new RegExp(`轮值主席 rotating chair: <b>${meeting.chair.name.zh}`));
      }
    });
  });

  describe('activities', () => {
    const base = '/api/v1/committees/dongri/activities';
    const publicPath = '/api/v1/communities/dongri/activities';
    const slot = (fromDays: number, hours = 2) => ({
      startsAt: iso(now + fromDays * day),
      endsAt: iso(now + fromDays * day + hours * 3_600_000),
    });
    let first: any;

    it('a member unit’s staff create one for their own unit, at a venue of the committee', async () => {
      const res = await call('POST', base, propertyDongri, {
        title: 'Mid-autumn gala',
        description: 'Lanterns',
        resourceId: 'hall',
        ...slot(3),
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.organiser.unitId, 'property-dongri');
      assert.deepEqual(res.body.venue, { resourceId: 'hall', title: 'Community hall' });
      assert.equal(res.body.published, false);
      first = res.body;
    });

    it('refuses a booked venue, a resource that is no venue, bad times and other units (422 naming the field)', async () => {
      const refused: Array<[string, unknown, string[]]> = [
        [propertyDongri, { title: 'Clash', resourceId: 'hall', ...slot(3.05) }, ['resourceId']],
        [propertyDongri, { title: 'Funds', resourceId: 'fund', ...slot(5) }, ['resourceId']],
        [propertyDongri, { title: 'Elsewhere', resourceId: 'chunhai-yard', ...slot(5) }, ['resourceId']],
        [
          propertyDongri,
          { title: 'Backwards', startsAt: iso(now + 2 * day), endsAt: iso(now + day) },
          ['endsAt'],
        ],
        [propertyDongri, { title: 'For gas', organiserUnitId: 'gas', ...slot(6) }, ['organiserUnitId']],
        [dongriSecretary, { title: 'Nobody', ...slot(6) }, ['organiserUnitId']],
        [
          dongriSecretary,
          { title: 'Outsider', organiserUnitId: 'property-chunhai', ...slot(6) },
          ['organiserUnitId'],
        ],
        [propertyDongri, { title: '', ...slot(6) }, ['title']],
      ];
      for (const [token, body, paths] of refused) {
        const res = await call('POST', base, token, body);
        assert.equal(res.status, 422, JSON.stringify(body));
        assert.deepEqual(fieldPaths(res), paths, JSON.stringify(body));
      }
      assert.equal(
        (await call('POST', base, propertyDongri, { title: 'x', ...slot(6), when: 'now' })).status,
        400,
      );
      assert.equal((await call('POST', base, propertyChunhai, { title: 'x', ...slot(6) })).status, 404);
      // Touching ends do not clash.
      const next = await call('POST', base, dongriSecretary, {
        title: 'Chess club',
        organiserUnitId: 'service-centre',
        resourceId: 'hall',
        startsAt: first.endsAt,
        endsAt: iso(Date.parse(first.endsAt) + 3_600_000),
      });
      assert.equal(next.status, 201);
    });

    it('residents see only published activities; publishing sends activity.published', async () => {
      let pub = await request(system.url, 'GET', publicPath);
      assert.equal(pub.status, 200);
      assert.deepEqual(pub.body.items, []);
      assert.equal((await call('POST', `${base}/${first.id}/publish`, gasMember)).status, 404);
      assert.equal(
        (await call('POST', `${base}/${first.id}/publish`, propertyDongri, undefined, { 'if-match': '7' }))
          .status,
        409,
      );
      const res = await call('POST', `${base}/${first.id}/publish`, propertyDongri, undefined, {
        'if-match': '1',
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.published, true);
      assert.equal(res.body.version, 2);
      assert.equal((await call('POST', `${base}/${first.id}/publish`, dongriSecretary)).status, 409);
      const event = await eventually(
        async () => tap.events.find((e) => e.type === 'activity.published'),
        30000,
      );
      assert.equal(event.entityId, first.id);
      pub = await request(system.url, 'GET', publicPath);
      assert.deepEqual(
        pub.body.items.map((a: any) => a.id),
        [first.id],
      );
      assert.deepEqual(Object.keys(pub.body.items[0]).sort(), [
        'communityId',
        'description',
        'endsAt',
        'id',
        'organiser',
        'startsAt',
        'title',
        'venue',
      ]);
      assert.equal(
        (await request(system.url, 'GET', '/api/v1/communities/chunhai/activities')).body.items.length,
        0,
      );
      assert.equal(
        (await request(system.url, 'GET', '/api/v1/communities/zhongshan/activities')).status,
        404,
      );
    });

    it('the committee’s staff list every activity, drafts too; others get 404', async () => {
      const res = await call('GET', base, gasMember);
      assert.equal(res.status, 200);
      assert.equal(res.body.items.length, 2);
      assert.equal((await call('GET', base, chunhaiSecretary)).status, 404);
    });
  });

  describe('figures', () => {
    // Reporting days (UTC+8): the last hundred days, which hold every need and project above.
    const dayOf = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
    const path = `/api/v1/committees/figures?from=${dayOf(now - 100 * day)}&to=${dayOf(now)}`;

    it('per committee and for the district', async () => {
      const res = await call('GET', path, districtSecretary);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.areaId, 'zhongshan');
      assert.equal(res.body.committees.length, 6);
      const dongri = res.body.committees.find((c: any) => c.communityId === 'dongri');
      assert.equal(dongri.name.en, 'Dongri Community');
      assert.deepEqual(dongri.needs, { raised: 2, accepted: 1, served: 1 });
      assert.equal(dongri.delivered.total, 1);
      assert.equal(dongri.medianDaysNeedToDelivered, 40);
      assert.deepEqual(dongri.satisfaction, { mean: 4.5, count: 2 });
      const lead = dongri.units.find((u: any) => u.unitId === 'property-dongri');
      assert.equal(lead.projectsLed, 2);
      assert.equal(lead.resourcesOffered, 2);
      assert.equal(lead.name.en, 'Dongri Property Management');
      assert.deepEqual(res.body.total.needs, { raised: 3, accepted: 2, served: 1 });
    });

    it('a community secretary sees their own; other areas 404; unit staff 404; bad queries named', async () => {
      let res = await call('GET', path, dongriSecretary);
      assert.equal(res.status, 200);
      assert.deepEqual(
        res.body.committees.map((c: any) => c.communityId),
        ['dongri'],
      );
      assert.equal((await call('GET', `${path}&areaId=chunhai`, dongriSecretary)).status, 404);
      assert.equal((await call('GET', path, propertyDongri)).status, 404);
      res = await call('GET', '/api/v1/committees/figures?from=yesterday', districtSecretary);
      assert.equal(res.status, 422);
      assert.deepEqual(fieldPaths(res), ['from']);
      assert.equal(
        (await call('GET', '/api/v1/committees/figures?unitId=gas', districtSecretary)).status,
        400,
      );
      assert.equal((await call('GET', '/api/v1/committees/figures', admin)).status, 200);
    });
  });
});
