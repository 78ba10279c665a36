import type { FieldError } from '@grid-dispatch/domain';
import { AppError } from '@grid-dispatch/errors';
import { normalizeTrackingCode } from '../tracking-code';
import { parseW3cDateTime } from './open311-datetime';
import type { Open311Status } from './open311-status';

/** At most this many requests in one answer (the specification's recommended maximum). */
export const MAX_RESULTS = 1000;
/** At most this many ids in one `service_request_id=` list. */
export const MAX_IDS = 100;
/** The longest date range of one search, and the default range (the most recent days). */
export const MAX_RANGE_DAYS = 90;
const DAY_MS = 86_400_000;

/** `GET /open311/v2/requests.{json,xml}`: by ids (which overrides everything else), or by a window. */
export type RequestSearch =
  | { kind: 'ids'; trackingCodes: string[] }
  | {
      kind: 'window';
      serviceCodes: string[] | null;
      statuses: Open311Status[] | null;
      from: Date;
      to: Date;
    };

const PARAMETERS = new Set([
  'service_request_id',
  'service_code',
  'start_date',
  'end_date',
  'status',
  // Accepted and not used: one jurisdiction is served, and reading needs no key.
  'jurisdiction_id',
  'api_key',
]);
const SERVICE_CODE = /^[A-Za-z0-9_-]{1,64}$/;

/** Reads the query; 400 naming every parameter that is wrong, and why. */
export function parseRequestSearch(query: Record<string, unknown>, now: Date): RequestSearch {
  const problems: FieldError[] = [];
  const text: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) {
    if (!PARAMETERS.has(name)) problems.push({ path: name, message: 'unknown parameter' });
    else if (typeof value !== 'string') {
      problems.push({ path: name, message: 'give it once; list several values comma-separated' });
    } else if (value.trim() !== '') text[name] = value.trim();
  }
  if (problems.length === 0 && text.service_request_id !== undefined) {
    const ids = list(text.service_request_id);
    if (ids.length > MAX_IDS) {
      problems.push({ path: 'service_request_id', message: `at most ${MAX_IDS} ids at once` });
    }
    const trackingCodes: string[] = [];
    for (const id of ids.slice(0, MAX_IDS)) {
      const code = normalizeTrackingCode(id);
      if (code) trackingCodes.push(code);
      else problems.push({ path: 'service_request_id', message: `"${id.slice(0, 40)}" is not a request id` });
    }
    throwIfAny(problems);
    return { kind: 'ids', trackingCodes: [...new Set(trackingCodes)] };
  }

  let serviceCodes: string[] | null = null;
  if (text.service_code !== undefined) {
    serviceCodes = [...new Set(list(text.service_code))];
    for (const code of serviceCodes) {
      if (!SERVICE_CODE.test(code)) {
        problems.push({ path: 'service_code', message: `"${code.slice(0, 40)}" is not a service code` });
      }
    }
  }
  let statuses: Open311Status[] | null = null;
  if (text.status !== undefined) {
    statuses = [];
    for (const status of list(text.status)) {
      const lower = status.toLowerCase();
      if (lower === 'open' || lower === 'closed') statuses.push(lower);
      else problems.push({ path: 'status', message: `"${status.slice(0, 40)}" is neither open nor closed` });
    }
    statuses = [...new Set(statuses)];
  }
  const from = bound(text.start_date, 'start_date', false, problems);
  const to = bound(text.end_date, 'end_date', true, problems);
  throwIfAny(problems);

  const range = MAX_RANGE_DAYS * DAY_MS;
  let window: { from: Date; to: Date };
  if (from && to) {
    if (to < from) throwIfAny([{ path: 'end_date', message: 'is before start_date' }]);
    if (to.getTime() - from.getTime() > range) {
      throwIfAny([{ path: 'end_date', message: `the range may span at most ${MAX_RANGE_DAYS} days` }]);
    }
    window = { from, to };
  } else if (from) {
    window = {
      from,
      to: new Date(Math.max(from.getTime(), Math.min(from.getTime() + range, now.getTime()))),
    };
  } else if (to) {
    window = { from: new Date(to.getTime() - range), to };
  } else {
    window = { from: new Date(now.getTime() - range), to: now };
  }
  return { kind: 'window', serviceCodes, statuses, ...window };
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

function bound(value: string | undefined, name: string, endOfDay: boolean, problems: FieldError[]) {
  if (value === undefined) return undefined;
  const parsed = parseW3cDateTime(value, { endOfDay });
  if (parsed.ok) return parsed.at;
  problems.push({ path: name, message: parsed.reason });
  return undefined;
}

function throwIfAny(problems: FieldError[]): void {
  if (problems.length === 0) return;
  throw new AppError(
    'MALFORMED_REQUEST',
    `Invalid query: ${problems.map((p) => `${p.path} (${p.message})`).join('; ')}`,
    { fields: problems },
  );
}
