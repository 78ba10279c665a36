import { ConsumerGroup, type EventEnvelope, groupName } from '@grid-dispatch/contracts';
import type { TicketDoc } from '@grid-dispatch/db';
import type { Platform } from '@grid-dispatch/runtime';
import { eventually, login, request } from '../../support/http-client';
import { categoryLimits, recount } from '../../support/kpi-recount';
import type { EventLog } from './event-log';
import { type ChaosRig, DEMO_PASSWORD } from './rig';
import type { SeenState } from './traffic';

/** Per ticket: the distinct ticket.dispatched events (by event id) and how many messages carried them. */
export interface DispatchCount {
  distinct: number;
  messages: number;
}

export interface Settled {
  tickets: TicketDoc[];
  log: EventLog;
  dispatches: Map<string, DispatchCount>;
  /** History events (of every stored ticket) not found on the events topic. */
  unpublished: Array<{ ticketId: string; version: number; type: string }>;
  /** Messages that repeat an event already on the topic (at-least-once delivery; consumers dedupe). */
  copies: number;
  /** When each ticket was dispatched (its first ticket.dispatched in its history), ms. */
  dispatchedAt: Map<string, number>;
}

function countDispatches(envelopes: EventEnvelope[]): Map<string, DispatchCount> {
  const ids = new Map<string, Set<string>>();
  const messages = new Map<string, number>();
  for (const e of envelopes) {
    if (e.type !== 'ticket.dispatched') continue;
    const set = ids.get(e.ticketId) ?? new Set<string>();
    set.add(e.eventId);
    ids.set(e.ticketId, set);
    messages.set(e.ticketId, (messages.get(e.ticketId) ?? 0) + 1);
  }
  return new Map([...ids].map(([id, set]) => [id, { distinct: set.size, messages: messages.get(id)! }]));
}

/** Reads the stored tickets and the whole events topic once, and relates them. */
export async function snapshot(rig: ChaosRig): Promise<Settled> {
  const [tickets, log] = await Promise.all([rig.tickets(), rig.eventLog()]);
  const onTopic = new Set(log.envelopes.map((e) => e.eventId));
  const unpublished = tickets.flatMap((t) =>
    t.events
      .filter((e) => !onTopic.has(e.eventId))
      .map((e) => ({ ticketId: t._id, version: e.version, type: e.type })),
  );
  const dispatchedAt = new Map<string, number>();
  for (const t of tickets) {
    const d = t.events.find((e) => e.type === 'ticket.dispatched');
    if (d) dispatchedAt.set(t._id, new Date(d.at).getTime());
  }
  return {
    tickets,
    log,
    dispatches: countDispatches(log.envelopes),
    unpublished,
    copies: log.envelopes.length - onTopic.size,
    dispatchedAt,
  };
}

/**
 * Waits until every ticket the clients were told about (and every other stored ticket) is
 * dispatched, and every event in every ticket's history is on the events topic.
 */
export async function settle(
  rig: ChaosRig,
  expectedIds: readonly string[],
  timeoutMs: number,
): Promise<Settled> {
  let last: Settled | undefined;
  try {
    return await eventually(
      async () => {
        last = await snapshot(rig);
        const stored = new Set(last.tickets.map((t) => t._id));
        const ready =
          expectedIds.every((id) => stored.has(id)) &&
          last.tickets.every((t) => last!.dispatches.has(t._id) && last!.dispatchedAt.has(t._id)) &&
          last.unpublished.length === 0;
        return ready ? last : undefined;
      },
      timeoutMs,
      2000,
    );
  } catch (error) {
    if (!last) throw error;
    const stored = new Set(last.tickets.map((t) => t._id));
    const missing = expectedIds.filter((id) => !stored.has(id));
    const undispatched = last.tickets.filter((t) => !last!.dispatches.has(t._id)).map((t) => t._id);
    throw new Error(
      `not settled within ${timeoutMs} ms: ${missing.length} accepted reports not stored (${missing.slice(0, 3).join(', ')}), ` +
        `${undispatched.length} stored tickets without ticket.dispatched on the topic (${undispatched.slice(0, 3).join(', ')}), ` +
        `${last.unpublished.length} history events not on the topic`,
    );
  }
}

