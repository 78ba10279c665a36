import type { WorkingCalendar } from '../calendar';
import { type ClockKind, parseIsoDuration, parseIsoDurationParts } from '../categories';
import { type ClockSpec, computeDueAt } from '../sla';

/** A week of a working clock: the standard working week. */
const WORKING_DAYS_PER_WEEK = 5;

/**
 * The clock a category's limit runs on. On a working clock a limit in whole days (`P5D`) means
 * working days — "5 working days" as a district sets its limits — and a week five of them; a limit with
 * hours, minutes or seconds in it means office hours.
 * On a calendar clock every duration is plain elapsed time.
 */
export function clockSpecFor(within: string, clock: ClockKind): ClockSpec {
  const durationMs = parseIsoDuration(within);
  if (clock === 'working') {
    // Read from the duration's parts, not its spelling: `P5DT0H` is the same 5 days as `P5D`.
    const { weeks, days, hours, minutes, seconds } = parseIsoDurationParts(within);
    const wholeDays = weeks * WORKING_DAYS_PER_WEEK + days;
    if (hours === 0 && minutes === 0 && seconds === 0 && Number.isInteger(wholeDays) && wholeDays > 0) {
      return { kind: 'working', durationMs, workingDays: wholeDays };
    }
  }
  return { kind: clock, durationMs };
}

/** When a limit written as an ISO-8601 duration runs out, started at `start`. */
export function deadlineFor(within: string, clock: ClockKind, start: Date, calendar: WorkingCalendar): Date {
  return computeDueAt(clockSpecFor(within, clock), start, calendar);
}
