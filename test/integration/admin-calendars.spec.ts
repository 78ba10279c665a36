import assert from 'node:assert/strict';
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import {
  addWorkingTime,
  DEFAULT_CALENDAR,
  defaultCalendarDefinition,
  toWorkingCalendar,
} from '@grid-dispatch/domain';
import { createLogger } from '@grid-dispatch/logger';
import { openPlatform, type Platform } from '@grid-dispatch/runtime';
import { eventually, type JsonResponse, login, request } from '../support/http-client';
import { fileAndDispatch } from '../support/reports';
import { startTestSystem, type TestSystem } from '../support/test-system';

const H = 3_600_000;
const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7];

/** `'YYYY-MM-DD'` in Beijing time, `days` from now. */
function beijingDate(days: number, from = Date.now()): string {
  return new Date(from + 8 * H + days * 24 * H).toISOString().slice(0, 10);
}

/** A round-the-clock calendar (every day, 00:00–24:00) with the given dates off. */
function roundTheClock(holidays: string[] = []) {
  const years = new Map<number, string[]>();
  for (const date of holidays) {
    const year = Number(date.slice(0, 4));
    years.set(year, [...(years.get(year) ?? []), date]);
  }
  return {
    name: { zh: '全天候日历', en: 'Round the clock' },
    timezone: 'Asia/Shanghai',
    officeHours: [{ start: '00:00', end: '24:00' }],
    workingWeekdays: ALL_WEEK,
    years: [...years].map(([year, dates]) => ({
      year,
      status: 'official',
      source: 'test',
      holidays: dates.map((date) => ({ date, name: '测试假日' })),
      makeUpWorkdays: [],
    })),
  };
}

/**
 * Working calendars through the admin API on the real servers: list, read, replace, validation
 * with field paths, who may call it, and a change reaching the very next deadline — in this
 * process and, through the reference-data announcement, in another replica — without a restart.
 */
