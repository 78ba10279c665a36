import type { FieldError } from '@grid-dispatch/domain';
import { expireSession, getSession } from './session-store';

/** A failed API call: the server's `{error:{code,message,fields}}` plus the HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldError[],
    /** From a 429 or 503: when the same request may succeed. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ErrorBody {
  code?: string;
  message?: string;
  fields?: ApiError['fields'];
  retryAfterSeconds?: number;
}

/**
 * An answer that will turn into figures by itself (KPIs being summarised): the page says so and
 * asks again after the server's Retry-After, instead of showing a failure.
 */
export function isPreparing(error: unknown): error is ApiError & { retryAfterSeconds: number } {
  return error instanceof ApiError && error.code === 'KPI_PREPARING' && error.retryAfterSeconds !== undefined;
}

export interface ApiOptions {
  headers?: Record<string, string>;
}

/**
 * One JSON call to /api/v1 (or any same-origin path). Adds the staff token when there is a session;
 * a 401 on a call that carried a token means the session is over, so it is cleared and the pages are
 * told (StaffGate shows the login form again). A network failure becomes ApiError status 0.
 */
export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  opts: ApiOptions = {},
): Promise<T> {
  const session = getSession();
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  if (session) headers.authorization = `Bearer ${session.token}`;
  let payload: BodyInit | undefined;
  if (body instanceof Blob) {
    payload = body;
    headers['content-type'] ??= body.type || 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] ??= 'application/json';
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: payload });
  } catch (error) {
    throw new ApiError(0, 'network', error instanceof Error ? error.message : 'network error');
  }
  const text = await res.text();
  const data = text ? safeJson(text) : undefined;
  if (!res.ok) {
    const e = (data as { error?: ErrorBody })?.error;
    if (res.status === 401 && session) expireSession('expired');
    const retryAfter = e?.retryAfterSeconds ?? (Number(res.headers.get('retry-after')) || undefined);
    throw new ApiError(
      res.status,
      e?.code ?? `http_${res.status}`,
      e?.message ?? res.statusText,
      e?.fields,
      retryAfter,
    );
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
