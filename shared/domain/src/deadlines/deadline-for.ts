import type { WorkingCalendar } from '../calendar';
import { type ClockKind, parseIsoDuration } from '../categories';
import { type ClockSpec, computeDueAt } from '../sla';

const WHOLE_DAYS = /^P(\d+)D$/;
const WHOLE_WEEKS = /^P(\d+)W$/;

/**
 * The clock a category's limit runs on. On a working clock a limit in whole days (`P5D`) means
 * working days — "5 working days" as docs/product.md says — and a limit in hours means office hours.
 * On a calendar clock every duration is plain elapsed time.
 */
export function clockSpecFor(within: string, clock: ClockKind): ClockSpec {
  const durationMs = parseIsoDuration(within);
  if (clock === 'working') {
    const days = WHOLE_DAYS.exec(within);
    if (days) return { kind: 'working', durationMs, workingDays: Number(days[1]) };
    const weeks = WHOLE_WEEKS.exec(within);
    if (weeks) return { kind: 'working', durationMs, workingDays: Number(weeks[1]) * 5 };
  }
  return { kind: clock, durationMs };
}

/** When a limit written as an ISO-8601 duration runs out, started at `start`. */
export function deadlineFor(within: string, clock: ClockKind, start: Date, calendar: WorkingCalendar): Date {
  return computeDueAt(clockSpecFor(within, clock), start, calendar);
}
