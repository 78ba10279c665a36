import { ConsumerGroup, type EventEnvelope, groupName } from '@grid-dispatch/contracts';
import { CalendarStore, type CategoryDoc, type TicketDoc } from '@grid-dispatch/db';
import {
  clockSpecFor,
  type DeadlineKind,
  type PlannedTimer,
  parseIsoDuration,
  planTimers,
  type TimerInput,
  type TimerSettings,
  type TimerStep,
  type WorkingCalendar,
} from '@grid-dispatch/domain';
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
  /** The deadline timers recorded in the histories against those the tickets owe (see auditDeadlines). */
  deadlines: DeadlineAudit;
  /** Timers due at or before this moment (ms) must have fired. */
  cutoff: number;
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

/**
 * Reads the stored tickets and the whole events topic once, and relates them; deadlines owed at or
 * before `cutoff` (ms) must have fired.
 */
export async function snapshot(rig: ChaosRig, cutoff = Date.now()): Promise<Settled> {
  const [tickets, log, timers] = await Promise.all([rig.tickets(), rig.eventLog(), timerReference(rig)]);
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
    deadlines: auditDeadlines(tickets, log.envelopes, timers, cutoff),
    cutoff,
  };
}

/**
 * Waits until every ticket the clients were told about (and every other stored ticket) is
 * dispatched, every event in every ticket's history is on the events topic, and every deadline
 * timer that came due before the wait began has fired.
 */
