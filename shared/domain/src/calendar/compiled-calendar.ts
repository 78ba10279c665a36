import { validateCalendar } from './calendar.schema';
import { isoWeekday, MS_PER_DAY, MS_PER_MINUTE, parseCivilDate, parseClockTime } from './civil-date';
import type { WorkingCalendar } from './working-calendar';

/**
 * A calendar turned into numbers, so that working-time questions cost O(log E) (E = number of
 * holiday/make-up exceptions) instead of a walk over days or minutes.
 *
 * The core idea is a cumulative "office clock" `officeClock(t)`: milliseconds of office time from
 * an arbitrary origin up to instant `t`. Office time between two instants is a difference of two
 * clock readings, and adding office time is the inverse lookup. The clock is built from
 * - `workingDaysBefore(day)`: working days in [origin, day), counted per whole week from the
 *   weekday pattern plus a prefix sum over the sparse exceptions (binary search), and
 * - the office time already elapsed within the day (a loop over the 1–3 periods of a day).
 *
 * Internal to the calendar folder: not exported from the package.
 */
export interface CompiledCalendar {
  offsetMs: number;
  /** Period openings and closings in ms since local midnight, ascending. */
  starts: number[];
  ends: number[];
  /** Office time of one working day. */
  dailyMs: number;
  /** Working-day flag per `epochDay mod 7` (0 = a Thursday, as 1970-01-01). */
  weekMask: boolean[];
  /** Working days per normal week (≥ 1). */
  perWeek: number;
  /** `prefixInWeek[r]`: working days among the first `r` days of a week that starts on index 0. */
  prefixInWeek: number[];
  /** Days whose status differs from the weekday pattern, ascending. */
  exceptionDays: number[];
  /** `exceptionPrefix[i]`: net working-day change of the first `i` exceptions (+1 make-up, −1 holiday). */
  exceptionPrefix: number[];
  overrides: Map<number, boolean>;
  /** Largest |exceptionPrefix[i]|; bounds how far an estimate from the weekly pattern can be off. */
  maxDrift: number;
}

const cache = new WeakMap<WorkingCalendar, CompiledCalendar>();

function build(cal: WorkingCalendar): CompiledCalendar {
  const checked = validateCalendar(cal);
  if (!checked.ok) {
    const detail = checked.errors.map((e) => `${e.path}: ${e.message}`).join('; ');
    throw new Error(`invalid working calendar '${String((cal as { id?: unknown }).id)}': ${detail}`);
  }
  const starts = cal.officeHours.map((p) => (parseClockTime(p.start, false) as number) * MS_PER_MINUTE);
  const ends = cal.officeHours.map((p) => (parseClockTime(p.end, true) as number) * MS_PER_MINUTE);
  const dailyMs = starts.reduce((sum, start, i) => sum + ((ends[i] as number) - start), 0);

  const weekdays = new Set(cal.workingWeekdays);
  const weekMask = Array.from({ length: 7 }, (_, r) => weekdays.has(isoWeekday(r)));
  const prefixInWeek = [0];
  for (let r = 0; r < 7; r += 1) prefixInWeek.push((prefixInWeek[r] as number) + (weekMask[r] ? 1 : 0));

  // Only exceptions that change something are kept: a holiday on a Sunday is already a day off.
  const overrides = new Map<number, boolean>();
  for (const text of cal.holidays) {
    const day = parseCivilDate(text) as number;
    if (weekMask[mod7(day)]) overrides.set(day, false);
  }
  for (const text of cal.makeUpWorkdays) {
    const day = parseCivilDate(text) as number;
    if (!weekMask[mod7(day)]) overrides.set(day, true);
  }
  const exceptionDays = [...overrides.keys()].sort((a, b) => a - b);
  const exceptionPrefix = [0];
  let maxDrift = 0;
  for (const day of exceptionDays) {
    const next = (exceptionPrefix[exceptionPrefix.length - 1] as number) + (overrides.get(day) ? 1 : -1);
    exceptionPrefix.push(next);
    maxDrift = Math.max(maxDrift, Math.abs(next));
  }
  return {
    offsetMs: cal.timeZoneOffsetMinutes * MS_PER_MINUTE,
    starts,
    ends,
    dailyMs,
    weekMask,
    perWeek: prefixInWeek[7] as number,
    prefixInWeek,
    exceptionDays,
    exceptionPrefix,
    overrides,
    maxDrift,
  };
}

