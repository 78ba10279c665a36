import type { PasswordHasher } from '@grid-dispatch/auth';
import { isDuplicateKeyError } from '@grid-dispatch/db';
import type { FieldError } from '@grid-dispatch/domain';
import { AppError } from '@grid-dispatch/errors';
import type { ReferenceDataAnnouncement, ReferenceEntity } from '@grid-dispatch/kafka';
import type { Model } from 'mongoose';
import type { WorkflowPlatform } from '../../workflow-platform';

/**
 * Tells every process that something changed: moves the reference stamp on (awaited, so the
 * next report anywhere sees the change) and announces it on the `reference-data` topic (fire and
 * forget, see the publisher).
 */
export type Announce = (
  entity: ReferenceEntity,
  id: string,
  action: ReferenceDataAnnouncement['action'],
) => Promise<void>;

/** What every admin resource router needs. */
export interface AdminContext {
  platform: WorkflowPlatform;
  announce: Announce;
  /** bcrypt on worker threads (see PasswordHasher). */
  passwords: Pick<PasswordHasher, 'hash'>;
}

/** A 422 naming the one field that is semantically wrong. */
export function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `${path}: ${message}`, { fields: [{ path, message }] });
}

/** A 422 naming several fields at once, or nothing when the list is empty. */
export function throwIfInvalid(fields: FieldError[]): void {
  if (fields.length === 0) return;
  throw new AppError('VALIDATION_FAILED', fields.map((f) => `${f.path}: ${f.message}`).join('; '), {
    fields,
  });
}

export function notFound(what: string, id: string): AppError {
  return new AppError('NOT_FOUND', `No ${what} "${id}".`);
}

/** A 409: the request conflicts with data as it is now (a duplicate, or a record still in use). */
export function conflict(message: string): AppError {
  return new AppError('VERSION_CONFLICT', message);
}

/** A unique-index violation, in either of the forms FerretDB answers (see isDuplicateKeyError). */
export const isUniqueViolation = isDuplicateKeyError;

/** Runs a write, turning a unique-index violation into a 409 with `message`. */
export async function uniquely<T>(write: () => Promise<T>, message: string): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(message);
    throw error;
  }
}

/**
 * One query parameter as plain text. Arrays (`?a=1&a=2`) are refused so no value other than a
 * string ever reaches a filter.
 */
export function queryText(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length > 200) {
    throw new AppError('MALFORMED_REQUEST', `Give ?${name}= once, as plain text.`, {
      fields: [{ path: name, message: 'expected one value' }],
    });
  }
  return value;
}

/**
 * One page of a collection in `_id` order: `?limit=` (1–100, default 50) and `?cursor=` (the last
 * id of the previous page). `filters` names the other query parameters allowed; each becomes an
 * equality on the field of the same name.
 */
export async function listPage<T extends { _id: string }, V>(
  model: Model<T>,
  query: Record<string, unknown>,
  filters: readonly string[],
  view: (doc: T) => V,
): Promise<{ items: V[]; nextCursor: string | null }> {
  for (const key of Object.keys(query)) {
    if (key !== 'limit' && key !== 'cursor' && !filters.includes(key)) {
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
  for (const name of filters) {
    const value = queryText(query, name);
    if (value !== undefined) filter[name] = value;
  }
  const cursor = queryText(query, 'cursor');
  if (cursor) filter._id = { $gt: cursor };
  const docs = (await model
    .find(filter)
    .sort({ _id: 1 })
    .limit(limit + 1)
    .lean()
    .exec()) as unknown as T[];
  const page = docs.slice(0, limit);
  return {
    items: page.map(view),
    nextCursor: docs.length > limit ? page[page.length - 1]!._id : null,
  };
}