export async function settle(
  rig: ChaosRig,
  expectedIds: readonly string[],
  timeoutMs: number,
): Promise<Settled> {
  let last: Settled | undefined;
  const cutoff = Date.now();
  try {
    return await eventually(
      async () => {
        last = await snapshot(rig, cutoff);
        const stored = new Set(last.tickets.map((t) => t._id));
        const ready =
          expectedIds.every((id) => stored.has(id)) &&
          last.tickets.every((t) => last!.dispatches.has(t._id) && last!.dispatchedAt.has(t._id)) &&
          last.unpublished.length === 0 &&
          last.deadlines.missing.length === 0;
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
        `${last.unpublished.length} history events not on the topic, ` +
        `${last.deadlines.missing.length} deadline timers due and not fired (${last.deadlines.missing.slice(0, 3).join('; ')})`,
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

/** Each group's state as the broker describes it (Stable, PreparingRebalance, CompletingRebalance, Empty …). */
export async function groupStates(rig: ChaosRig, groups: readonly string[]): Promise<Record<string, string>> {
  const admin = rig.client.admin();
  await admin.connect();
  try {
    const { groups: described } = await admin.describeGroups([...groups]);
    return Object.fromEntries(described.map((g) => [g.groupId, g.state]));
  } finally {
    await admin.disconnect();
  }
}

/** A group whose members are being (re)assigned: a new member asked to join and the broker waits for the others. */
export function isRebalancing(state: string | undefined): boolean {
  return state === 'PreparingRebalance' || state === 'CompletingRebalance';
}

/** The sla service's settings (the rig sets them) and the reference data its timers are planned on. */
export interface TimerReference {
  fractions: number[];
  remindEveryMs: number;
  categories: Map<string, CategoryDoc>;
  calendar: WorkingCalendar;
}

export async function timerReference(rig: ChaosRig): Promise<TimerReference> {
  const [categories, calendar] = await Promise.all([
    rig.models.categories.find({}).lean<CategoryDoc[]>().exec(),
    new CalendarStore(rig.models.calendars).get(),
  ]);
  return {
    fractions: rig.env.SLA_WARNING_FRACTIONS!.split(',').map(Number),
    remindEveryMs: parseIsoDuration(rig.env.SLA_REMIND_EVERY!),
    categories: new Map(categories.map((c) => [c._id, c])),
    calendar,
  };
}

/** The events the sla service records when a deadline timer fires, by the timer step each records. */
const FIRING: Record<string, TimerStep> = {
  'sla.warning': 'warning',
  'sla.breached': 'breach',
  'sla.reminder': 'remind',
  'ticket.escalated': 'escalate',
};

/** What tells the timers of one deadline step apart: the fraction, the repeat or the level. */
const STEP_DETAIL: Record<TimerStep, 'fraction' | 'repeat' | 'level' | null> = {
  warning: 'fraction',
  breach: null,
  remind: 'repeat',
  escalate: 'level',
};

export interface DeadlineAudit {
  /** Timer firings recorded in the ticket histories, by step. */
  fired: Record<TimerStep, number>;
  /** When each firing was recorded, ms (to count those of a scenario). */
  firedAt: number[];
  /** Tickets with at least one firing. */
  tickets: number;
  /** The same step of the same deadline (kind, due time) recorded more than once. */
  twice: string[];
  /** Recorded though the ticket did not owe that timer then (a stale deadline, a step already done). */
  unowed: string[];
  /** Recorded more than a second before the time the ticket gave it. */
  early: string[];
  /** Owed by a ticket as it stands now, due at or before the cutoff, and not recorded. */
  missing: string[];
  /** How long after its time each firing was recorded, ms, ascending. */
  lateness: number[];
}

const LIMIT_FIELD = { ack: 'ackWithin', resolve: 'resolveWithin', verify: null } as const;

function timerSettings(ref: TimerReference, category: string): TimerSettings {
  const doc = ref.categories.get(category);
  return {
    fractions: ref.fractions,
    remindEveryMs: ref.remindEveryMs,
    calendar: ref.calendar,
    // As the sla service's scheduler plans them: a working-clock limit places its reminders on
    // office hours, anything else on elapsed time.
    specFor: (kind) => {
      const field = LIMIT_FIELD[kind];
      return field && doc ? clockSpecFor(doc[field], doc.calendar) : null;
    },
  };
}

/**
 * Every deadline timer exactly once, from the tickets' histories and the events topic. A firing is
 * an sla.warning, sla.breached, sla.reminder or ticket.escalated recorded by the sla service; the
 * ticket's state just before it (the summary on the topic's event of the version before) must have
 * owed that very timer (domain `planTimers`, as the sla service plans it), and no earlier than the
 * firing. Each step of a deadline (its kind and due time) is recorded once at most. And the ticket
 * as it stands owes no timer due at or before `cutoff`: whatever came due has fired (a warning
 * whose breach fired first is no longer owed, as the sla service skips it then).
 */
export function auditDeadlines(
  tickets: readonly TicketDoc[],
  envelopes: readonly EventEnvelope[],
  ref: TimerReference,
  cutoff: number,
): DeadlineAudit {
  const states = new Map<string, Map<number, EventEnvelope['ticket']>>();
  for (const e of envelopes) {
    const byVersion = states.get(e.ticketId) ?? new Map<number, EventEnvelope['ticket']>();
    byVersion.set(e.ticketVersion, e.ticket);
    states.set(e.ticketId, byVersion);
  }
  const audit: DeadlineAudit = {
    fired: { warning: 0, breach: 0, remind: 0, escalate: 0 },
    firedAt: [],
    tickets: 0,
    twice: [],
    unowed: [],
    early: [],
    missing: [],
    lateness: [],
  };
  const iso = (ms: number) => new Date(ms).toISOString();
  for (const t of tickets) {
    const seen = new Set<string>();
    let any = false;
    for (const e of t.events) {
      const step = FIRING[e.type];
      if (!step || e.actor?.kind !== 'system' || (e.actor as { service?: string }).service !== 'sla')
        continue;
      any = true;
      const at = new Date(e.at).getTime();
      audit.fired[step] += 1;
      audit.firedAt.push(at);
      const kind = e.payload.deadline as DeadlineKind;
      const field = STEP_DETAIL[step];
      const detail = field ? (step === 'escalate' ? e.payload.escalationLevel : e.payload[field]) : undefined;
      const label = `${t._id} v${e.version} ${kind} ${step}${detail === undefined ? '' : ` ${field} ${detail}`}`;
      const before = states.get(t._id)?.get(e.version - 1);
      if (!before) {
        audit.unowed.push(`${label}: the state before it is not on the topic`);
        continue;
      }
      const key = `${kind} due ${before.deadlines[kind]?.dueAt} ${step} ${detail}`;
      if (seen.has(key)) audit.twice.push(`${t._id}: ${key}`);
      seen.add(key);
      const owed = planTimers(before as TimerInput, timerSettings(ref, before.category)).find(
        (p) => p.kind === kind && p.step === step && (field === null || timerDetail(p, field) === detail),
      );
      if (!owed) {
        audit.unowed.push(`${label} at ${iso(at)}: not owed by version ${e.version - 1}`);
        continue;
      }
      const late = at - owed.at.getTime();
      audit.lateness.push(late);
      if (late < -1000) audit.early.push(`${label} at ${iso(at)}, due ${owed.at.toISOString()}`);
    }
    if (any) audit.tickets += 1;
    for (const p of planTimers(t as TimerInput, timerSettings(ref, t.category))) {
      if (p.at.getTime() <= cutoff)
        audit.missing.push(
          `${t._id} v${t.version} ${p.kind} ${p.step}${p.fraction ?? p.level ?? p.repeat ?? ''} due ${p.at.toISOString()}`,
        );
    }
  }
  audit.lateness.sort((a, b) => a - b);
  return audit;
}

function timerDetail(p: PlannedTimer, field: 'fraction' | 'repeat' | 'level'): number | undefined {
  return p[field];
}
