/**
 * Every error the system reports, by code. Codes are part of the public API (`error.code` in
 * responses): add freely, never rename.
 */
export const ERROR_CODES = {
  MALFORMED_REQUEST: { status: 400, retryable: false },
  VALIDATION_FAILED: { status: 422, retryable: false },
  UNAUTHENTICATED: { status: 401, retryable: false },
  FORBIDDEN: { status: 403, retryable: false },
  NOT_FOUND: { status: 404, retryable: false },
  VERSION_CONFLICT: { status: 409, retryable: false },
  /** Another change holds the record right now: the same request succeeds when tried again. */
  RESOURCE_BUSY: { status: 409, retryable: true },
  ILLEGAL_TRANSITION: { status: 409, retryable: false },
  IDEMPOTENCY_KEY_REUSED: { status: 422, retryable: false },
  PAYLOAD_TOO_LARGE: { status: 413, retryable: false },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, retryable: false },
  TOO_MANY_REQUESTS: { status: 429, retryable: true },
  DEPENDENCY_UNAVAILABLE: { status: 503, retryable: true },
  /** The system is up but not set up to take this request (a district without a duty desk). */
  NOT_READY: { status: 503, retryable: false },
  /**
   * KPI figures of a period that has not been summarised yet (never, or Redis lost the stamps):
   * the summaries are being built; the same request succeeds after Retry-After. Part of normal
   * work, not a fault (`expected`): logged as information, not as a failed request.
   */
  KPI_PREPARING: { status: 503, retryable: true, expected: true },
  INTERNAL: { status: 500, retryable: true },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export function httpStatusFor(code: ErrorCode): number {
  return ERROR_CODES[code].status;
}

export function isRetryableCode(code: ErrorCode): boolean {
  return ERROR_CODES[code].retryable;
}

/** A 5xx answer the system gives as part of normal work (a wait), which is not a fault to log. */
export function isExpectedCode(code: ErrorCode): boolean {
  return 'expected' in ERROR_CODES[code];
}
