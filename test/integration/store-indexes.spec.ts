import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { connectDatabase, createModels, ensureIndexes, type Models } from '@grid-dispatch/db';
import type { Connection } from 'mongoose';
import { uniqueId } from '../support/test-system';

/**
 * Every equality lookup on a hot path is answered through an index, at a table size where a scan
 * would show. On FerretDB over PostgreSQL that needs the GIN index the event trigger of
 * infra/postgres/gin-beside-btree.sql adds beside each index FerretDB creates: FerretDB asks
 * `_jsonb -> 'field' @> value`, which its own btree indexes cannot serve. Read from `explain`:
 * PostgreSQL's plan on FerretDB, the winning plan on MongoDB.
 */
describe('store: hot lookups use an index', function () {
  this.timeout(180000);
  const ROWS = 3000;
  let db: Connection;
  let models: Models;

  before(async () => {
    const base = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27027/grid-dispatch';
    db = await connectDatabase(base.replace(/\/[^/?]*(\?|$)/, `/gd_${uniqueId('idx')}$1`), {
      serverSelectionTimeoutMS: 5000,
    });
    models = createModels(db);
    await ensureIndexes(models);
    await fill(models);
  });
  after(async () => {
    await db?.dropDatabase().catch(() => undefined);
    await db?.close();
  });

  async function fill(m: Models) {
    const now = new Date();
    for (let batch = 0; batch < ROWS / 500; batch++) {
      const ids = Array.from({ length: 500 }, (_, i) => ({ n: batch * 500 + i, id: randomUUID() }));
      await Promise.all([
        m.tickets.collection.insertMany(
          ids.map(({ n, id }) => ({
            _id: id as never,
            trackingCode: `T${String(n).padStart(8, '0')}`,
            idempotencyKey: `key-${n}`,
            status: n % 3 === 0 ? 'dispatched' : 'closed',
            category: 'road_collapse',
            unitId: 'municipal',
            outboxPending: n === 7,
            phoneKey: `1380000${String(n % 1000).padStart(4, '0')}`,
            description: 'x'.repeat(400),
            events: [],
            outbox: [],
            version: 1,
            createdAt: now,
          })),
        ),
        m.users.collection.insertMany(
          ids.map(({ n, id }) => ({
            _id: id as never,
            username: `user${n}`,
            active: true,
            unitId: 'municipal',
          })),
        ),
        m.photos.collection.insertMany(
          ids.map(({ id }) => ({ _id: id as never, contentType: 'image/png', bytes: 10, createdAt: now })),
        ),
        m.photoData.collection.insertMany(
          ids.map(({ id }) => ({ _id: id as never, data: Buffer.from('x') })),
        ),
        m.kpiTickets.collection.insertMany(
          ids.map(({ n, id }) => ({
            _id: id as never,
            version: 1,
            factJson: JSON.stringify({ ticketId: id, version: 1 }),
            buckets: [
              `area:a${n % 50}|2026-11-${String((n % 28) + 1).padStart(2, '0')}`,
              `unit:u${n % 10}|2026-11-01`,
            ],
          })),
        ),
        m.meetings.collection.insertMany(
          ids.map(({ n, id }) => ({
            _id: id as never,
            communityId: `c${n}`,
            month: '2026-11',
            chairUnitId: 'municipal',
            outboxPending: n === 7,
            version: 1,
          })),
        ),
        m.activities.collection.insertMany(
          ids.map(({ n, id }) => ({
            _id: id as never,
            communityId: `c${n % 50}`,
            resourceId: `r${n % 100}`,
            title: 'x'.repeat(100),
            startsAt: new Date(now.getTime() + n * 3_600_000),
            endsAt: new Date(now.getTime() + n * 3_600_000 + 1_800_000),
            published: n % 2 === 0,
            outboxPending: n === 7,
            version: 1,
          })),
        ),
        m.kpiSummaries.collection.insertMany(
          ids.map(({ n, id }) => ({
            _id: `area:a${n % 50}|${id}` as never,
            month: `area:a${n % 50}|2026-${String((n % 12) + 1).padStart(2, '0')}`,
            stamp: 's',
            cellsJson: '[]',
          })),
        ),
      ]);
    }
  }

  const lookups: Array<[string, (m: Models) => { explain(): Promise<unknown> }]> = [
    ['ticket by _id', (m) => m.tickets.find({ _id: 'no-such-ticket' })],
    ['ticket by trackingCode (public tracking page)', (m) => m.tickets.find({ trackingCode: 'T00000042' })],
    ['ticket by idempotencyKey (report replay)', (m) => m.tickets.find({ idempotencyKey: 'key-42' })],
    ['tickets with a pending outbox (relay safety scan)', (m) => m.tickets.find({ outboxPending: true })],
    ['tickets in one status (timer reconciler)', (m) => m.tickets.find({ status: 'dispatched' })],
    ['tickets of a unit (console inbox)', (m) => m.tickets.find({ unitId: 'municipal' })],
    [
      'tickets of one day (Open311 search)',
      (m) =>
        m.tickets.find({
          createdDay: '2026-11-08',
          category: 'road_collapse',
          createdAt: { $gte: new Date(0), $lte: new Date() },
        }),
    ],
    ['tickets of a caller (hotline lookup by phone)', (m) => m.tickets.find({ phoneKey: '13800000042' })],
    ['user by username (login)', (m) => m.users.find({ username: 'user42', active: true })],
    ['photo by _id', (m) => m.photos.find({ _id: 'no-such-photo' })],
    ['photo bytes by _id', (m) => m.photoData.find({ _id: 'no-such-photo' })],
    ['KPI record of a ticket by _id', (m) => m.kpiTickets.find({ _id: 'no-such-ticket' })],
    [
      'KPI records of one bucket (a day summary rebuilt)',
      (m) => m.kpiTickets.find({ buckets: 'area:a7|2026-11-08' }),
    ],
    ['KPI summary by _id (GET /kpis)', (m) => m.kpiSummaries.find({ _id: 'area:a7|2026-11' })],
    [
      'KPI day summaries of a month (a month summary rebuilt)',
      (m) => m.kpiSummaries.find({ month: 'area:a7|2026-11' }),
    ],
    ['a committee’s meeting of a month', (m) => m.meetings.find({ communityId: 'c42', month: '2026-11' })],
    ['meetings with a pending outbox', (m) => m.meetings.find({ outboxPending: true })],
    [
      'a community’s coming activities (residents’ calendar)',
      (m) => m.activities.find({ communityId: 'c7', published: true, endsAt: { $gt: new Date() } }),
    ],
    [
      'activities at one venue (clash check)',
      (m) => m.activities.find({ resourceId: 'r7', startsAt: { $lt: new Date() } }),
    ],
    ['activities with a pending outbox', (m) => m.activities.find({ outboxPending: true })],
  ];

  for (const [name, query] of lookups) {
    it(`serves the ${name} from an index`, async () => {
      const plan = await query(models).explain();
      const text = JSON.stringify(plan);
      const usesIndex = isPostgresPlan(plan)
        ? /"Node Type":"(Bitmap Index Scan|Index Scan|Index Only Scan)"/.test(text)
        : /"stage":"(IXSCAN|IDHACK|EXPRESS_IXSCAN|EXPRESS_IDHACK)"/.test(text);
      assert.ok(usesIndex, `${name}: no index in the plan ${text.slice(0, 600)}`);
    });
  }
});

/** FerretDB answers `explain` with PostgreSQL's own plan under `queryPlanner.Plan`. */
function isPostgresPlan(explained: unknown): boolean {
  const planner = (explained as { queryPlanner?: { Plan?: unknown } } | null)?.queryPlanner;
  return Boolean(planner && typeof planner === 'object' && 'Plan' in planner);
}
