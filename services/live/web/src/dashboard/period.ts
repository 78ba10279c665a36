import type { BoardFilter } from './ticket-board';

/**
 * A reporting period as people pick it: ISO dates, both days included. The API's `to` is
 * exclusive (like the ticket list's), so kpiPath sends the day after.
 */
export interface Period {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** The calendar month holding `now` (local time: the secretary thinks in Beijing dates). */
export function monthPeriod(now: Date): Period {
  const from = new Date(now.getFullYear(), now.getMonth(), 1);
  const to = new Date(now.getFullYear(), now.getMonth() + 1, 0);
  return { from: isoDate(from), to: isoDate(to) };
}

/** `YYYY-MM` of `now`, the default month of the joint-meeting report. */
export function monthOf(now: Date): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}`;
}

export function isValidPeriod(p: Period): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(p.from) && /^\d{4}-\d{2}-\d{2}$/.test(p.to) && p.from <= p.to;
}

/**
 * Query string for GET /api/v1/kpis: area, unit and period. The API has no category filter; a
 * category drill-down reads its row of `byCategory` instead (see kpi-view.ts).
 */
export function kpiPath(filter: BoardFilter, period: Period): string {
  const q = new URLSearchParams();
  if (filter.areaId) q.set('areaId', filter.areaId);
  if (filter.unitId) q.set('unitId', filter.unitId);
  q.set('from', period.from);
  q.set('to', dayAfter(period.to));
  return `/api/v1/kpis?${q.toString()}`;
}

/** The monthly joint-meeting report, as a printable page or a CSV download. */
export function meetingPath(areaId: string, month: string, format: 'html' | 'csv'): string {
  return `/api/v1/meetings/${encodeURIComponent(areaId)}/${month}?format=${format}`;
}

/** `YYYY-MM-DD` plus one day, in UTC so no time zone shifts the date. */
export function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