describe('administration: working calendars', function () {
  this.timeout(120000);
  let system: TestSystem;
  let admin: string;
  let replica: Platform | undefined;

  const api = <T = any>(
    method: string,
    path: string,
    body?: unknown,
    token = admin,
  ): Promise<JsonResponse<T>> =>
    request<T>(system.url, method, `/api/v1/admin/calendars${path}`, { body, token });

  /** Files a P3 (working-clock) report and answers its sign deadline once dispatched. */
  async function nextAckDeadline(): Promise<{ id: string; startedAt: number; dueAt: number }> {
    const { ticket } = await fileAndDispatch(system, {
      category: 'street_lamp',
      description: 'calendar test',
      location: demoGridCentre('chunhai-g1'),
    });
    const ack = ticket.deadlines.ack!;
    return {
      id: ticket._id,
      startedAt: Date.parse(String(ack.startedAt)),
      dueAt: Date.parse(String(ack.dueAt)),
    };
  }

  before(async () => {
    system = await startTestSystem();
    admin = await login(system.url, 'admin', 'admin-test-password');
  });
  after(async () => {
    await replica?.close();
    await system?.destroy();
  });

  it('stores the shipped calendar at first start, with 2027 still marked as a reconstruction', async () => {
    const list = await api('GET', '');
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.items.map((c: { id: string; inUse: boolean }) => [c.id, c.inUse]),
      [['cn-default', true]],
    );
    const got = await api('GET', '/cn-default');
    assert.equal(got.status, 200);
    assert.equal(got.body.timezone, 'Asia/Shanghai');
    assert.deepEqual(got.body.officeHours, [
      { start: '08:30', end: '12:00' },
      { start: '13:00', end: '17:30' },
    ]);
    const y2026 = got.body.years.find((y: { year: number }) => y.year === 2026);
    const y2027 = got.body.years.find((y: { year: number }) => y.year === 2027);
    assert.equal(y2026.status, 'official');
    assert.equal(y2027.status, 'reconstructed');
    assert.deepEqual(y2026.holidays.slice(0, 1), [{ date: '2026-01-01', name: '元旦' }]);
    assert.deepEqual(y2026.makeUpWorkdays[0], { date: '2026-01-04', name: '元旦调休上班' });
    const { inUse: _i, createdAt: _c, updatedAt: _u, ...definition } = got.body;
    assert.deepEqual(toWorkingCalendar(definition), DEFAULT_CALENDAR);
    assert.equal((await api('GET', '/nope')).status, 404);
  });

  it('answers 401 without a token and 404 to anyone but an administrator', async () => {
    const member = await login(system.url, 'water.member', 'demo-test-password');
    const district = await login(system.url, 'zhongshan.secretary', 'demo-test-password');
    assert.equal((await request(system.url, 'GET', '/api/v1/admin/calendars')).status, 401);
    for (const token of [member, district]) {
      assert.equal((await api('GET', '', undefined, token)).status, 404);
      assert.equal((await api('GET', '/cn-default', undefined, token)).status, 404);
      assert.equal((await api('PUT', '/cn-default', roundTheClock(), token)).status, 404);
      assert.equal((await api('DELETE', '/cn-default', undefined, token)).status, 404);
    }
    const still = await api('GET', '/cn-default');
    assert.equal(still.body.officeHours.length, 2, 'nothing changed');
  });

  it('refuses malformed calendars (400) and wrong ones (422), naming each field', async () => {
    const base = roundTheClock();
    const malformed = await api('PUT', '/cn-default', { ...base, officeHours: 'all day' });
    assert.equal(malformed.status, 400);
    assert.deepEqual(
      malformed.body.error.fields.map((f: { path: string }) => f.path),
      ['officeHours'],
    );
    assert.equal((await api('PUT', '/cn-default', { ...base, colour: 'red' })).status, 400);

    const wrong = await api('PUT', '/cn-default', {
      ...base,
      timezone: 'Europe/Berlin',
      officeHours: [
        { start: '08:30', end: '12:00' },
        { start: '11:00', end: '25:00' },
        { start: '13:00', end: '12:30' },
      ],
      workingWeekdays: [1, 2, 3, 4, 5],
      years: [
        {
          year: 2026,
          holidays: [
            { date: '2026-02-30', name: '不存在' },
            { date: '2027-01-01', name: '元旦' },
            { date: '2026-10-01', name: '国庆节' },
          ],
          makeUpWorkdays: [
            { date: '2026-10-01', name: '国庆节' },
            { date: '2026-10-08', name: '周四' },
          ],
        },
      ],
    });
    assert.equal(wrong.status, 422, JSON.stringify(wrong.body));
    assert.equal(wrong.body.error.code, 'VALIDATION_FAILED');
    assert.deepEqual(wrong.body.error.fields.map((f: { path: string }) => f.path).sort(), [
      'officeHours[1].end',
      'officeHours[2].end',
      'timezone',
      'years[0].holidays[0].date',
      'years[0].holidays[1].date',
      'years[0].makeUpWorkdays[0].date',
      'years[0].makeUpWorkdays[1].date',
    ]);
    const paths = (body: unknown) =>
      api('PUT', '/cn-default', body).then((r) => [
        r.status,
        r.body.error?.fields?.map((f: { path: string }) => f.path),
      ]);
    assert.deepEqual(await paths({ ...base, id: 'other' }), [422, ['id']]);
    assert.deepEqual(
      await paths({
        ...base,
        years: [
          { year: 2026, holidays: [], makeUpWorkdays: [] },
          { year: 2026, holidays: [], makeUpWorkdays: [] },
        ],
      }),
      [422, ['years[1].year']],
    );
    assert.equal((await api('PUT', '/Bad_Id', base)).status, 422);
    // Nothing was stored by any of these.
    assert.equal((await api('GET', '/cn-default')).body.officeHours.length, 2);
  });

  it('applies a change to the next deadline computed, without a restart, in every replica', async () => {
    // Another replica: its own platform (database, Kafka, Redis connections and calendar cache).
    replica = await openPlatform(system.config, createLogger({ level: 'silent' }));
    const before = await replica.calendars.get();
    assert.equal(before.officeHours.length, 2, 'the replica has the shipped calendar cached');
    await new Promise((r) => setTimeout(r, 3000)); // let its reference-data listener join

    // 1. Round the clock: 4 working hours are exactly 4 hours, whatever the time of day.
    const put = await api('PUT', '/cn-default', roundTheClock());
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.deepEqual(put.body.officeHours, [{ start: '00:00', end: '24:00' }]);
    const first = await nextAckDeadline();
    assert.equal(first.dueAt - first.startedAt, 4 * H, 'P3 sign limit on the new calendar');
    // The other replica hears of it through the announcement (its cache would keep the old one a minute).
    await eventually(
      async () => ((await replica!.calendars.get()).officeHours[0]?.end === '24:00' ? true : undefined),
      15000,
    );

    // 2. Today and tomorrow (Beijing) declared holidays: the clock starts the day after tomorrow.
    const days = [beijingDate(0), beijingDate(1)];
    const off = await api('PUT', '/cn-default', roundTheClock(days));
    assert.equal(off.status, 200, JSON.stringify(off.body));
    const second = await nextAckDeadline();
    const expected = addWorkingTime(
      toWorkingCalendar({ id: 'cn-default', ...roundTheClock(days) }),
      new Date(second.startedAt),
      4 * H,
    );
    assert.equal(new Date(second.dueAt).toISOString(), expected.toISOString());
    assert.equal(
      new Date(second.dueAt - 4 * H + 8 * H).toISOString().slice(0, 10),
      beijingDate(2, second.startedAt),
    );
    assert.ok(second.dueAt - second.startedAt > 20 * H);
    await eventually(
      async () => ((await replica!.calendars.get()).holidays.length === 2 ? true : undefined),
      15000,
    );

    // Deadlines already set are not recomputed.
    const firstNow = await system.platform.tickets.findById(first.id);
    assert.equal(Date.parse(String(firstNow!.deadlines.ack!.dueAt)), first.dueAt);

    // 3. Back to the shipped calendar.
    const { id: _id, ...shipped } = defaultCalendarDefinition();
    assert.equal((await api('PUT', '/cn-default', shipped)).status, 200);
    await eventually(
      async () => ((await replica!.calendars.get()).officeHours.length === 2 ? true : undefined),
      15000,
    );
  });

  it('creates another calendar, and deletes it, but never the one in use (409)', async () => {
    const created = await api('PUT', '/night-shift', {
      ...roundTheClock(),
      name: { zh: '夜班', en: 'Night shift' },
      officeHours: [{ start: '20:00', end: '24:00' }],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.inUse, false);
    const list = await api('GET', '?limit=1');
    assert.equal(list.body.items.length, 1);
    assert.ok(list.body.nextCursor);
    assert.equal((await api('DELETE', '/cn-default')).status, 409);
    assert.equal((await api('DELETE', '/night-shift')).status, 204);
    assert.equal((await api('GET', '/night-shift')).status, 404);
    assert.equal((await api('DELETE', '/night-shift')).status, 404);
  });
});
