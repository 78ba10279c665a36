import { AppError } from '@grid-dispatch/errors';
import type { Request } from 'express';

/**
 * The If-Match version a write expects, or nothing when the caller sent none (last write wins, as
 * for tickets). A stale one answers 409 naming the current version.
 */
export function checkIfMatch(req: Request, current: number, what: string): void {
  const header = req.header('if-match');
  if (header === undefined) return;
  if (header.replace(/"/g, '').trim() !== String(current)) {
    throw new AppError(
      'VERSION_CONFLICT',
      `The ${what} is at version ${current}, not ${header}; reload it and try again.`,
    );
  }
}

/** The 409 of a write that lost a race between its read and its conditional update. */
export function changedMeanwhile(what: string): AppError {
  return new AppError('VERSION_CONFLICT', `The ${what} changed a moment ago; reload it and try again.`);
}
