import { districtDay } from '../calendar/district-time';

/** `'YYYY-MM-DD'` of an instant in reporting time: KPIs are counted per day of the district. */
export function reportDay(iso: string): string {
  return districtDay(iso);
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
