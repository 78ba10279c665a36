import { CHINA_2026 } from './data/china-2026';
import { CHINA_2027 } from './data/china-2027';
import { DISTRICT_UTC_OFFSET_MINUTES } from './district-time';
import { type HolidayYear, holidayDates, makeUpDates } from './holiday-year';
import { DEFAULT_OFFICE_HOURS, MONDAY_TO_FRIDAY, type WorkingCalendar } from './working-calendar';

/**
 * Years of Chinese public holidays known to {@link DEFAULT_CALENDAR}, oldest first. Check
 * `status`: a `'reconstructed'` year is a best guess, not the State Council's schedule.
 */
export const CHINA_HOLIDAY_YEARS: readonly HolidayYear[] = Object.freeze([CHINA_2026, CHINA_2027]);

/**
 * Builds a calendar for mainland China (UTC+8, Monday–Friday) from holiday years. Outside the
 * years given, every Monday–Friday counts as a working day, so a deployment must add each new
 * year's data before that year starts.
 */
export function chinaCalendar(
  id: string,
  years: readonly HolidayYear[],
  officeHours = DEFAULT_OFFICE_HOURS,
): WorkingCalendar {
  return Object.freeze({
    id,
    timeZoneOffsetMinutes: DISTRICT_UTC_OFFSET_MINUTES,
    officeHours,
    workingWeekdays: MONDAY_TO_FRIDAY,
    holidays: Object.freeze(years.flatMap(holidayDates)),
    makeUpWorkdays: Object.freeze(years.flatMap(makeUpDates)),
  });
}

/**
 * China's working calendar: 08:30–12:00 and 13:00–17:30 Beijing time, Monday–Friday, with the
 * public holidays and make-up working weekends (调休) of 2026 (official) and 2027
 * (reconstructed — see `data/china-2027.ts`). Frozen, because compiled calendars are cached.
 */
export const DEFAULT_CALENDAR: WorkingCalendar = chinaCalendar('cn-default', CHINA_HOLIDAY_YEARS);
