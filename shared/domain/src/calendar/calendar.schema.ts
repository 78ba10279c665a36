import type { FieldError } from '../validation/field-error';
import { isoWeekday, parseCivilDate, parseClockTime } from './civil-date';
import type { OfficePeriod, WorkingCalendar } from './working-calendar';

/** Result of {@link validateCalendar}; each error's `path` is such as `officeHours[1].end`. */
export type CalendarValidation =
  | { ok: true; calendar: WorkingCalendar }
  | { ok: false; errors: FieldError[] };

/** UTC−14:00 … UTC+14:00 covers every zone in use. */
const MAX_OFFSET_MINUTES = 14 * 60;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkOfficeHours(value: unknown, errors: FieldError[]): OfficePeriod[] {
  if (!Array.isArray(value) || value.length === 0) {
    errors.push({ path: 'officeHours', message: 'must be a non-empty array of { start, end }' });
    return [];
  }
  const periods: OfficePeriod[] = [];
  let previousEnd: number | undefined;
  value.forEach((item: unknown, index) => {
    const path = `officeHours[${index}]`;
    if (!isRecord(item) || typeof item.start !== 'string' || typeof item.end !== 'string') {
      errors.push({ path, message: "must be { start: 'HH:MM', end: 'HH:MM' }" });
      return;
    }
    const start = parseClockTime(item.start, false);
    const end = parseClockTime(item.end, true);
    if (start === undefined)
      errors.push({ path: `${path}.start`, message: 'must be a time HH:MM (00:00–23:59)' });
    if (end === undefined)
      errors.push({ path: `${path}.end`, message: 'must be a time HH:MM (00:00–24:00)' });
    if (start === undefined || end === undefined) return;
    if (end <= start) {
      errors.push({ path: `${path}.end`, message: `must be after start ${item.start}` });
      return;
    }
    // Touching periods (12:00–12:00) are fine; anything earlier overlaps or is out of order.
    if (previousEnd !== undefined && start < previousEnd) {
      errors.push({ path: `${path}.start`, message: 'must not be before the end of the previous period' });
    }
    previousEnd = end;
    periods.push({ start: item.start, end: item.end });
  });
  return periods;
}

function checkWeekdays(value: unknown, errors: FieldError[]): number[] {
  if (!Array.isArray(value) || value.length === 0) {
    errors.push({ path: 'workingWeekdays', message: 'must be a non-empty array of ISO weekdays 1–7' });
    return [];
  }
  const seen = new Set<number>();
  value.forEach((day: unknown, index) => {
    if (typeof day !== 'number' || !Number.isInteger(day) || day < 1 || day > 7) {
      errors.push({ path: `workingWeekdays[${index}]`, message: 'must be an ISO weekday 1 (Mon) – 7 (Sun)' });
    } else if (seen.has(day)) {
      errors.push({ path: `workingWeekdays[${index}]`, message: `duplicate weekday ${day}` });
    } else {
      seen.add(day);
    }
  });
  return [...seen].sort((a, b) => a - b);
}

/** A valid date from a list: its epoch day and where it stood in the input (for error paths). */
interface ListedDate {
  day: number;
  index: number;
}

/** Checks a date list; returns the valid dates keyed by their text. */
function checkDates(value: unknown, field: string, errors: FieldError[]): Map<string, ListedDate> {
  const dates = new Map<string, ListedDate>();
  if (!Array.isArray(value)) {
    errors.push({ path: field, message: "must be an array of 'YYYY-MM-DD' dates" });
    return dates;
  }
  value.forEach((text: unknown, index) => {
    const path = `${field}[${index}]`;
    const day = typeof text === 'string' ? parseCivilDate(text) : undefined;
    if (typeof text !== 'string' || day === undefined) {
      errors.push({ path, message: "must be a real date 'YYYY-MM-DD'" });
    } else if (dates.has(text)) {
      errors.push({ path, message: `duplicate date ${text}` });
    } else {
      dates.set(text, { day, index });
    }
  });
  return dates;
}

/**
 * Validates untrusted input (an admin form, a stored document) as a {@link WorkingCalendar}.
 *
 * Rules: office hours are valid `HH:MM`, each ends after it starts, and they are ascending and
 * non-overlapping; working weekdays are distinct ISO weekdays; dates are real calendar dates,
 * without duplicates; no date is both a holiday and a make-up day; a make-up day falls on a day
 * that is off in the normal week (a make-up Tuesday would mean the data is wrong, not "work more").
 *
 * On success the returned calendar is a fresh copy, so later changes to `value` cannot reach
 * the per-calendar cache used by the working-time functions.
 */
export function validateCalendar(value: unknown): CalendarValidation {
  const errors: FieldError[] = [];
  if (!isRecord(value)) {
    return { ok: false, errors: [{ path: '', message: 'must be an object' }] };
  }
  if (typeof value.id !== 'string' || value.id.trim().length === 0) {
    errors.push({ path: 'id', message: 'must be a non-empty string' });
  }
  const offset = value.timeZoneOffsetMinutes;
  if (typeof offset !== 'number' || !Number.isInteger(offset) || Math.abs(offset) > MAX_OFFSET_MINUTES) {
    errors.push({ path: 'timeZoneOffsetMinutes', message: 'must be an integer between -840 and 840' });
  }
  const officeHours = checkOfficeHours(value.officeHours, errors);
  const workingWeekdays = checkWeekdays(value.workingWeekdays, errors);
  const holidays = checkDates(value.holidays, 'holidays', errors);
  const makeUps = checkDates(value.makeUpWorkdays, 'makeUpWorkdays', errors);

  const weekdaySet = new Set(workingWeekdays);
  for (const [text, { day, index }] of makeUps) {
    const path = `makeUpWorkdays[${index}]`;
    if (holidays.has(text)) {
      errors.push({ path, message: `${text} is also listed as a holiday` });
    } else if (weekdaySet.size > 0 && weekdaySet.has(isoWeekday(day))) {
      errors.push({ path, message: `${text} is already a working weekday; a make-up day must be a day off` });
    }
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    calendar: {
      id: value.id as string,
      timeZoneOffsetMinutes: offset as number,
      officeHours,
      workingWeekdays,
      holidays: [...holidays.keys()],
      makeUpWorkdays: [...makeUps.keys()],
    },
  };
}
