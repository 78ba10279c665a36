import type { FieldError } from '../validation/field-error';
import { validateCalendar } from './calendar.schema';
import { formatCivilDate, parseCivilDate } from './civil-date';
import { CHINA_HOLIDAY_YEARS } from './default-calendar';
import { DISTRICT_TIME_ZONE } from './district-time';
import type { HolidayYear } from './holiday-year';
import {
  DEFAULT_OFFICE_HOURS,
  MONDAY_TO_FRIDAY,
  type OfficePeriod,
  type WorkingCalendar,
} from './working-calendar';

/**
 * A working calendar as an administrator edits it (and as it is stored): named days per year
 * instead of the flat date lists the arithmetic works on. {@link toWorkingCalendar} flattens it.
 */

/** The calendar every deadline of the district runs on (one district, one calendar). */
export const DISTRICT_CALENDAR_ID = 'cn-default';

/** One named day: a holiday (`'春节'`) or a make-up working day (`'春节调休上班'`). */
export interface CalendarDay {
  date: string;
  name: string;
}

/** The exceptions of one year. */
export interface CalendarYear {
  year: number;
  /** `'reconstructed'`: not from an official notice; replace once it is published. */
  status: 'official' | 'reconstructed';
  /** Where the dates come from. */
  source: string;
  holidays: CalendarDay[];
  makeUpWorkdays: CalendarDay[];
}

export interface CalendarDefinition {
  id: string;
  name: { zh: string; en: string };
  /** IANA zone without daylight-saving time, e.g. `'Asia/Shanghai'`. */
  timezone: string;
  officeHours: OfficePeriod[];
  /** ISO weekdays (1 = Monday … 7 = Sunday) worked in a normal week. */
  workingWeekdays: number[];
  years: CalendarYear[];
}

export type CalendarDefinitionValidation =
  | { ok: true; definition: CalendarDefinition; calendar: WorkingCalendar }
  | { ok: false; errors: FieldError[] };

const MIN_YEAR = 1970;
const MAX_YEAR = 2200;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Offset of `timezone` from UTC in minutes, the same all year, or why not. Intl (ICU data shipped
 * with Node) is deterministic and does no I/O, so this stays a pure function.
 */
export function fixedOffsetMinutes(timezone: string, years: readonly number[] = [2026]): number | string {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone: timezone, timeZoneName: 'longOffset' });
  } catch {
    return `unknown time zone '${timezone}'`;
  }
  const offsets = new Set<number>();
  for (const year of years.length > 0 ? years : [2026]) {
    for (const month of [0, 3, 6, 9]) {
      const part = format
        .formatToParts(new Date(Date.UTC(year, month, 15)))
        .find((p) => p.type === 'timeZoneName');
      const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(part?.value ?? '');
      if (!match) return `cannot read the UTC offset of '${timezone}'`;
      const minutes = match[1] ? Number(match[2]) * 60 + Number(match[3]) : 0;
      offsets.add(match[1] === '-' ? -minutes : minutes);
    }
  }
  if (offsets.size > 1)
    return `'${timezone}' has daylight-saving time, which the calendar arithmetic does not support`;
  return [...offsets][0] as number;
}

function checkText(value: unknown, path: string, max: number, errors: FieldError[]): string {
  if (typeof value !== 'string' || value.trim().length === 0 || value.length > max) {
    errors.push({ path, message: `must be a non-empty text of at most ${max} characters` });
    return '';
  }
  return value.trim();
}

function checkDays(
  value: unknown,
  path: string,
  year: number,
  errors: FieldError[],
): Map<string, { index: number; day: number; name: string }> {
  const days = new Map<string, { index: number; day: number; name: string }>();
  if (!Array.isArray(value)) {
    errors.push({ path, message: "must be an array of { date: 'YYYY-MM-DD', name }" });
    return days;
  }
  value.forEach((item: unknown, index) => {
    const at = `${path}[${index}]`;
    if (!isRecord(item)) {
      errors.push({ path: at, message: "must be { date: 'YYYY-MM-DD', name }" });
      return;
    }
    const name = checkText(item.name, `${at}.name`, 100, errors);
    const text = item.date;
    const day = typeof text === 'string' ? parseCivilDate(text) : undefined;
    if (typeof text !== 'string' || day === undefined) {
      errors.push({ path: `${at}.date`, message: "must be a real date 'YYYY-MM-DD'" });
    } else if (Number(text.slice(0, 4)) !== year) {
      errors.push({ path: `${at}.date`, message: `${text} is not in ${year}` });
    } else if (days.has(text)) {
      errors.push({ path: `${at}.date`, message: `duplicate date ${text}` });
    } else {
      days.set(text, { index, day, name });
    }
  });
  return days;
}

