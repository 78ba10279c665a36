import type { WorkingCalendar } from '../calendar/working-calendar';
import { addWorkingTime, workingTimeBetween } from '../calendar/working-time';
import type { ClockSpec } from './clock-spec';

/** A reminder (催办) instant: `fraction` of the limit has been used up at `at`. */
export interface ReminderInstant {
  fraction: number;
  at: Date;
}

/**
 * The instants at which the given fractions of the window [start, dueAt) are used up, in the
 * order the fractions were given.
 *
 * For working clocks the fraction is of office time, so the 50 % reminder of a 4-working-hour
 * limit lands inside office hours (or exactly at a closing), not at night. Fraction 1 is `dueAt`
 * itself, even when `dueAt` is an opening reached by `addWorkingDays`. Pass the current `dueAt`
 * (after pauses) so reminders stay in proportion to the time actually granted.
 *
 * @throws RangeError when a fraction is outside [0, 1].
 */
export function reminderInstants(
  spec: ClockSpec,
  start: Date,
  dueAt: Date,
  fractions: readonly number[],
  cal: WorkingCalendar,
): ReminderInstant[] {
  for (const fraction of fractions) {
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new RangeError(`reminder fractions must lie in [0, 1], got ${fraction}`);
    }
  }
  if (spec.kind === 'calendar') {
    const from = start.getTime();
    const span = dueAt.getTime() - from;
    return fractions.map((fraction) => ({
      fraction,
      at: fraction === 1 ? new Date(dueAt.getTime()) : new Date(from + Math.round(span * fraction)),
    }));
  }
  const office = workingTimeBetween(cal, start, dueAt);
  return fractions.map((fraction) => ({
    fraction,
    at:
      fraction === 1 ? new Date(dueAt.getTime()) : addWorkingTime(cal, start, Math.round(office * fraction)),
  }));
}
