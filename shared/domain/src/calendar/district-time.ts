/**
 * The district's local time: China Standard Time. Mainland China keeps one time zone all year,
 * with no daylight saving, so a fixed offset from UTC converts every instant exactly and needs no
 * time-zone data (a browser or server in another zone gets the district's clock all the same).
 * Every day, hour and offset the product shows, stores or takes in is the district's, from here.
 */

/** The IANA name of the district's zone, for what wants a zone by name (calendars, Intl). */
export const DISTRICT_TIME_ZONE = 'Asia/Shanghai';

/** The district's offset from UTC in minutes: UTC+8, all year. */
export const DISTRICT_UTC_OFFSET_MINUTES = 8 * 60;

const OFFSET_MS = DISTRICT_UTC_OFFSET_MINUTES * 60_000;

/** The offset as an ISO 8601 / W3C datetime ends with it: `'+08:00'`. */
export const DISTRICT_UTC_OFFSET = offsetText(DISTRICT_UTC_OFFSET_MINUTES);

function offsetText(minutes: number): string {
  const hh = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0');
  const mm = String(Math.abs(minutes) % 60).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${hh}:${mm}`;
}

/**
 * What a clock in the district reads at an instant, to the millisecond and without a zone:
 * `'2026-11-28T00:30:00.000'` for `'2026-11-27T16:30:00Z'`. Throws a RangeError for an
 * unreadable instant, as `Date#toISOString` does.
 */
export function districtWallClock(at: Date | string | number): string {
  return new Date(new Date(at).getTime() + OFFSET_MS).toISOString().slice(0, 23);
}

/** The district's day of an instant, `'YYYY-MM-DD'`. */
export function districtDay(at: Date | string | number): string {
  return districtWallClock(at).slice(0, 10);
}

/**
 * An instant in the district's time to the second, with its offset (`'2026-05-01T09:30:00+08:00'`):
 * what a person there reads, and still the exact instant for a program.
 */
export function districtDateTime(at: Date | string | number): string {
  return `${districtWallClock(at).slice(0, 19)}${DISTRICT_UTC_OFFSET}`;
}

const LOCAL_DAY = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_DAY_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;

/**
 * The instant a clock in the district reads `local`: a day (`'2026-05-01'`, its first instant) or
 * a day and time without a zone (`'2026-05-01T18:00'`, seconds and a fraction optional). An
 * Invalid Date when the text is neither, or names no such day or time (`'2026-02-30'`, `'24:00'`,
 * which `Date` alone would roll over into the next day).
 */
export function districtInstant(local: string): Date {
  const withTime = LOCAL_DAY.test(local) ? `${local}T00:00` : local;
  const at = LOCAL_DAY_TIME.test(withTime)
    ? new Date(`${withTime}${DISTRICT_UTC_OFFSET}`)
    : new Date(Number.NaN);
  return Number.isNaN(at.getTime()) || !districtWallClock(at).startsWith(withTime)
    ? new Date(Number.NaN)
    : at;
}
