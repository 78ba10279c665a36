import type { FieldError } from '@grid-dispatch/domain';
import { AppError } from '@grid-dispatch/errors';

/**
 * The form of `POST /open311/v2/requests.{json,xml}` (application/x-www-form-urlencoded), turned
 * into the body of our own report (`POST /api/v1/reports`), which the report schema then
 * validates exactly as it validates the own form. Only the shape is checked here: fields given
 * once, numbers that are numbers, a pair of coordinates, a plausible email.
 */
export interface Open311Submission {
  apiKey: string | null;
  /** Our report body, not yet validated (see reportBodySchema). */
  report: Record<string, unknown>;
}

/** Fields of the specification we accept and do not use: we serve one jurisdiction, and have no accounts or devices. */
const IGNORED = new Set(['jurisdiction_id', 'device_id', 'account_id', 'address_id']);
const USED = new Set([
  'api_key',
  'service_code',
  'lat',
  'long',
  'address_string',
  'email',
  'first_name',
  'last_name',
  'phone',
  'description',
  'media_url',
]);

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const EMAIL = /^[^\s@<>"]{1,64}@[^\s@<>"]+\.[^\s@<>".]{2,}$/;
const CJK_NAME = /^[\p{Script=Han}·]+$/u;

/**
 * A person's name from Open311's two fields: a Chinese name is family name first with no space
 * (last_name 王, first_name 小明 → 王小明), any other name first name first.
 */
export function joinName(first: string | undefined, last: string | undefined): string | undefined {
  const parts = [first?.trim(), last?.trim()].filter((p): p is string => Boolean(p));
  if (parts.length === 0) return undefined;
  if (parts.length === 2 && parts.every((p) => CJK_NAME.test(p))) return `${parts[1]}${parts[0]}`;
  return parts.join(' ');
}

/** Reads the form; 400 naming every field that is of the wrong shape. */
export function parseOpen311Form(form: Record<string, unknown>): Open311Submission {
  const problems: FieldError[] = [];
  const text: Record<string, string> = {};
  for (const [name, value] of Object.entries(form)) {
    if (name.includes('\u0000')) {
      problems.push({ path: '(body)', message: 'a field name contains a NUL character' });
    } else if (/^attribute(\[|$)/.test(name)) {
      problems.push({ path: name, message: 'no service here has attributes (metadata is false)' });
    } else if (!USED.has(name) && !IGNORED.has(name)) {
      problems.push({ path: name, message: 'unknown field' });
    } else if (typeof value !== 'string') {
      problems.push({ path: name, message: 'give this field once, as text' });
    } else if (value.includes('\u0000')) {
      problems.push({ path: name, message: 'contains a NUL character' });
    } else if (value.trim() !== '') {
      // Forms send empty optional fields: an empty field counts as absent.
      text[name] = value;
    }
  }

  const report: Record<string, unknown> = {};
  if (text.service_code !== undefined) report.category = text.service_code.trim();
  else problems.push({ path: 'service_code', message: 'required; see services.json' });
  if (text.description !== undefined) report.description = text.description;
  else problems.push({ path: 'description', message: 'required' });

  const lat = coordinate(text.lat, 'lat', problems);
  const lng = coordinate(text.long, 'long', problems);
  if ((text.lat === undefined) !== (text.long === undefined)) {
    const missing = text.lat === undefined ? 'lat' : 'long';
    problems.push({ path: missing, message: 'give lat and long together' });
  } else if (lat !== undefined && lng !== undefined) {
    report.location = { lat, lng };
  }
  if (text.address_string !== undefined) report.address = text.address_string;
  if (text.lat === undefined && text.long === undefined && text.address_string === undefined) {
    problems.push({ path: 'lat', message: 'give lat and long, or address_string' });
  }

  if (text.email !== undefined && (text.email.length > 254 || !EMAIL.test(text.email.trim()))) {
    problems.push({ path: 'email', message: 'not an email address' });
  }
  const name = joinName(text.first_name, text.last_name);
  if (name !== undefined || text.phone !== undefined) {
    report.contact = {
      ...(name !== undefined ? { name } : {}),
      ...(text.phone !== undefined ? { phone: text.phone } : {}),
    };
  }
  if (text.media_url !== undefined) report.photos = [text.media_url.trim()];

  if (problems.length > 0) {
    // One problem per field: the first found (a malformed field is not also "required").
    const fields = problems.filter((p, i) => problems.findIndex((q) => q.path === p.path) === i);
    throw new AppError(
      'MALFORMED_REQUEST',
      `Invalid request: ${fields.map((p) => `${p.path} (${p.message})`).join('; ')}`,
      { fields },
    );
  }
  return { apiKey: text.api_key ?? null, report };
}

function coordinate(value: string | undefined, name: string, problems: FieldError[]): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (!DECIMAL.test(trimmed)) {
    problems.push({ path: name, message: 'not a decimal number (WGS84 degrees, e.g. 38.9150)' });
    return undefined;
  }
  return Number(trimmed);
}
