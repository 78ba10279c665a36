import type { FieldError } from '@grid-dispatch/domain';
import { AppError, httpStatusFor } from '@grid-dispatch/errors';

/** One entry of Open311's error answer (`[{code, description}]`, `<errors><error>…`). */
export interface Open311Error {
  code: number;
  description: string;
}

export interface Open311ErrorAnswer {
  status: number;
  errors: Open311Error[];
  retryAfterSeconds?: number;
}

/** Our report's field paths as the Open311 form fields they came from. */
const FIELD_NAMES: Array<[RegExp, string]> = [
  [/^category$/, 'service_code'],
  [/^location\.lat$/, 'lat'],
  [/^location\.lng$/, 'long'],
  [/^location$/, 'lat'],
  [/^address$/, 'address_string'],
  [/^photos(\[\d+\])?$/, 'media_url'],
  [/^contact\.name$/, 'first_name'],
  [/^contact\.phone$/, 'phone'],
  [/^contact$/, 'phone'],
];

/** The Open311 name of a field our report validation named (`location.lng` → `long`). */
export function open311FieldName(path: string): string {
  for (const [pattern, name] of FIELD_NAMES) if (pattern.test(path)) return name;
  return path;
}

const MESSAGES: Record<string, string> = {
  'unknown category': 'unknown service_code; see services.json',
  'category is no longer in use': 'this service is no longer offered; see services.json',
  'give a location (map pin) or an address': 'give lat and long, or address_string',
};

function describe(field: FieldError): string {
  return `${open311FieldName(field.path)}: ${MESSAGES[field.message] ?? field.message}`;
}

/**
 * The HTTP status an Open311 client hears for one of our error codes. The specification names
 * 400 (bad input), 403 (a missing, unknown or revoked api_key) and 404 (no such service or
 * request); our other statuses (413, 429, 503, 500) pass through as they are.
 */
export function open311StatusFor(code: AppError['code']): number {
  switch (code) {
    case 'MALFORMED_REQUEST':
    case 'VALIDATION_FAILED':
    case 'IDEMPOTENCY_KEY_REUSED':
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 400;
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
      return 403;
    default:
      return httpStatusFor(code);
  }
}

/**
 * An error as Open311's answer: one entry per field named (with the Open311 field name), else one
 * entry with the message. Anything that is not an AppError is a 500 that tells nothing.
 */
export function toOpen311Errors(error: unknown): Open311ErrorAnswer {
  if (!(error instanceof AppError)) {
    return { status: 500, errors: [{ code: 500, description: 'Internal error; it has been logged.' }] };
  }
  const status = open311StatusFor(error.code);
  const descriptions = error.fields?.length ? error.fields.map(describe) : [error.message];
  const answer: Open311ErrorAnswer = {
    status,
    errors: [...new Set(descriptions)].map((description) => ({ code: status, description })),
  };
  if (error.retryAfterSeconds !== undefined) answer.retryAfterSeconds = error.retryAfterSeconds;
  return answer;
}

/** 400 naming one Open311 field. */
export function badField(field: string, message: string): AppError {
  return new AppError('MALFORMED_REQUEST', `${field}: ${message}`, { fields: [{ path: field, message }] });
}