function checkYears(value: unknown, weekdays: Set<number>, errors: FieldError[]): CalendarYear[] {
  if (!Array.isArray(value)) {
    errors.push({ path: 'years', message: 'must be an array of years' });
    return [];
  }
  const seen = new Set<number>();
  const years: CalendarYear[] = [];
  value.forEach((item: unknown, i) => {
    const at = `years[${i}]`;
    if (!isRecord(item)) {
      errors.push({ path: at, message: 'must be { year, holidays, makeUpWorkdays }' });
      return;
    }
    const year = item.year;
    if (typeof year !== 'number' || !Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
      errors.push({ path: `${at}.year`, message: `must be a year from ${MIN_YEAR} to ${MAX_YEAR}` });
      return;
    }
    if (seen.has(year)) {
      errors.push({ path: `${at}.year`, message: `${year} is listed twice` });
      return;
    }
    seen.add(year);
    const status = item.status ?? 'official';
    if (status !== 'official' && status !== 'reconstructed') {
      errors.push({ path: `${at}.status`, message: "must be 'official' or 'reconstructed'" });
    }
    const source = item.source === undefined ? '' : checkText(item.source, `${at}.source`, 500, errors);
    const holidays = checkDays(item.holidays, `${at}.holidays`, year, errors);
    const makeUps = checkDays(item.makeUpWorkdays, `${at}.makeUpWorkdays`, year, errors);
    for (const [text, { index, day }] of makeUps) {
      const path = `${at}.makeUpWorkdays[${index}].date`;
      if (holidays.has(text)) {
        errors.push({ path, message: `${text} is also listed as a holiday` });
      } else if (weekdays.has(isoWeekdayOf(day))) {
        errors.push({
          path,
          message: `${text} is already a working weekday; a make-up day must be a day off`,
        });
      }
    }
    const list = (days: typeof holidays) =>
      [...days.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, { name }]) => ({ date, name }));
    years.push({
      year,
      status: status as CalendarYear['status'],
      source,
      holidays: list(holidays),
      makeUpWorkdays: list(makeUps),
    });
  });
  return years.sort((a, b) => a.year - b.year);
}

function isoWeekdayOf(epochDay: number): number {
  return (((epochDay % 7) + 10) % 7) + 1;
}

/**
 * Validates untrusted input (an admin's PUT body, a stored document) as a calendar definition.
 * Errors name the exact field (`officeHours[1].start`, `years[0].makeUpWorkdays[2].date`).
 *
 * Rules, besides those of {@link validateCalendar} for office hours and weekdays: every date is a
 * real date in the year it is listed under; no date twice in a list; no date both a holiday and a
 * make-up day; a make-up day falls on a day off of the normal week; each year once; a time zone
 * with a fixed offset (China has no daylight-saving time). Dates come back sorted.
 */