/** The ids of tickets dispatched more than once (two distinct ticket.dispatched events). */
export function duplicated(s: Settled): string[] {
  return [...s.dispatches].filter(([, c]) => c.distinct !== 1).map(([id]) => id);
}

/**
 * Where a ticket stands behind what a client was told, one line each: the version is lower, or
 * the history holds another event at that version, or versions are not 1..n without a gap.
 */
export function regressions(tickets: TicketDoc[], seen: readonly SeenState[]): string[] {
  const byId = new Map(tickets.map((t) => [t._id, t]));
  const problems: string[] = [];
  for (const s of seen) {
    const t = byId.get(s.ticketId);
    if (!t) {
      problems.push(`${s.ticketId}: seen at version ${s.version} (${s.status}) but not stored`);
      continue;
    }
    if (t.version < s.version) problems.push(`${s.ticketId}: version ${t.version} < ${s.version} seen`);
    const at = t.events.find((e) => e.version === s.version);
    if (!at || at.type !== s.eventType)
      problems.push(
        `${s.ticketId}: version ${s.version} is ${at?.type ?? 'missing'}, the client saw ${s.eventType}`,
      );
  }
  for (const t of tickets) {
    const versions = t.events.map((e) => e.version);
    if (versions.length !== t.version || versions.some((v, i) => v !== i + 1))
      problems.push(`${t._id}: history versions [${versions.join(',')}] at version ${t.version}`);
  }
  return problems;
}

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);

/** Messages each group has yet to consume on the events topic (from its committed offset to the end). */
export async function consumerLags(
  rig: ChaosRig,
  groups: readonly string[],
): Promise<Record<string, number>> {
  const admin = rig.client.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(rig.eventsTopic);
    const out: Record<string, number> = {};
    for (const groupId of groups) {
      const [committed] = await admin.fetchOffsets({ groupId, topics: [rig.eventsTopic] });
      let lag = 0;
      for (const end of ends) {
        const c = BigInt(committed?.partitions.find((p) => p.partition === end.partition)?.offset ?? '-1');
        lag += Number(BigInt(end.high) - (c >= 0n ? c : BigInt(end.low)));
      }
      out[groupId] = lag;
    }
    return out;
  } finally {
    await admin.disconnect();
  }
}

/**
 * Waits until the KPI projection's consumer group has consumed (and committed) every event on
 * the topic, then compares the district's KPIs (GET /api/v1/kpis) with a recount from the stored
 * ticket histories.
 */
export async function kpisAgainstRecount(rig: ChaosRig, timeoutMs: number) {
  const group = groupName(rig.prefix, ConsumerGroup.Kpi);
  let lag: Record<string, number> = {};
  await eventually(
    async () => {
      lag = await consumerLags(rig, [group]);
      return lag[group] === 0 ? true : undefined;
    },
    timeoutMs,
    1000,
  ).catch((error) => {
    throw new Error(`the KPI projection did not catch up (lag ${JSON.stringify(lag)}): ${error}`);
  });
  const token = await login(rig.gatewayUrl, 'zhongshan.secretary', DEMO_PASSWORD);
  const tickets = await rig.tickets();
  const expected = recount(tickets, await categoryLimits({ models: rig.models } as Platform), {});
  const query = new URLSearchParams({ areaId: 'zhongshan', from: day(-1), to: day(1) });
  // The stored summaries are rebuilt from the records where an event changed them; a read right
  // after the last fold may still find one being rebuilt.
  const actual = await eventually(
    async () => {
      const res = await request(rig.gatewayUrl, 'GET', `/api/v1/kpis?${query}`, { token });
      if (res.status !== 200) return undefined;
      return res.body.counts?.dispatched === expected.counts.dispatched &&
        res.body.counts?.signed === expected.counts.signed &&
        res.body.counts?.due === expected.counts.due
        ? res.body
        : undefined;
    },
    20000,
    1000,
  ).catch(async () => (await request(rig.gatewayUrl, 'GET', `/api/v1/kpis?${query}`, { token })).body);
  return { actual, expected, tickets: tickets.length };
}
