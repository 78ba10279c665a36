import type { StaffPrincipal } from '@grid-dispatch/auth';
import { ticketStatusSchema } from '@grid-dispatch/contracts';
import { AppError } from '@grid-dispatch/errors';
import { isInScope } from '../ticket-scope';
import type { ExportTicket } from './ticket-export-row';

export const EXPORT_FORMATS = ['csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The longest period one export may cover: a year, leap day included. */
export const EXPORT_MAX_DAYS = 366;

const PARAMS = ['format', 'from', 'to', 'areaId', 'unitId', 'status', 'category'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const STATUSES: readonly string[] = ticketStatusSchema.options;

/** What to export: a format, reporting days (China Standard Time, both included) and filters. */
export interface ExportQuery {
  format: ExportFormat;
  from: string;
  to: string;
  areaId: string | null;
  unitId: string | null;
  statuses: string[] | null;
  category: string | null;
}

/** An unknown or repeated parameter: the request is malformed (400), as for the ticket list. */
const malformed = (path: string, why: string) =>
  new AppError('MALFORMED_REQUEST', `${path}: ${why}.`, { fields: [{ path, message: why }] });
/** A well-formed parameter with a value that cannot be (422), as for the ticket list. */
const bad = (path: string, why: string) =>
  new AppError('VALIDATION_FAILED', `${path}: ${why}.`, { fields: [{ path, message: why }] });

function isDay(text: string): boolean {
  return DAY.test(text) && new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;
}

/**
 * Checks `?format=&from=&to=&areaId=&unitId=&status=&category=`. An unknown, repeated or empty
 * parameter answers 400 (so no `$`-operator or array reaches the query), a wrong value 422, each
 * naming its field and why. The period defaults to this month so far, as the dashboard's KPIs do. Pure: `today` is
 * the reporting day of the request.
 */
export function parseExportQuery(query: Record<string, unknown>, today: string): ExportQuery {
  const q: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (!PARAMS.includes(key))
      throw malformed(key, `unknown parameter; expected one of ${PARAMS.join(', ')}`);
    if (typeof value !== 'string' || value === '') throw malformed(key, 'give it once, as non-empty text');
    q[key] = value;
  }
  const format = q.format ?? 'csv';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw bad('format', `expected ${EXPORT_FORMATS.join(' or ')}`);
  const from = q.from ?? `${today.slice(0, 7)}-01`;
  const to = q.to ?? today;
  if (!isDay(from)) throw bad('from', 'expected a day, YYYY-MM-DD (China Standard Time)');
  if (!isDay(to)) throw bad('to', 'expected a day, YYYY-MM-DD (China Standard Time)');
  if (to < from) throw bad('to', `must not be before from (${from})`);
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > EXPORT_MAX_DAYS)
    throw bad('to', `the period has ${days} days; export at most ${EXPORT_MAX_DAYS} at a time`);
  let statuses: string[] | null = null;
  if (q.status !== undefined) {
    statuses = q.status.split(',');
    const unknown = statuses.find((s) => !STATUSES.includes(s));
    if (unknown !== undefined)
      throw bad('status', `unknown status "${unknown}"; expected ${STATUSES.join(', ')}`);
  }
  return {
    format: format as ExportFormat,
    from,
    to,
    areaId: q.areaId ?? null,
    unitId: q.unitId ?? null,
    statuses,
    category: q.category ?? null,
  };
}

/**
 * Whether a ticket belongs in the caller's export: inside their scope exactly as the ticket list
 * scopes it (the administrator: the whole system), then the filters as the list applies them — an
 * area anywhere on the ticket's path, a unit leading or assisting.
 */
export function inExport(
  principal: StaffPrincipal,
  query: ExportQuery,
  ticket: Pick<ExportTicket, 'unitId' | 'assistUnitIds' | 'areaIds' | 'status' | 'category'>,
): boolean {
  if (principal.role !== 'admin' && !isInScope(principal, ticket)) return false;
  if (query.areaId !== null && !ticket.areaIds.includes(query.areaId)) return false;
  if (
    query.unitId !== null &&
    ticket.unitId !== query.unitId &&
    !(ticket.assistUnitIds ?? []).includes(query.unitId)
  )
    return false;
  if (query.statuses !== null && !query.statuses.includes(ticket.status)) return false;
  if (query.category !== null && ticket.category !== query.category) return false;
  return true;
}

/** One database read of an export's day, and the tickets an earlier read of that day returned. */
export interface DayRead {
  filter: Record<string, unknown>;
  alreadyRead: (ticket: Pick<ExportTicket, 'unitId'>) => boolean;
}

/**
 * The reads that together return every ticket of one day the export may hold, each filter made
 * of plain equalities only: FerretDB answers those inside PostgreSQL (a ticket outside them costs
 * next to nothing), while `$or`, `$in` or `$ne` make it fetch and decode every ticket of the day.
 * So a unit's tickets are two reads, those it leads and those it assists, and a list of statuses
 * is left to `inExport`, which checks every condition again on each ticket.
 */
export function dayReads(principal: StaffPrincipal, query: ExportQuery, day: string): DayRead[] {
  const base: Record<string, unknown> = { createdDay: day };
  const area = query.areaId ?? (principal.role.endsWith('_secretary') ? principal.areaId : null);
  if (area) base.areaIds = area;
  if (query.category !== null) base.category = query.category;
  if (query.statuses?.length === 1) base.status = query.statuses[0];
  const unit = principal.role === 'unit_member' ? principal.unitId : query.unitId;
  if (!unit) return [{ filter: base, alreadyRead: () => false }];
  return [
    { filter: { ...base, unitId: unit }, alreadyRead: () => false },
    { filter: { ...base, assistUnitIds: unit }, alreadyRead: (t) => t.unitId === unit },
  ];
}
