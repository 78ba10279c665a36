/**
 * Civil (wall-clock) date helpers shared by the calendar code.
 *
 * Days are handled as integer "epoch days" (days since 1970-01-01 in the calendar's local time)
 * so that day arithmetic is plain integer arithmetic, with no `Date` objects in hot loops.
 */

/** Milliseconds in a civil day (no leap seconds, no DST — see `WorkingCalendar`). */
export const MS_PER_DAY = 86_400_000;

/** Milliseconds in a minute. */
export const MS_PER_MINUTE = 60_000;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^(\d{2}):(\d{2})$/;

/**
 * Epoch day of a `'YYYY-MM-DD'` date, or `undefined` when the text is not a real date
 * (`'2026-02-30'` is rejected, which a bare `Date.parse` would silently roll over).
 */
export function parseCivilDate(text: string): number | undefined {
  const match = DATE_PATTERN.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  return ms / MS_PER_DAY;
}

/** `'YYYY-MM-DD'` for an epoch day. */
export function formatCivilDate(epochDay: number): string {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of an epoch day; 1970-01-01 was a Thursday. */
export function isoWeekday(epochDay: number): number {
  return (((epochDay % 7) + 10) % 7) + 1;
}

/**
 * Minutes since local midnight for `'HH:MM'`, or `undefined` when invalid. `'24:00'` is only
 * accepted when `allowMidnightEnd` is set, because it is meaningful as a closing time only.
 */
export function parseClockTime(text: string, allowMidnightEnd: boolean): number | undefined {
  const match = TIME_PATTERN.exec(text);
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours === 24 && minutes === 0 && allowMidnightEnd) return 24 * 60;
  if (hours > 23 || minutes > 59) return undefined;
  return hours * 60 + minutes;
}
