import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { DEMO_DISTRICT_ID } from '@grid-dispatch/bootstrap';
import { groupName } from '@grid-dispatch/contracts';
import type { TicketDoc } from '@grid-dispatch/db';
import { eventually } from '../support/http-client';
import { assertSameFigures } from '../support/kpi-recount';
import { sleep } from '../support/processes';
import { seededRandom } from '../support/seeded-random';
import { CONSUMER_GROUPS, type ConsumerService, SERVICES, type ServiceName } from '../support/service-fleet';
import {
  consumerLags,
  duplicated,
  groupStates,
  isRebalancing,
  kpisAgainstRecount,
  regressions,
  type Settled,
  settle,
  snapshot,
} from './support/audit';
import { readTopic } from './support/event-log';
import { LiveWatcher } from './support/live-watcher';
import { type CrashedWrite, crashBetweenWriteAndPublish } from './support/outbox-crash';
import { ChaosRig, DEMO_PASSWORD, SHORT_LIMIT_CATEGORY } from './support/rig';
import { type AcceptedReport, ReportLoad, StaffMember } from './support/traffic';

/**
 * Faults lose nothing. One grid-dispatch on servers of the suite's own (Kafka, PostgreSQL under
 * FerretDB, Redis with its append-only file), the seven services as separate processes, and:
 *   1. kill -9 of random services at random moments while residents file reports and staff act;
 *   2. kill -9 of dispatcher, sla and live, and again while each rejoins its consumer groups;
 *   3. kill -9 of Kafka, of PostgreSQL, of FerretDB and of Redis, each down for 10 s, under load;
 *   4. writers killed between the database write of a report and its publish: 100 writes cut off,
 *      by 25 kills of processes with 4 such writes in flight each;
 *   5. poison messages (not JSON; JSON that fails the event schema) on the events topic.
 * One report in six is of a category whose limits run out within two minutes, so deadlines fire
 * throughout. After each: every report a client was told was accepted (201) is dispatched exactly
 * once, every event in every ticket's history is on the events topic, no ticket stands behind what
 * a client saw, every deadline timer that came due fired exactly once, and the KPIs equal a
 * recount from the ticket histories. docs/reliability.md has the figures.
 * CHAOS_SEED=<n> replays a run's random choices of which service to kill and when.
 */
/**
 * How soon a consumer service killed while it rejoins its groups must serve again after its
 * restart: the broker drops each member the two killed instances left behind a rebalance timeout
 * after the rebalance that waits for it began (one for the join, one for the SyncGroup of a dead
 * leader); the rest is slack for a loaded machine.
 */
const REJOIN_BOUND_MS = 60000;

