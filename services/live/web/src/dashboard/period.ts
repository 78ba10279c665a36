import { monthDays, reportDay } from '@grid-dispatch/domain';
import type { BoardFilter } from './ticket-board';

/**
 * A reporting period as people pick it: ISO dates in the district's reporting time (China
 * Standard Time, whatever the browser's zone), both days included — as the KPI API takes them.
 */
export interface Period {
  from: string;
  to: string;
}

/** The calendar month holding `now`, in reporting time (the domain's `reportDay`). */
export function monthPeriod(now: Date): Period {
  return monthDays(monthOf(now));
}

/** `YYYY-MM` of `now` in reporting time, the default month of the joint-meeting report. */
export function monthOf(now: Date): string {
  return reportDay(now.toISOString()).slice(0, 7);
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
  q.set('to', period.to);
  return `/api/v1/kpis?${q.toString()}`;
}

/** The monthly joint-meeting report, as a printable page or a CSV download. */
export function meetingPath(areaId: string, month: string, format: 'html' | 'csv'): string {
  return `/api/v1/meetings/${encodeURIComponent(areaId)}/${month}?format=${format}`;
}