export function validateCalendarDefinition(value: unknown): CalendarDefinitionValidation {
  if (!isRecord(value)) return { ok: false, errors: [{ path: '', message: 'must be an object' }] };
  const errors: FieldError[] = [];
  const id = value.id;
  if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9-]{1,62}$/.test(id)) {
    errors.push({ path: 'id', message: 'use 2–63 lower-case letters, digits and dashes' });
  }
  const name = isRecord(value.name) ? value.name : {};
  if (!isRecord(value.name)) errors.push({ path: 'name', message: 'must be { zh, en }' });
  const zh = checkText(name.zh, 'name.zh', 200, errors);
  const en = checkText(name.en, 'name.en', 200, errors);

  // Office hours and weekdays: the arithmetic's own rules, with its own field paths.
  const shape = validateCalendar({
    id: 'check',
    timeZoneOffsetMinutes: 0,
    officeHours: value.officeHours,
    workingWeekdays: value.workingWeekdays ?? MONDAY_TO_FRIDAY,
    holidays: [],
    makeUpWorkdays: [],
  });
  if (!shape.ok) errors.push(...shape.errors);
  // Checked above; the valid ones are enough to judge make-up days even when something else is wrong.
  const weekdayList: unknown = value.workingWeekdays ?? MONDAY_TO_FRIDAY;
  const weekdays = new Set(
    Array.isArray(weekdayList)
      ? weekdayList.filter((d): d is number => Number.isInteger(d) && d >= 1 && d <= 7)
      : [],
  );
  const years = checkYears(value.years, weekdays, errors);

  let offset = 0;
  if (typeof value.timezone !== 'string' || value.timezone.length === 0 || value.timezone.length > 64) {
    errors.push({ path: 'timezone', message: "must be an IANA time zone such as 'Asia/Shanghai'" });
  } else {
    const result = fixedOffsetMinutes(
      value.timezone,
      years.map((y) => y.year),
    );
    if (typeof result === 'string') errors.push({ path: 'timezone', message: result });
    else offset = result;
  }

  if (errors.length > 0 || !shape.ok) return { ok: false, errors };
  const definition: CalendarDefinition = {
    id: id as string,
    name: { zh, en },
    timezone: value.timezone as string,
    officeHours: shape.calendar.officeHours.map((p) => ({ start: p.start, end: p.end })),
    workingWeekdays: [...shape.calendar.workingWeekdays],
    years,
  };
  return { ok: true, definition, calendar: flatten(definition, offset) };
}

function flatten(definition: CalendarDefinition, offsetMinutes: number): WorkingCalendar {
  const years = definition.years;
  // Frozen: compiled calendars are cached per object (compiled-calendar.ts).
  return Object.freeze({
    id: definition.id,
    timeZoneOffsetMinutes: offsetMinutes,
    officeHours: Object.freeze(definition.officeHours.map((p) => Object.freeze({ ...p }))),
    workingWeekdays: Object.freeze([...definition.workingWeekdays]),
    holidays: Object.freeze(years.flatMap((y) => y.holidays.map((d) => d.date))),
    makeUpWorkdays: Object.freeze(years.flatMap((y) => y.makeUpWorkdays.map((d) => d.date))),
  });
}

/** The arithmetic's form of a definition; throws (RangeError) when it is not valid. */
export function toWorkingCalendar(definition: unknown): WorkingCalendar {
  const checked = validateCalendarDefinition(definition);
  if (!checked.ok) {
    const detail = checked.errors.map((e) => `${e.path}: ${e.message}`).join('; ');
    throw new RangeError(`invalid calendar definition: ${detail}`);
  }
  return checked.calendar;
}

function yearOf(source: HolidayYear): CalendarYear {
  const holidays: CalendarDay[] = [];
  const makeUpWorkdays: CalendarDay[] = [];
  for (const festival of source.festivals) {
    const first = parseCivilDate(festival.from) as number;
    const last = parseCivilDate(festival.to) as number;
    for (let day = first; day <= last; day += 1)
      holidays.push({ date: formatCivilDate(day), name: festival.name });
    for (const date of festival.makeUpWorkdays)
      makeUpWorkdays.push({ date, name: `${festival.name}调休上班` });
  }
  const byDate = (a: CalendarDay, b: CalendarDay) => (a.date < b.date ? -1 : 1);
  return {
    year: source.year,
    status: source.status,
    source: source.source,
    holidays: holidays.sort(byDate),
    makeUpWorkdays: makeUpWorkdays.sort(byDate),
  };
}

/**
 * The shipped calendar as a definition: what a first start stores as `cn-default` (the same days
 * as DEFAULT_CALENDAR; 2027 keeps its `'reconstructed'` status until the notice replaces it).
 */
export function defaultCalendarDefinition(): CalendarDefinition {
  return {
    id: DISTRICT_CALENDAR_ID,
    name: { zh: '中国工作日历（默认）', en: 'China working calendar (default)' },
    timezone: DISTRICT_TIME_ZONE,
    officeHours: DEFAULT_OFFICE_HOURS.map((p) => ({ start: p.start, end: p.end })),
    workingWeekdays: [...MONDAY_TO_FRIDAY],
    years: CHINA_HOLIDAY_YEARS.map(yearOf),
  };
}
