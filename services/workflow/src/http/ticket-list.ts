import type { StaffPrincipal } from '@grid-dispatch/auth';
import type { TicketDoc } from '@grid-dispatch/db';
import { isOpenStatus, isTicketStatus } from '@grid-dispatch/domain';
import { AppError } from '@grid-dispatch/errors';
import { scopeFilter } from '../ticket-scope';
import type { WorkflowPlatform } from '../workflow-platform';
import { staffTicketView } from './ticket-view';

const FILTERS = ['status', 'category', 'unitId', 'areaId', 'overdue', 'from', 'to', 'limit', 'cursor'];

/** The deadline that comes first among those still running; the list is sorted by it (most urgent first). */
function nextDue(t: Pick<TicketDoc, 'deadlines'>): string {
  const due = Object.values(t.deadlines ?? {})
    .filter((d) => d && !d.pausedAt)
    .map((d) => d!.dueAt)
    .sort();
  return due[0] ?? '9999-12-31T00:00:00.000Z';
}

function one(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw new AppError('MALFORMED_REQUEST', `Give ?${name}= once, as plain text.`, {
      fields: [{ path: name, message: 'expected one value' }],
    });
  }
  return value;
}

/**
 * GET /api/v1/tickets: the caller's tickets, filtered, most urgent deadline first, paged with an
 * opaque cursor. Every filter value is checked to be a plain string, so no `$`-operator reaches
 * the query. Sorting by the computed deadline happens here, after the scoped query.
 */
export async function listTickets(
  platform: WorkflowPlatform,
  principal: StaffPrincipal,
  query: Record<string, unknown>,
) {
  for (const key of Object.keys(query)) {
    if (!FILTERS.includes(key))
      throw new AppError('MALFORMED_REQUEST', `Unknown filter "${key}".`, {
        fields: [{ path: key, message: 'unknown filter' }],
      });
  }
  const scope = scopeFilter(principal);
  if (!scope) return { items: [], nextCursor: null };
  const filter: Record<string, unknown> = { ...scope };
  const status = one(query, 'status');
  if (status !== undefined) {
    const list = status.split(',');
    if (!list.every(isTicketStatus))
      throw new AppError('VALIDATION_FAILED', 'Unknown status.', {
        fields: [{ path: 'status', message: 'unknown status' }],
      });
    filter.status = { $in: list };
  }
  const category = one(query, 'category');
  if (category !== undefined) filter.category = category;
  const unitId = one(query, 'unitId');
  const areaId = one(query, 'areaId');
  const limitText = one(query, 'limit') ?? '50';
  const limit = Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw new AppError('VALIDATION_FAILED', 'limit must be 1–100.', {
      fields: [{ path: 'limit', message: 'must be an integer from 1 to 100' }],
    });
  }
  const from = parseDate(one(query, 'from'), 'from');
  const to = parseDate(one(query, 'to'), 'to');
  const overdue = one(query, 'overdue');
  if (overdue !== undefined && overdue !== 'true' && overdue !== 'false') {
    throw new AppError('VALIDATION_FAILED', 'overdue is true or false.', {
      fields: [{ path: 'overdue', message: 'expected true or false' }],
    });
  }
  const cursor = one(query, 'cursor');
  const after = cursor ? decodeCursor(cursor) : null;

  const now = new Date().toISOString();
  const rows = (
    await platform.models.tickets.find(filter, { events: 0, outbox: 0 }).lean<TicketDoc[]>().exec()
  )
    .filter((t) => unitId === undefined || t.unitId === unitId || t.assistUnitIds.includes(unitId))
    .filter((t) => areaId === undefined || t.areaIds.includes(areaId))
    .filter((t) => !from || new Date(t.createdAt) >= from)
    .filter((t) => !to || new Date(t.createdAt) < to)
    .filter(
      (t) => overdue === undefined || (isOpenStatus(t.status) && nextDue(t) < now) === (overdue === 'true'),
    )
    .map((t) => ({ t, key: `${nextDue(t)}|${t._id}` }))
    .filter((r) => !after || r.key > after)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => staffTicketView({ ...r.t, events: [] }, false)),
    nextCursor: rows.length > limit ? Buffer.from(page[page.length - 1]!.key).toString('base64url') : null,
  };
}

function parseDate(value: string | undefined, name: string): Date | null {
  if (value === undefined) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new AppError('VALIDATION_FAILED', `${name} is not a date.`, {
      fields: [{ path: name, message: 'expected an ISO-8601 time' }],
    });
  return date;
}

function decodeCursor(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^\d{4}-\d{2}-\d{2}T[\d:.]+Z\|[\w-]+$/.test(key)) {
    throw new AppError('MALFORMED_REQUEST', 'Invalid cursor; start again without one.', {
      fields: [{ path: 'cursor', message: 'invalid' }],
    });
  }
  return key;
}
