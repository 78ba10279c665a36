import { AppError } from '@grid-dispatch/errors';
import type { RequestHandler } from 'express';

/**
 * Refuses text the store cannot keep: a NUL character (U+0000) anywhere in the path, the query or
 * a JSON body. PostgreSQL's JSON type has no NUL, so FerretDB answers any document or filter
 * holding one with an error; here the client hears 400 naming the field instead of a 500.
 */
export const refuseNulCharacters: RequestHandler = (req, _res, next) => {
  let path: string;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    return next(malformed('(path)', 'malformed percent-encoding'));
  }
  if (path.includes('\u0000')) return next(malformed('(path)', 'contains a NUL character'));
  const found = nulAt(req.query, '') ?? nulAt(req.body, '');
  return next(found === null ? undefined : malformed(found || '(body)', 'contains a NUL character'));
};

function malformed(path: string, message: string): AppError {
  return new AppError('MALFORMED_REQUEST', `${path}: ${message}`, { fields: [{ path, message }] });
}

/** The path of the first string (or key) holding a NUL, `location.lat` / `photos[2]` style; null if none. */
function nulAt(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (ArrayBuffer.isView(value)) return null; // a raw upload (photos) is bytes, not text
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = nulAt(item, `${path}[${i}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const child = path ? `${path}.${key}` : key;
      if (key.includes('\u0000')) return child;
      const found = nulAt(item, child);
      if (found !== null) return found;
    }
  }
  return null;
}
