import type { WorkingCalendar } from '../calendar/working-calendar';
import { DEADLINE_KINDS, type DeadlineKind } from '../deadlines/deadline-kind';
import type { TicketStatus } from '../lifecycle/ticket-status.types';
import { type ClockSpec, computeDueAt } from './clock-spec';
import { TOP_ESCALATION_LEVEL } from './escalation-ladder';
import { reminderInstants } from './reminder-schedule';

export type TimerStep = 'warning' | 'breach' | 'remind' | 'escalate';

/** One deadline as the timers see it (the stored deadline record). */
export interface TimerDeadline {
  dueAt: string;
  startedAt: string;
  seq: number;
  pausedAt?: string | null;
  warned?: number[];
  breachedAt?: string | null;
  /** How many repeat reminders were sent since the breach. */
  reminded?: number;
}

export interface TimerInput {
  status: string;
  escalationLevel: number;
  deadlines: Partial<Record<DeadlineKind, TimerDeadline>>;
}

export interface TimerSettings {
  /** Reminders before the deadline, as fractions of the limit. */
  fractions: readonly number[];
  /** After a breach, remind again this often until someone acts. */
  remindEveryMs: number;
  /** The limit of each kind, to place reminders on a working clock; null means plain elapsed time. */
  specFor(kind: DeadlineKind): ClockSpec | null;
  calendar: WorkingCalendar;
}

/** A timer still owed by a ticket: fire `step` of deadline `kind` (version `seq`) at `at`. */
export interface PlannedTimer {
  kind: DeadlineKind;
  seq: number;
  step: TimerStep;
  at: Date;
  fraction?: number;
  level?: number;
  repeat?: number;
}

/** Which deadline runs in which status: signing while dispatched, fixing while accepted, verifying while resolved. */
const LIVE_IN: Record<DeadlineKind, readonly TicketStatus[]> = {
  ack: ['dispatched'],
  resolve: ['accepted'],
  verify: ['resolved'],
};

export function isTimerLive(kind: DeadlineKind, status: string): boolean {
  return (LIVE_IN[kind] as readonly string[]).includes(status);
}

/** The statuses in which a ticket can owe timers at all: elsewhere {@link planTimers} plans none. */
export const STATUSES_WITH_LIVE_TIMERS: readonly TicketStatus[] = DEADLINE_KINDS.flatMap(
  (kind) => LIVE_IN[kind],
);

/**
 * Every timer a ticket still owes, from its stored state alone — so the same function serves the
 * event consumer, the worker and the reconciler that rebuilds timers after Redis lost them.
 * Before a deadline: its reminders not yet sent, and the breach. After a breach: the next repeat
 * reminder, and the next climb — each further lapse of the limit's own length climbs one level,
 * up to the district. A paused deadline owes nothing until it resumes.
 */
export function planTimers(ticket: TimerInput, settings: TimerSettings): PlannedTimer[] {
  const plan: PlannedTimer[] = [];
  for (const kind of DEADLINE_KINDS) {
    const d = ticket.deadlines[kind];
    if (!d || d.pausedAt || !isTimerLive(kind, ticket.status)) continue;
    const start = new Date(d.startedAt);
    const due = new Date(d.dueAt);
    const base = { kind, seq: d.seq };
    if (!d.breachedAt) {
      const spec = settings.specFor(kind);
      const reminders =
        spec &&
        spec.kind === 'working' &&
        computeDueAt(spec, start, settings.calendar).getTime() === due.getTime()
          ? reminderInstants(spec, start, due, [...settings.fractions], settings.calendar)
          : settings.fractions.map((fraction) => ({
              fraction,
              at: new Date(start.getTime() + fraction * (due.getTime() - start.getTime())),
            }));
      for (const r of reminders) {
        if (!d.warned?.includes(r.fraction))
          plan.push({ ...base, step: 'warning', fraction: r.fraction, at: r.at });
      }
      plan.push({ ...base, step: 'breach', at: due });
      continue;
    }
    const repeat = (d.reminded ?? 0) + 1;
    plan.push({
      ...base,
      step: 'remind',
      repeat,
      at: new Date(due.getTime() + repeat * settings.remindEveryMs),
    });
    if (ticket.escalationLevel >= 1 && ticket.escalationLevel < TOP_ESCALATION_LEVEL) {
      const limitMs = Math.max(1, due.getTime() - start.getTime());
      const level = ticket.escalationLevel + 1;
      plan.push({ ...base, step: 'escalate', level, at: new Date(due.getTime() + (level - 1) * limitMs) });
    }
  }
  return plan;
}
