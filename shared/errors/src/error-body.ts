import type { FieldError } from '@grid-dispatch/domain';
import { AppError } from './app-error';
import { httpStatusFor } from './error-codes';

/** The JSON body of every error response (README.md#the-api). */
export interface ErrorBody {
  error: { code: string; message: string; fields?: FieldError[] };
}

export interface HttpError {
  status: number;
  body: ErrorBody;
  retryAfterSeconds?: number;
}

/** Maps any thrown value to a status and body. Unknown errors become a 500 that leaks nothing. */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof AppError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error.fields?.length) body.error.fields = error.fields;
    const result: HttpError = { status: httpStatusFor(error.code), body };
    if (error.retryAfterSeconds !== undefined) result.retryAfterSeconds = error.retryAfterSeconds;
    return result;
  }
  return {
    status: 500,
    body: { error: { code: 'INTERNAL', message: 'Internal error; it has been logged.' } },
  };
}
