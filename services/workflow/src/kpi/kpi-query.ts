import type { StaffPrincipal } from '@grid-dispatch/auth';
import { type AreaNode, isWithinArea, reportDay } from '@grid-dispatch/domain';
import { AppError } from '@grid-dispatch/errors';

const QUERY_KEYS = ['areaId', 'unitId', 'from', 'to'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A period is read as month and day summaries; a year is the most one request may ask for. */
export const MAX_PERIOD_DAYS = 366;

/** Which stored scope to read, and which of its entries to keep. */
export interface KpiScope {
  /** `area:<id>` or `unit:<id>`: the bucket family read. */
  scope: string;
  areaId: string | null;
  unitId: string | null;
  from: string;
  to: string;
}

/**
 * Checks `?areaId=&unitId=&from=&to=` against the caller's scope. A unit member sees only their
 * own unit; a secretary their area and below (a unit's figures inside it, too); an admin anything.
 * A scope the caller may not see answers 404 like a missing one, so existence does not leak.
 */
export function resolveKpiScope(
  principal: StaffPrincipal,
  query: Record<string, unknown>,
  areas: readonly AreaNode[],
  now: Date,
): KpiScope {
  const q: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(query)) {
    if (!QUERY_KEYS.includes(key)) {
      throw new AppError('MALFORMED_REQUEST', `Unknown parameter "${key}".`, {
        fields: [{ path: key, message: `not one of ${QUERY_KEYS.join(', ')}` }],
      });
    }
    if (typeof value !== 'string' || value === '') {
      throw new AppError('MALFORMED_REQUEST', `Give ?${key}= once, as plain text.`, {
        fields: [{ path: key, message: 'expected one non-empty value' }],
      });
    }
    q[key] = value;
  }
  const { from, to } = period(q.from, q.to, now);
  const known = (id: string) => areas.some((a) => a.id === id);
  const notFound = (what: string) => new AppError('NOT_FOUND', `No ${what} you may see.`);

  let areaId = q.areaId ?? null;
  let unitId = q.unitId ?? null;
  if (areaId !== null && !known(areaId)) throw notFound(`area "${areaId}"`);
  if (principal.role === 'unit_member') {
    if (unitId !== null && unitId !== principal.unitId) throw notFound(`unit "${unitId}"`);
    unitId = principal.unitId;
    if (unitId === null) throw notFound('unit');
    return { scope: `unit:${unitId}`, areaId, unitId, from, to };
  }
  if (principal.role === 'admin') {
    if (areaId === null && unitId !== null) return { scope: `unit:${unitId}`, areaId, unitId, from, to };
    areaId ??= areas.find((a) => a.parentId === null)?.id ?? null;
    if (areaId === null) throw notFound('area');
    return { scope: `area:${areaId}`, areaId, unitId, from, to };
  }
  // Secretaries.
  const own = principal.areaId;
  if (own === null) throw notFound('area');
  areaId ??= own;
  if (!isWithinArea(areas, areaId, own)) throw notFound(`area "${areaId}"`);
  return { scope: `area:${areaId}`, areaId, unitId, from, to };
}

/** `from`/`to` as reporting days (dates, or instants taken in reporting time); default this month. */
function period(fromText: string | undefined, toText: string | undefined, now: Date) {
  const today = reportDay(now.toISOString());
  const from = fromText === undefined ? `${today.slice(0, 7)}-01` : asDay(fromText, 'from');
  const to = toText === undefined ? today : asDay(toText, 'to');
  if (to < from) {
    throw new AppError('VALIDATION_FAILED', 'The period ends before it starts.', {
      fields: [{ path: 'to', message: `must not be before from (${from})` }],
    });
  }
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > MAX_PERIOD_DAYS) {
    throw new AppError('VALIDATION_FAILED', `Ask for at most ${MAX_PERIOD_DAYS} days at a time.`, {
      fields: [{ path: 'to', message: `the period has ${days} days` }],
    });
  }
  return { from, to };
}

function asDay(text: string, path: string): string {
  if (DAY.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`))) {
    if (new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text) return text;
  } else if (!Number.isNaN(Date.parse(text)) && /T/.test(text)) {
    return reportDay(new Date(text).toISOString());
  }
  throw new AppError('VALIDATION_FAILED', `"${path}" is not a date.`, {
    fields: [{ path, message: 'expected YYYY-MM-DD or an ISO-8601 instant' }],
  });
}