/** The compiled form of `cal`, built once per calendar object; throws if `cal` is invalid. */
export function compile(cal: WorkingCalendar): CompiledCalendar {
  let compiled = cache.get(cal);
  if (compiled === undefined) {
    compiled = build(cal);
    cache.set(cal, compiled);
  }
  return compiled;
}

function mod7(day: number): number {
  return ((day % 7) + 7) % 7;
}

/** Index of the first element of sorted `values` that is ≥ `target`. */
function lowerBound(values: number[], target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether the local epoch day is a working day. */
export function isWorkingDayNumber(c: CompiledCalendar, day: number): boolean {
  return c.overrides.get(day) ?? (c.weekMask[mod7(day)] as boolean);
}

/** Working days in [epoch day 0, day); negative for days before 1970 (it is only ever differenced). */
export function workingDaysBefore(c: CompiledCalendar, day: number): number {
  const weeks = Math.floor(day / 7);
  const rest = day - weeks * 7;
  const pattern = weeks * c.perWeek + (c.prefixInWeek[rest] as number);
  return pattern + (c.exceptionPrefix[lowerBound(c.exceptionDays, day)] as number);
}

/** The working day with zero-based index `index`, i.e. the day D with workingDaysBefore(D) = index. */
export function workingDayAt(c: CompiledCalendar, index: number): number {
  // The weekly pattern puts the answer near `estimate`; exceptions shift it by at most maxDrift
  // working days, i.e. about maxDrift / perWeek weeks, so a bounded binary search suffices.
  const estimate = Math.floor(index / c.perWeek) * 7;
  const margin = 7 * (Math.ceil(c.maxDrift / c.perWeek) + 2);
  let lo = estimate - margin;
  let hi = estimate + margin;
  // Smallest D in [lo, hi] with workingDaysBefore(D + 1) > index.
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (workingDaysBefore(c, mid + 1) > index) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Office time elapsed within a working day by local time-of-day `tod` (ms since midnight). */
function officeMsBefore(c: CompiledCalendar, tod: number): number {
  let sum = 0;
  for (let i = 0; i < c.starts.length; i += 1) {
    const start = c.starts[i] as number;
    const end = c.ends[i] as number;
    if (tod <= start) break;
    sum += Math.min(tod, end) - start;
  }
  return sum;
}

/** Office time from the origin up to UTC instant `t` (ms); non-decreasing, flat outside office hours. */
export function officeClock(c: CompiledCalendar, t: number): number {
  const local = t + c.offsetMs;
  const day = Math.floor(local / MS_PER_DAY);
  const base = workingDaysBefore(c, day) * c.dailyMs;
  return isWorkingDayNumber(c, day) ? base + officeMsBefore(c, local - day * MS_PER_DAY) : base;
}

/** UTC instant of local time-of-day `tod` on epoch day `day`. */
export function instantOf(c: CompiledCalendar, day: number, tod: number): number {
  return day * MS_PER_DAY + tod - c.offsetMs;
}

/**
 * The earliest instant at which {@link officeClock} reaches `reading`. For a reading that ends
 * exactly on a period boundary this is the closing instant, never the next opening.
 */
export function instantAtOfficeClock(c: CompiledCalendar, reading: number): number {
  const index = Math.ceil(reading / c.dailyMs) - 1;
  let rest = reading - index * c.dailyMs; // in (0, dailyMs]
  const day = workingDayAt(c, index);
  for (let i = 0; i < c.starts.length; i += 1) {
    const start = c.starts[i] as number;
    const length = (c.ends[i] as number) - start;
    if (rest <= length) return instantOf(c, day, start + rest);
    rest -= length;
  }
  // Unreachable: `rest` never exceeds the office time of a day.
  return instantOf(c, day, c.ends[c.ends.length - 1] as number);
}

/** The first instant ≥ `t` that lies inside office hours (periods are half-open [open, close)). */
export function nextOfficeInstant(c: CompiledCalendar, t: number): number {
  const local = t + c.offsetMs;
  const day = Math.floor(local / MS_PER_DAY);
  if (isWorkingDayNumber(c, day)) {
    const tod = local - day * MS_PER_DAY;
    for (let i = 0; i < c.ends.length; i += 1) {
      if ((c.ends[i] as number) > tod) return instantOf(c, day, Math.max(c.starts[i] as number, tod));
    }
  }
  const next = workingDayAt(c, workingDaysBefore(c, day + 1));
  return instantOf(c, next, c.starts[0] as number);
}
