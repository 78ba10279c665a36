import type { WorkingCalendar } from '../calendar';
import type { ClockKind } from '../categories';
import type { LifecycleChanges } from '../lifecycle';
import { resumeClock, type TimerDeadline } from '../sla';
import { deadlineFor } from './deadline-for';
import type { DeadlineKind } from './deadline-kind';

/**
 * The deadline whose clock runs in a status: the one a pending request pauses. A `returned`
 * ticket waits under its sign clock; one returned after signing keeps its fix clock paused, and
 * a decision resumes every paused clock (see `applyDeadlineChanges`).
 */
export function runningDeadline(status: string): DeadlineKind | null {
  if (status === 'dispatched' || status === 'returned') return 'ack';
  if (status === 'accepted') return 'resolve';
  if (status === 'resolved') return 'verify';
  return null;
}

/** One deadline as stored on a ticket (the timers' view of it); `seq` changes whenever its due time changes. */
export type DeadlineRecord = TimerDeadline;

export type DeadlineSet = Partial<Record<DeadlineKind, DeadlineRecord>>;

/** A recorded stop of the clock: every pause is kept, with its reason, for the record. */
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

  // Every paused deadline resumes, whichever status the ticket is in now: a return asked for
  // after signing paused the fix clock, and the `returned` status it waits in runs no clock.
  if (changes.resumeClock) {
    for (const kind of Object.keys(deadlines) as DeadlineKind[]) {
      const d = deadlines[kind];
      if (!d?.pausedAt) continue;
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
      deadlines[kind] = { ...d, dueAt: resumed.dueAt, pausedAt: null, seq: d.seq + 1, warned: [] };
      log = log.map((p) => (p.to === null && p.deadline === kind ? { ...p, to: now } : p));
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