describe('chaos: faults lose nothing', () => {
  const rig = new ChaosRig();
  const seed = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const random = seededRandom(seed);
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo));
  const loads: ReportLoad[] = [];
  const accepted = (): AcceptedReport[] => loads.flatMap((l) => l.accepted);
  let staff: StaffMember;
  /** The district secretary's dashboard, open through every fault. */
  let dashboard: LiveWatcher;
  /** Tickets written by processes killed before their publish (scenario 4). */
  const crashed: CrashedWrite[] = [];
  /** Poison messages put on the events topic (scenario 5): the only invalid messages allowed there. */
  let poisoned = 0;
  let last: Settled | undefined;
  let failed = false;
  /** When the running scenario began (its deadline firings are counted from then). */
  let scenarioStart = Date.now();

  before(async function () {
    this.timeout(240000);
    console.log(
      `      chaos seed ${seed} (CHAOS_SEED=${seed} repeats the choices), servers and logs in ${rig.dir}`,
    );
    const t0 = Date.now();
    try {
      await rig.start();
      staff = new StaffMember(rig.gatewayUrl, 'water.member', DEMO_PASSWORD, accepted);
      await staff.login();
      dashboard = new LiveWatcher(rig.gatewayUrl, `${DEMO_DISTRICT_ID}.secretary`, DEMO_PASSWORD);
      await dashboard.start();
    } catch (error) {
      failed = true;
      throw error;
    }
    console.log(
      `      own Kafka :${rig.kafka.port}, PostgreSQL :${rig.postgres.port}, FerretDB :${rig.ferretdb.port}, ` +
        `Redis :${rig.redis.port}; seven services up in ${secs(Date.now() - t0)}`,
    );
  });
  afterEach(function () {
    if (this.currentTest?.state === 'failed') failed = true;
  });
  after(async function () {
    this.timeout(120000);
    await staff?.stop();
    dashboard?.stop();
    await Promise.all(loads.map((l) => l.stop()));
    rig.keepDir = failed || process.env.CHAOS_KEEP === 'true';
    if (rig.keepDir) console.log(`      logs kept in ${rig.dir}`);
    await rig.stop();
  });

  function newLoad(label: string): ReportLoad {
    const load = new ReportLoad(rig.gatewayUrl, label);
    loads.push(load);
    return load;
  }

  /** Waits until everything is dispatched and published, and prints the scenario's figures. */
  async function settleAndReport(load: ReportLoad | null, timeoutMs: number): Promise<Settled> {
    const ids = [...accepted().map((a) => a.ticketId), ...crashed.map((c) => c.ticketId)];
    const t0 = Date.now();
    last = await settle(rig, ids, timeoutMs);
    const acceptedIds = new Set(ids);
    const unacknowledged = last.tickets.filter((t) => !acceptedIds.has(t._id)).length;
    if (load) {
      const dispatched = load.accepted.filter((a) => last!.dispatchedAt.has(a.ticketId)).length;
      const twice = load.accepted.filter((a) => (last!.dispatches.get(a.ticketId)?.distinct ?? 0) > 1).length;
      console.log(
        `      reports sent ${load.sent}, accepted ${load.accepted.length}, refused after retries ${load.refused}, ` +
          `dispatched ${dispatched}, dispatched twice ${twice}; answers ${answers(load.answers)}`,
      );
    }
    console.log(
      `      all so far: ${last.tickets.length} tickets stored (${unacknowledged} stored without a 201 reaching the client), ` +
        `${last.log.messages} messages on the events topic, ${last.copies} republished copies, ` +
        `${duplicated(last).length} dispatched twice; settled ${secs(Date.now() - t0)} after the load stopped`,
    );
    const d = last.deadlines;
    const thisTime = d.firedAt.filter((at) => at >= scenarioStart).length;
    const late = d.lateness;
    console.log(
      `      deadlines: ${thisTime} timers fired during the scenario; ${d.fired.warning + d.fired.breach + d.fired.remind + d.fired.escalate} so far ` +
        `on ${d.tickets} tickets (warning ${d.fired.warning}, breach ${d.fired.breach}, escalation ${d.fired.escalate}, reminder ${d.fired.remind}); ` +
        `twice ${d.twice.length}, not owed ${d.unowed.length}, early ${d.early.length}, due and not fired ${d.missing.length}; ` +
        (late.length
          ? `after their time by median ${secs(late[late.length >> 1]!)}, 99th percentile ${secs(late[Math.floor(late.length * 0.99)]!)}, at most ${secs(late.at(-1)!)}`
          : 'none fired yet'),
    );
    return last;
  }

  /** Time from each restart until the first dispatch after it (from the tickets' histories). */
  function firstDispatchAfter(s: Settled, at: number): number | null {
    let best: number | null = null;
    for (const t of s.dispatchedAt.values()) if (t >= at && (best === null || t < best)) best = t;
    return best === null ? null : best - at;
  }

  /** The checks that follow every scenario, over every ticket so far. */
  function checksAfter(scenario: string) {
    before(() => {
      scenarioStart = Date.now();
    });

    it(`${scenario}: every accepted report is dispatched exactly once and every event is published`, async () => {
      const s = last ?? (await snapshot(rig));
      const stored = new Set(s.tickets.map((t) => t._id));
      const lost = accepted().filter((a) => !stored.has(a.ticketId));
      assert.deepEqual(lost, [], 'accepted reports missing from the database');
      const undispatched = [...accepted().map((a) => a.ticketId), ...crashed.map((c) => c.ticketId)].filter(
        (id) => !s.dispatches.has(id),
      );
      assert.deepEqual(undispatched, [], 'tickets without ticket.dispatched on the events topic');
      assert.deepEqual(duplicated(s), [], 'tickets dispatched more than once');
      assert.deepEqual(s.unpublished, [], 'history events missing from the events topic');
      assert.equal(s.log.invalid.length, poisoned, `invalid messages: ${JSON.stringify(s.log.invalid)}`);
    });

    it(`${scenario}: no ticket lost a state a client saw, or went back behind it`, async () => {
      const tickets = await rig.tickets();
      assert.deepEqual(regressions(tickets, staff.seen), []);
      console.log(
        `      ${staff.seen.length} staff actions answered 200 checked against ${tickets.length} stored tickets`,
      );
    });

    it(`${scenario}: every deadline that came due fired exactly once`, async () => {
      const s = last ?? (await snapshot(rig));
      const d = s.deadlines;
      assert.deepEqual(d.twice, [], 'deadline steps recorded more than once (ticket: kind, due time, step)');
      assert.deepEqual(d.unowed, [], 'deadline steps recorded though the ticket did not owe them');
      assert.deepEqual(d.early, [], 'deadline steps recorded before their time');
      assert.deepEqual(d.missing, [], 'deadline steps due before the scenario settled and never recorded');
      // Not a check that passes for want of deadlines: once a short-limit ticket's sign limit has
      // run out, breaches are on record.
      const lapsed = s.tickets.some(
        (t) =>
          t.category === SHORT_LIMIT_CATEGORY &&
          t.deadlines.ack !== undefined &&
          new Date(t.deadlines.ack.dueAt).getTime() <= s.cutoff,
      );
      assert.ok(
        !lapsed || d.fired.breach > 0,
        'short-limit tickets past their sign limit, and no breach on record',
      );
    });

    it(`${scenario}: every update reached a dashboard kept open through it (after reconnecting and refetching)`, async () => {
      const inDistrict = (tickets: TicketDoc[]) =>
        tickets.filter((t) => t.areaIds.includes(DEMO_DISTRICT_ID));
      let behind: string[] = [];
      let checked = 0;
      await eventually(
        async () => {
          const tickets = inDistrict(await rig.tickets());
          checked = tickets.length;
          behind = dashboard.behind(tickets);
          return behind.length === 0 ? true : undefined;
        },
        60000,
        1000,
      ).catch(() => undefined);
      assert.deepEqual(behind, [], 'tickets whose newest version the open dashboard never heard of');
      console.log(
        `      the open dashboard holds the newest version of all ${checked} tickets: ${dashboard.pushes} pushes, ` +
          `${dashboard.connects} connections (each followed by a refetch)`,
      );
    });

    it(`${scenario}: the KPIs equal a recount from the ticket histories`, async () => {
      const { actual, expected, tickets } = await kpisAgainstRecount(rig, 90000);
      assertSameFigures(actual, expected);
      console.log(
        `      KPIs over ${tickets} tickets: ${expected.counts.dispatched} dispatches, ${expected.counts.signed} signed, ` +
          `${expected.counts.due} fixed; response rate ${expected.responseRate}, on-time rate ${expected.onTimeRate}`,
      );
    });
  }

  describe('1. services killed at random while reports are filed', () => {
    it('kill -9 each of the seven services at random moments (16 kills) and restart them', async function () {
      this.timeout(420000);
      const load = newLoad('services');
      load.start(4);
      staff.start(1000);
      await sleep(5000);
      // Every service twice, then two more at random, in a random order.
      const plan: ServiceName[] = [...SERVICES, ...SERVICES];
      for (let i = 0; i < 2; i++) plan.push(SERVICES[between(0, SERVICES.length)]!);
      shuffle(plan, random);
      const kills: Array<{ service: ServiceName; downMs: number; restartAt: number }> = [];
      while (plan.length > 0) {
        await sleep(between(2000, 5000));
        // The next service of the plan that serves: one still rejoining its consumer groups after
        // a kill is not killed again here (scenario 2 does that).
        let at = -1;
        await eventually(
          async () => {
            at = plan.findIndex((name) => rig.fleet.isServing(name));
            return at >= 0 ? true : undefined;
          },
          120000,
          200,
        );
        const [service] = plan.splice(at, 1) as [ServiceName];
        await rig.fleet.kill(service);
        const downMs = between(1000, 4000);
        await sleep(downMs);
        const restartAt = Date.now();
        rig.fleet.start(service);
        kills.push({ service, downMs, restartAt });
      }
      await rig.fleet.allReady(180000);
      await sleep(5000);
      await load.stop();
      await staff.stop();
      const s = await settleAndReport(load, 150000);
      for (const [i, k] of kills.entries()) {
        const until = kills.slice(i + 1).find((later) => later.service === k.service)?.restartAt ?? Infinity;
        const events = rig.fleet.events.filter(
          (e) => e.service === k.service && e.at >= k.restartAt && e.at < until,
        );
        const ready = events.find((e) => e.kind === 'ready');
        const exits = events.filter(
          (e) => e.kind === 'exited on its own' && (!ready || e.at < ready.at),
        ).length;
        console.log(
          `      kill ${String(i + 1).padStart(2)} ${k.service.padEnd(10)} down ${secs(k.downMs)}, ` +
            (ready
              ? `serving again ${secs(ready.at - k.restartAt)} after its restart`
              : 'killed again before it served') +
            (exits ? ` (exited ${exits}× on its own first)` : '') +
            `, next dispatch ${fmt(firstDispatchAfter(s, k.restartAt))} after it`,
        );
      }
      const unplanned = rig.fleet.unplannedExits();
      console.log(
        `      ${kills.length} kills; staff answers ${answers(staff.answers)}; services that exited on their own: ${
          unplanned.length ? unplanned.map((e) => `${e.service} (${e.detail})`).join(', ') : 'none'
        }`,
      );
    });
    checksAfter('after service kills');
  });

  describe('2. a consumer service killed again while it rejoins its consumer groups', () => {
    it('dispatcher, sla, live and kpi, each killed -9 again while rejoining, serve again within a bounded time', async function () {
      this.timeout(420000);
      const load = newLoad('rejoin');
      load.start(4);
      staff.start(1000);
      await rig.fleet.allReady(180000);
      // The choices first, so that CHAOS_SEED replays them whatever order they run in.
      const plans = (Object.keys(CONSUMER_GROUPS) as ConsumerService[]).map((service) => ({
        service,
        firstDownMs: between(1000, 3000),
        intoRejoinMs: between(0, 2000),
        secondDownMs: between(1000, 3000),
      }));
      const outcomes = await Promise.all(
        plans.map(async (plan) => {
          const { service } = plan;
          const groups = CONSUMER_GROUPS[service].map((g) => groupName(rig.prefix, g));
          const firstKillAt = Date.now();
          await rig.fleet.kill(service);
          await sleep(plan.firstDownMs);
          rig.fleet.start(service);
          // Rejoining: the new instance asked to join every group of its own, and each waits for
          // the killed instance, still a member until the broker drops it.
          await eventually(
            async () =>
              Object.values(await groupStates(rig, groups)).every(isRebalancing) ? true : undefined,
            60000,
            250,
          );
          const rebalancingMs = Date.now() - firstKillAt;
          await sleep(plan.intoRejoinMs);
          const servedWhenKilled = rig.fleet.isServing(service);
          await rig.fleet.kill(service);
          await sleep(plan.secondDownMs);
          const restartAt = Date.now();
          rig.fleet.start(service);
          const servingAt = await eventually(
            async () => (rig.fleet.isServing(service) ? Date.now() : undefined),
            REJOIN_BOUND_MS + 60000,
            250,
          ).catch(() => null);
          const exits = rig.fleet.events.filter(
            (e) => e.service === service && e.kind === 'exited on its own' && e.at >= firstKillAt,
          );
          return { ...plan, rebalancingMs, servedWhenKilled, restartAt, servingAt, exits };
        }),
      );
      await rig.fleet.allReady(180000);
      await sleep(5000);
      await load.stop();
      await staff.stop();
      const s = await settleAndReport(load, 150000);
      for (const o of outcomes) {
        console.log(
          `      ${o.service.padEnd(10)} killed, restarted after ${secs(o.firstDownMs)}, its groups rebalancing ` +
            `${secs(o.rebalancingMs)} after the kill; killed again ${secs(o.intoRejoinMs)} into the rejoin ` +
            `(${o.servedWhenKilled ? 'already serving' : 'not serving yet'}), restarted after ${secs(o.secondDownMs)}; ` +
            (o.servingAt === null
              ? `not serving ${secs(REJOIN_BOUND_MS + 60000)} after its restart`
              : `serving again ${secs(o.servingAt - o.restartAt)} after its restart`) +
            `; exited on its own ${o.exits.length}×; next dispatch ${fmt(firstDispatchAfter(s, o.restartAt))} after it`,
        );
      }
      for (const o of outcomes) {
        assert.equal(o.servedWhenKilled, false, `${o.service} was killed again while it rejoined`);
        assert.deepEqual(
          o.exits.map((e) => e.detail),
          [],
          `${o.service} exited on its own after being killed while it rejoined`,
        );
        assert.ok(
          o.servingAt !== null && o.servingAt - o.restartAt <= REJOIN_BOUND_MS,
          `${o.service} served again within ${secs(REJOIN_BOUND_MS)} of its restart`,
        );
      }
    });
    checksAfter('after kills while rejoining');
  });

  describe('3. Kafka, PostgreSQL, FerretDB and Redis killed for 10 s each', () => {
    it('kill -9 each server under load, keep it down 10 s, restart it; the system recovers', async function () {
      this.timeout(420000);
      const load = newLoad('servers');
      load.start(4);
      staff.start(1000);
      const faults: Array<{ server: string; restartAt: number; listeningMs: number; recoveredMs: number }> =
        [];
      for (const [server, target] of [
        ['Kafka', rig.kafka],
        ['PostgreSQL', rig.postgres],
        ['FerretDB', rig.ferretdb],
        ['Redis', rig.redis],
      ] as const) {
        await sleep(6000);
        await target.kill();
        await sleep(10000);
        const restartAt = Date.now();
        await target.start();
        const listeningMs = Date.now() - restartAt;
        // Recovered once a report filed after the restart is dispatched.
        await eventually(
          async () => {
            const after = load.accepted.filter((a) => a.acceptedAt >= restartAt).map((a) => a.ticketId);
            if (after.length === 0) return undefined;
            const done = await rig.models.tickets
              .countDocuments({ _id: { $in: after.slice(0, 5) }, status: { $ne: 'submitted' } })
              .exec();
            return done > 0 ? true : undefined;
          },
          120000,
          500,
        );
        faults.push({ server, restartAt, listeningMs, recoveredMs: Date.now() - restartAt });
      }
      await sleep(5000);
      await load.stop();
      await staff.stop();
      const s = await settleAndReport(load, 150000);
      for (const f of faults) {
        console.log(
          `      ${f.server.padEnd(10)} down 10 s; listening ${secs(f.listeningMs)} after the restart, ` +
            `next dispatch ${fmt(firstDispatchAfter(s, f.restartAt))} after it, ` +
            `a report filed after the restart dispatched within ${secs(f.recoveredMs)}`,
        );
      }
      const unplanned = rig.fleet.unplannedExits();
      console.log(
        `      services that exited on their own so far: ${
          unplanned.length ? unplanned.map((e) => `${e.service} (${e.detail})`).join(', ') : 'none'
        }`,
      );
    });
    checksAfter('after server kills');
  });

  describe('4. a crash between the database write and the publish, for 100 writes', () => {
    it('each written ticket is published and dispatched exactly once by the relays that outlive the writer', async function () {
      this.timeout(300000);
      const t0 = Date.now();
      const writes = await crashBetweenWriteAndPublish(rig, 25, 4, 3);
      crashed.push(...writes);
      assert.equal(writes.length, 100);
      const crashSecs = Date.now() - t0;
      const stillPending = await rig.models.tickets
        .countDocuments({ _id: { $in: writes.map((w) => w.ticketId) }, outboxPending: true })
        .exec();
      console.log(
        `      25 writer processes killed with 4 writes each between the write and the publish (${writes.length} writes) in ${secs(crashSecs)}; ` +
          `${stillPending} of their tickets still had an unpublished outbox when the last one died`,
      );
      const s = await settleAndReport(null, 180000);
      const recovery = writes.map((w) => s.dispatchedAt.get(w.ticketId)! - w.crashedAt).sort((a, b) => a - b);
      const submitted = writes.map(
        (w) =>
          s.log.envelopes.filter((e) => e.ticketId === w.ticketId && e.type === 'ticket.submitted').length,
      );
      console.log(
        `      dispatched after the crash: min ${secs(recovery[0]!)}, median ${secs(recovery[recovery.length >> 1]!)}, ` +
          `max ${secs(recovery.at(-1)!)} (the dead writer's ticket lock expires after 30 s); ` +
          `dispatched twice ${writes.filter((w) => (s.dispatches.get(w.ticketId)?.distinct ?? 0) > 1).length}; ` +
          `ticket.submitted on the topic ${Math.min(...submitted)}–${Math.max(...submitted)} times per ticket (republished while the lock was held)`,
      );
    });
    checksAfter('after write/publish crashes');
  });

  describe('5. poison messages on the events topic', () => {
    it('dead-letters them once per consumer group, and every group moves on to lag 0', async function () {
      this.timeout(180000);
      const producer = rig.client.producer();
      await producer.connect();
      const poison = [
        { key: 'poison-not-json', value: '{"eventId": "not json' },
        {
          key: 'poison-bad-schema',
          // Shaped like an event, but version 0 and no ticket summary: fails the envelope schema.
          value: JSON.stringify({
            eventId: randomUUID(),
            type: 'ticket.submitted',
            schemaVersion: 1,
            ticketId: 'poison-bad-schema',
            ticketVersion: 0,
            occurredAt: new Date().toISOString(),
            actor: { kind: 'resident' },
            payload: {},
          }),
        },
      ];
      const sources = new Set<string>();
      for (const message of poison) {
        const [meta] = await producer.send({ topic: rig.eventsTopic, messages: [message] });
        sources.add(`${rig.eventsTopic}/${meta!.partition}/${meta!.baseOffset}`);
      }
      await producer.disconnect();
      poisoned = poison.length;
      const poisonAt = Date.now();

      const load = newLoad('after-poison');
      const ids = await Promise.all(Array.from({ length: 10 }, () => load.fileOne()));
      assert.ok(
        ids.every((id) => id !== null),
        'reports filed after the poison are accepted',
      );
      const s = await settleAndReport(load, 120000);
      const lastDispatch = Math.max(...ids.map((id) => s.dispatchedAt.get(id!)!));
      console.log(
        `      the 10 reports filed after the poison dispatched within ${secs(lastDispatch - poisonAt)}`,
      );

      // Every consumer group of the fleet, each dead-lettering the poison once for itself.
      const groups = Object.values(CONSUMER_GROUPS)
        .flat()
        .map((g) => groupName(rig.prefix, g));
      const dead = await eventually(
        async () => {
          const messages = (await readTopic(rig.client, rig.deadLetterTopic)).filter((m) =>
            sources.has(m.headers['dlq-source'] ?? ''),
          );
          return messages.length >= sources.size * groups.length ? messages : undefined;
        },
        60000,
        1000,
      );
      for (const source of sources) {
        const forSource = dead.filter((m) => m.headers['dlq-source'] === source);
        assert.deepEqual(
          forSource.map((m) => m.headers['dlq-group']).sort(),
          [...groups].sort(),
          `${source} dead-lettered once by each consumer group`,
        );
        console.log(`      ${source} → dead-letter topic (${forSource[0]!.headers['dlq-reason']})`);
      }
      const lags = await eventually(
        async () => {
          const l = await consumerLags(rig, groups);
          return Object.values(l).every((v) => v === 0) ? l : undefined;
        },
        60000,
        1000,
      );
      console.log(`      consumer group lag after the poison: ${JSON.stringify(lags)}`);
    });
    checksAfter('after poison messages');
  });
});

function secs(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function fmt(ms: number | null): string {
  return ms === null ? 'none' : secs(ms);
}

function answers(map: Map<number, number>): string {
  return [...map]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${status === 0 ? 'no answer' : status}×${n}`)
    .join(', ');
}

function shuffle<T>(list: T[], random: () => number): void {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
}
