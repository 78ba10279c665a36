import type { WorkingCalendar } from '../calendar';
import type { ClockKind } from '../categories';
import type { LifecycleChanges } from '../lifecycle';
import { resumeClock, type TimerDeadline } from '../sla';
import { deadlineFor } from './deadline-for';

export type DeadlineKind = 'ack' | 'resolve' | 'verify';

/** One deadline as stored on a ticket (the timers' view of it); `seq` changes whenever its due time changes. */
export type DeadlineRecord = TimerDeadline;

export type DeadlineSet = Partial<Record<DeadlineKind, DeadlineRecord>>;

/** A recorded stop of the clock (docs/product.md: every pause is recorded). */
export interface ClockPauseRecord {
  deadline: DeadlineKind;
  from: string;
  to: string | null;
  reason: string;
}

export interface DeadlineContext {
  now: Date;
  ackWithin: string;
  resolveWithin: string;
  verifyWithin: string;
  clock: ClockKind;
  calendar: WorkingCalendar;
  /** The deadline that runs in the ticket's status before the change (the one a pause stops). */
  running: DeadlineKind | null;
}

/**
 * What a lifecycle transition does to a ticket's deadlines: clears, starts, moves, pauses and
 * resumes them as `changes` says. Pure; the sla service schedules timers from the result (a new
 * `seq` gives new job ids; jobs of an old `seq` find nothing to do when they fire).
 */
export function applyDeadlineChanges(
  current: DeadlineSet,
  pauses: readonly ClockPauseRecord[],
  changes: LifecycleChanges,
  ctx: DeadlineContext,
  reason = '',
): { deadlines: DeadlineSet; pauses: ClockPauseRecord[] } {
  const now = ctx.now.toISOString();
  let deadlines: DeadlineSet = { ...current };
  let log = [...pauses];
  const fresh = (kind: DeadlineKind, within: string, clock: ClockKind): DeadlineRecord => ({
    startedAt: now,
    dueAt: deadlineFor(within, clock, ctx.now, ctx.calendar).toISOString(),
    seq: (current[kind]?.seq ?? 0) + 1,
  });

  if (changes.resumeClock && ctx.running) {
    const d = deadlines[ctx.running];
    if (d?.pausedAt) {
      const open = log.findIndex((p) => p.to === null && p.deadline === ctx.running);
      const resumed = resumeClock(
        {
          startedAt: d.startedAt,
          dueAt: d.dueAt,
          pausedAt: d.pausedAt,
          pauses: [{ from: d.pausedAt, to: null, reason: '' }],
        },
        ctx.now,
        ctx.calendar,
        ctx.clock,
      );
      deadlines[ctx.running] = { ...d, dueAt: resumed.dueAt, pausedAt: null, seq: d.seq + 1, warned: [] };
      if (open >= 0) log = log.map((p, i) => (i === open ? { ...p, to: now } : p));
    }
  }
  if (changes.clearAllDeadlines) deadlines = {};
  if (changes.clearAckDeadline) delete deadlines.ack;
  if (changes.clearResolveDeadline) delete deadlines.resolve;
  if (changes.clearVerifyDeadline) delete deadlines.verify;
  if (changes.restartAckDeadline) deadlines.ack = fresh('ack', ctx.ackWithin, ctx.clock);
  if (changes.restartResolveDeadline) deadlines.resolve = fresh('resolve', ctx.resolveWithin, ctx.clock);
  if (changes.startVerifyDeadline) deadlines.verify = fresh('verify', ctx.verifyWithin, 'calendar');
  if (changes.newResolveBy && deadlines.resolve) {
    deadlines.resolve = {
      ...deadlines.resolve,
      dueAt: changes.newResolveBy,
      seq: deadlines.resolve.seq + 1,
      warned: [],
      breachedAt: null,
    };
  }
  if (changes.pauseClock && ctx.running) {
    const d = deadlines[ctx.running];
    if (d && !d.pausedAt) {
      deadlines[ctx.running] = { ...d, pausedAt: now };
      log = [...log, { deadline: ctx.running, from: now, to: null, reason }];
    }
  }
  // A cleared deadline can no longer be paused: close its open pause record.
  log = log.map((p) => (p.to === null && !deadlines[p.deadline]?.pausedAt ? { ...p, to: now } : p));
  return { deadlines, pauses: log };
}
