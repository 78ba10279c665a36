import assert from 'node:assert/strict';
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import { deadlineJobId, deadlineOfJob, QueueName } from '@grid-dispatch/contracts';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import { eventually, login, request } from '../support/http-client';
import { KafkaTap } from '../support/kafka-tap';
import { fileReport, ticketWhen } from '../support/reports';
import { startTestSystem, type TestSystem } from '../support/test-system';

/**
 * One report, end to end, through the real servers — gateway → intake → outbox →
 * Kafka → dispatcher → sla (BullMQ) → live (socket.io) — asserting every step.
 */
describe('a resident report travels to the unit console (end to end)', function () {
  this.timeout(90000);
  let system: TestSystem;
  let tap: KafkaTap;
  const sockets: Socket[] = [];

  before(async () => {
    system = await startTestSystem();
    tap = new KafkaTap(system.config.KAFKA_BROKERS, system.config.TOPIC_PREFIX);
    await tap.start();
  });
  after(async () => {
    for (const s of sockets) s.disconnect();
    await tap?.stop();
    await system?.destroy();
  });

  function connect(auth: Record<string, string>): Promise<{ socket: Socket; received: any[] }> {
    const socket = io(system.url, { auth, transports: ['websocket'], reconnection: false });
    sockets.push(socket);
    const received: any[] = [];
    socket.on('ticket.updated', (m) => received.push(m));
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve({ socket, received }));
      socket.once('connect_error', reject);
    });
  }

  it('routes a road collapse in Chunhai to municipal works and pushes it to that unit only', async () => {
    const password = 'demo-test-password';
    const municipal = await connect({ token: await login(system.url, 'municipal.member', password) });
    const gas = await connect({ token: await login(system.url, 'gas.member', password) });
    const secretary = await connect({ token: await login(system.url, 'chunhai.secretary', password) });

    const location = demoGridCentre('chunhai-g2');
    const submittedAt = Date.now();
    const res = await request(system.url, 'POST', '/api/v1/reports', {
      body: {
        category: 'road_collapse',
        description: '春海街路面塌陷，出现一个大坑 — the road has caved in',
        location,
        contact: { name: '王女士', phone: '13800138000' },
      },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const { ticketId, trackingCode, reporterToken } = res.body;
    assert.match(trackingCode, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.ok(reporterToken.length >= 20);
    assert.equal(res.body.status, 'submitted');

    // Live: the municipal unit's console receives the dispatch.
    const pushed = await eventually(
      async () => municipal.received.find((m) => m.id === ticketId && m.status === 'dispatched'),
      15000,
    );
    const latencyMs = Date.now() - submittedAt;
    assert.equal(pushed.unitId, 'municipal');
    assert.equal(pushed.trackingCode, trackingCode);
    assert.equal(pushed.version, 2);
    assert.ok(pushed.deadlines.ack?.dueAt, 'the push carries the sign deadline');
    assert.equal(JSON.stringify(pushed).includes('13800138000'), false, 'no phone number in a push');
    // The community secretary of Chunhai sees it too (area room); the gas unit does not.
    await eventually(async () =>
      secretary.received.find((m) => m.id === ticketId && m.status === 'dispatched'),
    );
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(
      gas.received.filter((m) => m.id === ticketId),
      [],
      'another unit received the ticket',
    );

    // Database: the ticket with the right unit and area path.
    const ticket = await system.platform.models.tickets.findById(ticketId).lean();
    assert.ok(ticket);
    assert.equal(ticket.status, 'dispatched');
    assert.equal(ticket.unitId, 'municipal');
    assert.deepEqual(ticket.assistUnitIds, ['water']);
    assert.deepEqual(ticket.areaIds, ['chunhai-g2', 'chunhai', 'laohutan', 'zhongshan']);
    assert.equal(ticket.version, 2);

    // Kafka: submitted then dispatched, in order, valid envelopes, no personal data.
    const events = await eventually(async () => {
      const list = tap.forTicket(ticketId);
      return list.length >= 2 ? list : undefined;
    });
    assert.deepEqual(tap.invalid, []);
    assert.deepEqual(
      events.map((e) => [e.type, e.ticketVersion]),
      [
        ['ticket.submitted', 1],
        ['ticket.dispatched', 2],
      ],
    );
    assert.equal(JSON.stringify(tap.raw).includes('13800138000'), false, 'no phone number on Kafka');
    assert.equal(JSON.stringify(tap.raw).includes('王女士'), false, 'no name on Kafka');

    // Redis: the sign deadline is one delayed BullMQ job, due when the ticket says (P1: 15 min).
    const ack = ticket.deadlines.ack!;
    assert.equal(new Date(ack.dueAt).getTime() - new Date(ack.startedAt).getTime(), 15 * 60 * 1000);
    const redis = new Redis(system.config.REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue(QueueName.SlaDeadlines, {
      connection: redis,
      prefix: system.config.QUEUE_PREFIX,
    });
    try {
      const jobId = deadlineJobId({ ticketId, kind: 'ack', seq: ack.seq, step: 'breach' });
      const job = await eventually(async () => (await queue.getJob(jobId)) ?? undefined);
      assert.equal(await job.getState(), 'delayed');
      // Ids only: the job id names the deadline, the job stores no data of its own.
      assert.deepEqual(job.data, {});
      assert.deepEqual(deadlineOfJob(job), { ticketId, kind: 'ack', seq: 1, step: 'breach' });
      const dueAt = job.timestamp + (job.opts.delay ?? 0);
      assert.ok(
        Math.abs(dueAt - new Date(ack.dueAt).getTime()) < 1000,
        `job due ${new Date(dueAt).toISOString()} vs ${ack.dueAt}`,
      );
      // Reminders at 50 % and 80 % of the limit.
      const warnings = await queue.getJobs(['delayed']);
      assert.equal(warnings.filter((j) => deadlineOfJob(j)?.ticketId === ticketId).length, 3);
    } finally {
      await queue.close();
      await redis.quit();
    }

    // The public view: timeline, unit name, no personal data.
    const view = await request(system.url, 'GET', `/api/v1/reports/${trackingCode.toLowerCase()}`);
    assert.equal(view.status, 200);
    assert.equal(view.body.status, 'dispatched');
    assert.deepEqual(
      view.body.timeline.map((t: any) => t.type),
      ['ticket.submitted', 'ticket.dispatched'],
    );
    assert.equal(view.body.unit.name.zh, '中山区市政设施管理处');
    const text = JSON.stringify(view.body);
    for (const secret of ['13800138000', '王女士', reporterToken, 'municipal.member'])
      assert.equal(text.includes(secret), false);

    console.log(`      submit → unit console: ${latencyMs} ms`);
  });

  it('lets a resident follow the ticket live by tracking code, without personal data', async () => {
    const filed = await fileReport(system.url, {
      category: 'street_lamp',
      description: '路灯不亮 street lamp is dark',
      location: demoGridCentre('chunhai-g1'),
      contact: { phone: '13900139000' },
    });
    const resident = await connect({ trackingCode: filed.trackingCode });
    // The dispatch may be pushed before the socket joins (a page fetches its view on connect);
    // what follows it is pushed live: the unit signing. The grid-level line of the
    // responsibility list wins over the district's.
    const dispatched = await ticketWhen(system, filed.ticketId);
    assert.equal(dispatched.unitId, 'property-chunhai');
    const unit = await login(system.url, 'property-chunhai.member', 'demo-test-password');
    const signed = await request(system.url, 'POST', `/api/v1/tickets/${filed.ticketId}/accept`, {
      token: unit,
      body: {},
    });
    assert.equal(signed.status, 200, JSON.stringify(signed.body));
    const update = await eventually(
      async () => resident.received.find((m) => m.status === 'accepted'),
      15000,
    );
    assert.equal(update.trackingCode, filed.trackingCode);
    assert.equal(update.unitId, undefined, 'residents are not told internal unit ids');
    assert.equal(JSON.stringify(resident.received).includes('13900139000'), false);
  });

  it('refuses a socket without a valid token or tracking code', async () => {
    await assert.rejects(connect({ token: 'not-a-token' }), /Invalid token/);
    await assert.rejects(connect({ trackingCode: 'AAAA-AAAA-AAAA' }), /unauthorized/);
  });

  it('reports every server up on /healthz', async () => {
    const res = await request(system.url, 'GET', '/healthz');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { status: 'ok', kafka: 'up', database: 'up', redis: 'up' });
  });
});
