/** A tiny JSON client for tests: status, headers and parsed body of each answer. */
export interface JsonResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export async function request<T = any>(
  base: string,
  method: string,
  path: string,
  options: {
    body?: unknown;
    raw?: string;
    /** A binary body, sent as it is; give its Content-Type in `headers`. */
    bytes?: Uint8Array;
    token?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.body !== undefined || options.raw !== undefined) headers['content-type'] ??= 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    body:
      options.bytes ?? options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, headers: res.headers, body: body as T };
}

/**
 * `request`, asked again while the server answers 503 KPI_PREPARING (KPI summaries of the period
 * are being built in the background), after the Retry-After it gives — as the dashboard does.
 */
export async function requestPrepared<T = any>(
  base: string,
  method: string,
  path: string,
  options: Parameters<typeof request>[3] = {},
  timeoutMs = 60000,
): Promise<JsonResponse<T>> {
  const giveUpAt = Date.now() + timeoutMs;
  for (;;) {
    const res = await request<T>(base, method, path, options);
    const code = (res.body as { error?: { code?: string } } | null)?.error?.code;
    if (res.status !== 503 || code !== 'KPI_PREPARING' || Date.now() > giveUpAt) return res;
    const seconds = Number(res.headers.get('retry-after')) || 1;
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  }
}

export async function login(base: string, username: string, password: string): Promise<string> {
  const res = await request<{ token: string }>(base, 'POST', '/api/v1/auth/login', {
    body: { username, password },
  });
  if (res.status !== 200)
    throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token;
}

/** Polls `probe` until it returns a value (not undefined) or the time runs out. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 10000,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms${lastError ? `: ${String(lastError)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
