import assert from 'node:assert/strict';
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import { QueueName } from '@grid-dispatch/contracts';
import { startPlannedWorksReleaser } from '@grid-dispatch/dispatcher/dist/planned-works-release';
import { worksEndJobId } from '@grid-dispatch/queue';
import { Queue } from 'bullmq';
import { login, request } from '../support/http-client';
import { fileAndDispatch, fileReport, ticketWhen } from '../support/reports';
import { startTestSystem, type TestSystem } from '../support/test-system';

/**
 * Planned works end to end: the water company announces works over a Chunhai grid; a water outage
 * reported there is linked to them and held (the resident is told at once), other reports go on
 * as usual, and ending the works early dispatches the held report to the water company.
 */
describe('planned works hold the reports of the same work until they end (end to end)', function () {
  this.timeout(120000);
  let system: TestSystem;
  let water: string;
  let worksId: string;
  const password = 'demo-test-password';
  const hourFromNow = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();

  before(async () => {
    system = await startTestSystem();
    water = await login(system.url, 'water.member', password);
  });
  after(async () => {
    await system?.destroy();
  });

  it('lets a unit announce planned works over a grid', async () => {
    const res = await request(system.url, 'POST', '/api/v1/units/water/planned-works', {
      token: water,
      body: {
        categories: ['water_outage'],
        gridIds: ['chunhai-g1'],
        startsAt: hourFromNow(-1),
        endsAt: hourFromNow(6),
        notice: {
          zh: '春海一网格更换供水管道，停水至傍晚',
          en: 'Main replaced in Chunhai grid 1; no water until evening',
        },
      },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.state, 'active');
    assert.equal(res.body.unitName.en.length > 0, true);
    worksId = res.body.id;
  });

  it('refuses bad announcements with the field named', async () => {
    const base = {
      categories: ['water_outage'],
      gridIds: ['chunhai-g1'],
      startsAt: hourFromNow(2),
      endsAt: hourFromNow(1),
      notice: { zh: '施工', en: 'Works' },
    };
    const post = (body: unknown, token = water) =>
      request(system.url, 'POST', '/api/v1/units/water/planned-works', { token, body });
    const fieldsOf = (res: { body: any }) =>
      (res.body.error.fields ?? []).map((f: { path: string }) => f.path);

    const endBeforeStart = await post(base);
    assert.equal(endBeforeStart.status, 422);
    assert.equal(endBeforeStart.body.error.code, 'VALIDATION_FAILED');
    assert.deepEqual(fieldsOf(endBeforeStart), ['endsAt']);

    const unknownCategory = await post({ ...base, categories: ['no_such'], endsAt: hourFromNow(3) });
    assert.equal(unknownCategory.status, 422);
    assert.deepEqual(fieldsOf(unknownCategory), ['categories[0]']);

    const { gridIds: _, ...noGrids } = base;
    const badPolygon = await post({
      ...noGrids,
      endsAt: hourFromNow(3),
      polygon: {
        type: 'Polygon',
        coordinates: [
          [
            [121.6, 38.9],
            [121.61, 38.9],
            [121.6, 38.9],
          ],
        ],
      },
    });
    assert.equal(badPolygon.status, 422);
    assert.ok(
      fieldsOf(badPolygon).every((p: string) => p.startsWith('polygon')),
      JSON.stringify(badPolygon.body),
    );

    const neither = await post({ ...noGrids, endsAt: hourFromNow(3) });
    assert.equal(neither.status, 422);
    assert.deepEqual(fieldsOf(neither), ['gridIds']);

    const gas = await login(system.url, 'gas.member', password);
    const otherUnit = await request(system.url, 'POST', '/api/v1/units/water/planned-works', {
      token: gas,
      body: { ...base, endsAt: hourFromNow(3) },
    });
    assert.equal(otherUnit.status, 404);
  });

  let heldTicketId: string;

  it('links a report of that category inside the works and tells the resident at once', async () => {
    const res = await request(system.url, 'POST', '/api/v1/reports', {
      body: {
        category: 'water_outage',
        description: '家里没有水了 — no water at home',
        location: demoGridCentre('chunhai-g1'),
        contact: { phone: '13800138000' },
      },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.status, 'submitted');
    assert.equal(res.body.plannedWorks.id, worksId);
    assert.equal(res.body.plannedWorks.unitId, 'water');
    assert.match(res.body.plannedWorks.notice.zh, /更换供水管道/);
    heldTicketId = res.body.ticketId;
    const tracked = await request(system.url, 'GET', `/api/v1/reports/${res.body.trackingCode}`);
    assert.equal(tracked.status, 200);
    assert.equal(tracked.body.plannedWorks.endsAt, res.body.plannedWorks.endsAt);
    assert.equal(tracked.body.plannedWorks.notice.en, res.body.plannedWorks.notice.en);

    // A later report of the same category outside the works is dispatched; the held one is not.
    const outside = await fileAndDispatch(system, {
      category: 'water_outage',
      description: 'no water here either',
      location: demoGridCentre('chunhai-g2'),
    });
    assert.equal(outside.ticket.unitId, 'water');
    // Another category inside the works is dispatched as usual.
    const otherCategory = await fileAndDispatch(system, { location: demoGridCentre('chunhai-g1') });
    assert.equal(otherCategory.ticket.unitId, 'municipal');

    const held = await system.platform.tickets.findById(heldTicketId);
    assert.equal(held?.status, 'submitted');
    assert.equal(held?.plannedWorksId, worksId);
    assert.equal(held?.unitId, null);
    assert.deepEqual(held?.deadlines, {}, 'a held report runs no clock');
    const secretary = await login(system.url, 'chunhai.secretary', password);
    const staffView = await request(system.url, 'GET', `/api/v1/tickets/${heldTicketId}`, {
      token: secretary,
    });
    assert.equal(staffView.status, 200, JSON.stringify(staffView.body));
    assert.equal(staffView.body.heldByPlannedWorks, worksId);
    assert.deepEqual(
      held?.events.map((e) => e.type),
      ['ticket.submitted'],
    );
  });

  it('shows running works on the public endpoint without personal data', async () => {
    const res = await request(system.url, 'GET', '/api/v1/planned-works/current');
    assert.equal(res.status, 200);
    const item = res.body.items.find((w: { id: string }) => w.id === worksId);
    assert.ok(item, JSON.stringify(res.body));
    assert.equal(item.running, true);
    assert.deepEqual(item.gridIds, ['chunhai-g1']);
    assert.equal(item.areas.length, 1);
    assert.equal(item.areas[0].type, 'Polygon');
    const text = JSON.stringify(res.body);
    assert.doesNotMatch(text, /13800138000|createdBy|heldReports/);
  });

  it('lists the unit’s own works with the held reports counted', async () => {
    const res = await request(system.url, 'GET', '/api/v1/units/water/planned-works', { token: water });
    assert.equal(res.status, 200);
    const item = res.body.items.find((w: { id: string }) => w.id === worksId);
    assert.equal(item.heldReports, 1);
  });

  it('dispatches the held report to the responsible unit when the works end early', async () => {
    const res = await request(system.url, 'POST', `/api/v1/units/water/planned-works/${worksId}/end`, {
      token: water,
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.state, 'ended');

    const dispatched = await ticketWhen(system, heldTicketId, (t) => t.status === 'dispatched', 30000);
    assert.equal(dispatched.unitId, 'water');
    assert.ok(dispatched.deadlines.ack, 'the sign clock starts with the dispatch');
    const types = dispatched.events.map((e) => e.type);
    assert.deepEqual(types, ['ticket.submitted', 'ticket.planned_works_ended', 'ticket.dispatched']);
    const why = dispatched.events[1]?.payload as { plannedWorksId: string; reason: string };
    assert.deepEqual(why, { plannedWorksId: worksId, reason: 'ended_early' });

    const again = await request(system.url, 'POST', `/api/v1/units/water/planned-works/${worksId}/end`, {
      token: water,
    });
    assert.equal(again.status, 409);
    const current = await request(system.url, 'GET', '/api/v1/planned-works/current');
    assert.equal(
      current.body.items.some((w: { id: string }) => w.id === worksId),
      false,
    );
  });

  /** Announces water works over a grid from an hour ago until `endsAt`, and files a held report there. */
  async function holdOne(grid: string, endsAt: string) {
    const works = await request(system.url, 'POST', '/api/v1/units/water/planned-works', {
      token: water,
      body: {
        categories: ['water_outage'],
        gridIds: [grid],
        startsAt: hourFromNow(-1),
        endsAt,
        notice: { zh: '管道检修', en: 'Pipe repairs' },
      },
    });
    assert.equal(works.status, 201, JSON.stringify(works.body));
    const res = await request(system.url, 'POST', '/api/v1/reports', {
      body: { category: 'water_outage', description: 'no water at all', location: demoGridCentre(grid) },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.plannedWorks?.id, works.body.id);
    return { worksId: works.body.id as string, ticketId: res.body.ticketId as string };
  }

  it('dispatches the held report at endsAt (the delayed job)', async () => {
    const held = await holdOne('chunhai-g2', new Date(Date.now() + 4000).toISOString());
    const dispatched = await ticketWhen(system, held.ticketId, (t) => t.status === 'dispatched', 30000);
    assert.equal(dispatched.unitId, 'water');
    assert.deepEqual(dispatched.events[1]?.payload, { plannedWorksId: held.worksId, reason: 'ended' });
  });

  it('dispatches the held report at once when the works are cancelled', async () => {
    const held = await holdOne('linhai-g1', hourFromNow(5));
    const res = await request(
      system.url,
      'POST',
      `/api/v1/units/water/planned-works/${held.worksId}/cancel`,
      {
        token: water,
      },
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.state, 'cancelled');
    const dispatched = await ticketWhen(system, held.ticketId, (t) => t.status === 'dispatched', 30000);
    assert.deepEqual(dispatched.events[1]?.payload, { plannedWorksId: held.worksId, reason: 'cancelled' });
  });

  it('releases works that ended while their job was lost, at the next start', async () => {
    const held = await holdOne('dongri-g1', hourFromNow(5));
    // The works end while nothing runs and Redis loses the job: only the start-up sweep is left.
    const queue = new Queue(QueueName.PlannedWorksEnds, {
      connection: { url: system.config.REDIS_URL },
      prefix: system.config.QUEUE_PREFIX,
    });
    try {
      await queue.remove(worksEndJobId(held.worksId));
    } finally {
      await queue.close();
    }
    await system.platform.models.plannedWorks.updateOne(
      { _id: held.worksId },
      { $set: { endsAt: new Date(Date.now() - 1000) } },
    );
    assert.equal((await system.platform.tickets.findById(held.ticketId))?.status, 'submitted');
    const releaser = await startPlannedWorksReleaser(system.platform, system.platform.logger);
    try {
      const dispatched = await ticketWhen(system, held.ticketId, (t) => t.status === 'dispatched', 30000);
      assert.equal(dispatched.unitId, 'water');
      assert.deepEqual(dispatched.events[1]?.payload, { plannedWorksId: held.worksId, reason: 'ended' });
      const works = await system.platform.models.plannedWorks.findById(held.worksId).lean().exec();
      assert.ok(works?.releasedAt, 'marked released, so the next start does nothing');
    } finally {
      await releaser.stop();
    }
  });

  it('no longer holds a report once the works are over', async () => {
    const after = await fileReport(system.url, {
      category: 'water_outage',
      description: 'still no water',
      location: demoGridCentre('chunhai-g1'),
    });
    const ticket = await ticketWhen(system, after.ticketId);
    assert.equal(ticket.plannedWorksId, undefined);
  });
});
