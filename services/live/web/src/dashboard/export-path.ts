import type { Period } from './period';
import type { BoardFilter } from './ticket-board';

export type ExportFormat = 'csv' | 'jsonl';

/**
 * Query string for GET /api/v1/tickets/export: the dashboard's drill-down (area, unit, category)
 * and its KPI period, so the file holds the tickets behind the figures on screen.
 */
export function exportPath(filter: BoardFilter, period: Period, format: ExportFormat): string {
  const q = new URLSearchParams({ format, from: period.from, to: period.to });
  if (filter.areaId) q.set('areaId', filter.areaId);
  if (filter.unitId) q.set('unitId', filter.unitId);
  if (filter.category) q.set('category', filter.category);
  return `/api/v1/tickets/export?${q.toString()}`;
}

/** The file name the server gave in Content-Disposition, or one made from the period. */
export function exportFileName(disposition: string | null, period: Period, format: ExportFormat): string {
  const named = /filename="([^"]+)"/.exec(disposition ?? '')?.[1];
  return named ?? `tickets-${period.from}_${period.to}.${format}`;
}
