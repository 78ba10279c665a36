import { AppError } from '@grid-dispatch/errors';
import { invalid, queryText } from '../http/admin/admin.common';

/**
 * The query of a staff list: `?limit=` (1–100, default 50), `?cursor=` (the last id of the previous
 * page) and equality filters among `filters`, each checked against its allowed values when given.
 * Anything else answers 400, so no value other than a known string reaches a filter.
 */
export function listQuery(
  query: Record<string, unknown>,
  filters: Record<string, readonly string[] | null>,
): { filter: Record<string, unknown>; limit: number } {
  for (const key of Object.keys(query)) {
    if (key !== 'limit' && key !== 'cursor' && !(key in filters)) {
      throw new AppError('MALFORMED_REQUEST', `Unknown query parameter "${key}".`, {
        fields: [{ path: key, message: 'unknown parameter' }],
      });
    }
  }
  const limitText = queryText(query, 'limit') ?? '50';
  const limit = Number(limitText);
  if (!/^\d+$/.test(limitText) || limit < 1 || limit > 100)
    throw invalid('limit', 'must be an integer from 1 to 100');
  const filter: Record<string, unknown> = {};
  for (const [name, allowed] of Object.entries(filters)) {
    const value = queryText(query, name);
    if (value === undefined) continue;
    if (allowed && !allowed.includes(value)) throw invalid(name, `one of ${allowed.join(', ')}`);
    filter[name] = value;
  }
  const cursor = queryText(query, 'cursor');
  if (cursor) filter._id = { $gt: cursor };
  return { filter, limit };
}

/** One page in `_id` order from `limit + 1` documents read. */
export function pageOf<T extends { _id: string }, V>(docs: T[], limit: number, view: (doc: T) => V) {
  const page = docs.slice(0, limit);
  return { items: page.map(view), nextCursor: docs.length > limit ? page[page.length - 1]!._id : null };
}
