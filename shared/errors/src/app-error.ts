import type { FieldError } from '@grid-dispatch/domain';
import type { ErrorCode } from './error-codes';
import { isRetryableCode } from './error-codes';

export interface AppErrorOptions {
  cause?: unknown;
  fields?: FieldError[];
  /** Seconds a client should wait before retrying (503, 429). */
  retryAfterSeconds?: number;
}

/** The one error type services throw on purpose; anything else is a bug and answers 500. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[] | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get retryable(): boolean {
    return isRetryableCode(this.code);
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
