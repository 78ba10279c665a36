/**
 * KPIs are counted per reporting day in the district's local time. China has one time zone with no
 * daylight saving (UTC+8), so a fixed offset is exact.
 */
export const REPORTING_UTC_OFFSET_MINUTES = 8 * 60;

/** `'YYYY-MM-DD'` of an instant in reporting time. */
export function reportDay(iso: string, offsetMinutes = REPORTING_UTC_OFFSET_MINUTES): string {
  const ms = Date.parse(iso);
  return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** Every day from `from` to `to`, both included (`'YYYY-MM-DD'`); empty when `to` is before `from`. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let ms = Date.parse(`${from}T00:00:00Z`); ms <= end; ms += 86_400_000) {
    days.push(new Date(ms).toISOString().slice(0, 10));
  }
  return days;
}

/** The first and last day of a `'YYYY-MM'` month. */
export function monthDays(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}
