/**
 * A working calendar: when a unit's office is staffed, so that "4 working hours" and
 * "5 working days" can be turned into instants.
 *
 * Arrays are typed `readonly` because compiled calendars are cached per object (see
 * `compiled-calendar.ts`); a calendar must not be mutated after it has been used.
 */

/** One staffed period of a working day, in the calendar's local time (`'HH:MM'`, end exclusive). */
export interface OfficePeriod {
  /** Opening time, `'HH:MM'` (00:00–23:59). */
  start: string;
  /** Closing time, `'HH:MM'`; `'24:00'` is allowed for a period that runs to midnight. */
  end: string;
}

/** Office hours, working weekdays and exceptions of one organisation. */
export interface WorkingCalendar {
  /** Stable identifier, e.g. `'cn-default'`. */
  id: string;
  /**
   * Offset of local time from UTC in minutes (Asia/Shanghai = 480). A fixed offset is enough for
   * China, which has no daylight-saving time; zones with DST are out of scope.
   */
  timeZoneOffsetMinutes: number;
  /** Staffed periods of every working day, ascending and non-overlapping. */
  officeHours: readonly OfficePeriod[];
  /** ISO weekdays (1 = Monday … 7 = Sunday) that are working days in a normal week. */
  workingWeekdays: readonly number[];
  /** `'YYYY-MM-DD'` days off. Listing a weekend day of a holiday block is allowed and harmless. */
  holidays: readonly string[];
  /** `'YYYY-MM-DD'` days off in the normal week that are worked instead (调休 make-up days). */
  makeUpWorkdays: readonly string[];
}

/** Office hours used by {@link DEFAULT_CALENDAR}: 08:30–12:00 and 13:00–17:30. */
export const DEFAULT_OFFICE_HOURS: readonly OfficePeriod[] = Object.freeze([
  Object.freeze({ start: '08:30', end: '12:00' }),
  Object.freeze({ start: '13:00', end: '17:30' }),
]);

/** Monday to Friday as ISO weekdays. */
export const MONDAY_TO_FRIDAY: readonly number[] = Object.freeze([1, 2, 3, 4, 5]);
