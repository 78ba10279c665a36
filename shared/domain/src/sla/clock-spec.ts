import type { WorkingCalendar } from '../calendar/working-calendar';
import { addWorkingDays } from '../calendar/working-days';
import { addWorkingTime } from '../calendar/working-time';

/**
 * A time limit as the clock sees it.
 *
 * `kind` mirrors the category's clock kind: `'calendar'` counts every millisecond (P1/P2),
 * `'working'` counts office time only (P3/P4).
 */
export interface ClockSpec {
  kind: 'calendar' | 'working';
  /** The limit as a plain duration in ms (what `PT4H` or `P5D` parse to). */
  durationMs: number;
  /**
   * Set when a working-kind limit was written in whole days (`P5D`): it then means 5 working
   * days (see `addWorkingDays`) and `durationMs` is not used. Ignored for calendar clocks.
   */
  workingDays?: number;
}

/**
 * When a limit that starts at `start` runs out.
 *
 * - calendar clock: `start + durationMs`;
 * - working clock in whole days: `addWorkingDays(cal, start, workingDays)`;
 * - other working clocks: `addWorkingTime(cal, start, durationMs)`.
 *
 * @throws RangeError for a negative or non-finite duration.
 */
export function computeDueAt(spec: ClockSpec, start: Date, cal: WorkingCalendar): Date {
  if (spec.kind === 'calendar') {
    if (!Number.isFinite(spec.durationMs) || spec.durationMs < 0) {
      throw new RangeError(`durationMs must be a finite number ≥ 0, got ${spec.durationMs}`);
    }
    return new Date(start.getTime() + Math.round(spec.durationMs));
  }
  if (spec.workingDays !== undefined) return addWorkingDays(cal, start, spec.workingDays);
  return addWorkingTime(cal, start, spec.durationMs);
}
