import { districtDateTime, districtInstant } from '@grid-dispatch/domain';

/**
 * W3C datetimes (https://www.w3.org/TR/NOTE-datetime) as Open311 uses them. Answers are written in
 * China Standard Time with its offset (`2026-05-01T09:30:00+08:00`); searches accept any of the
 * profile's forms from a whole day down to fractions of a second, with `Z` or an offset.
 */

/** An instant as a W3C datetime in China Standard Time, to the second, with its offset. */
export function w3cDateTime(at: Date | string): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (!Number.isFinite(ms)) throw new Error(`not an instant: ${String(at)}`);
  return districtDateTime(ms);
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export type ParsedDateTime = { ok: true; at: Date } | { ok: false; reason: string };

/**
 * A search bound. With a time the zone is required (`Z` or `±hh:mm`), as the W3C profile says;
 * a `+` that arrived as a space (an unencoded query string) is read as `+`. A bare date is a day
 * in China Standard Time: its first instant, or with `endOfDay` its last millisecond, so
 * `end_date=2026-05-01` includes that whole day.
 */
export function parseW3cDateTime(text: string, options: { endOfDay?: boolean } = {}): ParsedDateTime {
  const value = text.trim().replace(/ (\d{2}:\d{2})$/, '+$1');
  if (DATE_ONLY.test(value)) {
    const start = districtInstant(value).getTime();
    if (Number.isNaN(start)) return { ok: false, reason: 'no such date' };
    return { ok: true, at: new Date(options.endOfDay ? start + 86_400_000 - 1 : start) };
  }
  const full = DATE_TIME.exec(value);
  if (!full) {
    return {
      ok: false,
      reason: 'expected a W3C datetime such as 2026-05-01T08:00:00+08:00, 2026-05-01T00:00:00Z or 2026-05-01',
    };
  }
  const [, y, m, d, hh, mm, ss = '00', fraction = '', zone] = full;
  if (!validDate(Number(y), Number(m), Number(d))) return { ok: false, reason: 'no such date' };
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return { ok: false, reason: 'no such time' };
  if (zone !== 'Z') {
    const [oh, om] = zone!.slice(1).split(':').map(Number) as [number, number];
    if (oh > 14 || om > 59) return { ok: false, reason: 'no such time zone offset' };
  }
  const ms = Date.parse(`${y}-${m}-${d}T${hh}:${mm}:${ss}${fraction.slice(0, 4)}${zone}`);
  if (!Number.isFinite(ms)) return { ok: false, reason: 'not a datetime' };
  return { ok: true, at: new Date(ms) };
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}
