import type { FieldError } from '@grid-dispatch/domain';
import { AppError } from '@grid-dispatch/errors';
import type { z } from 'zod';

/**
 * Issue codes that mean "the request is not of the right shape" (400) as opposed to "well-formed
 * but not acceptable" (422): wrong types, missing or unknown fields.
 */
const STRUCTURAL_CODES = new Set(['invalid_type', 'unrecognized_keys', 'invalid_union', 'invalid_key']);

export function toFieldErrors(error: z.ZodError, prefix = ''): FieldError[] {
  return error.issues.flatMap((issue) => {
    const base = formatPath([
      ...(prefix ? [prefix] : []),
      ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    ]);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: base ? `${base}.${key}` : key, message: 'unknown field' }));
    }
    return [{ path: base || '(body)', message: issue.message }];
  });
}

function formatPath(path: (string | number)[]): string {
  return path.reduce<string>(
    (acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part),
    '',
  );
}

/**
 * Parses a request body against a schema. Structural problems answer 400 MALFORMED_REQUEST,
 * semantic ones 422 VALIDATION_FAILED; both name every offending field.
 */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new AppError('MALFORMED_REQUEST', 'The request body must be a JSON object.', {
      fields: [{ path: '(body)', message: 'expected a JSON object' }],
    });
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const structural = result.error.issues.some((i) => STRUCTURAL_CODES.has(i.code));
  const fields = toFieldErrors(result.error);
  throw new AppError(
    structural ? 'MALFORMED_REQUEST' : 'VALIDATION_FAILED',
    `Invalid request: ${fields.map((f) => `${f.path} (${f.message})`).join('; ')}`,
    { fields },
  );
}
