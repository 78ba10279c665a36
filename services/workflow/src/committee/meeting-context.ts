import type { StaffPrincipal } from '@grid-dispatch/auth';
import type { CommitteeOutbox } from '@grid-dispatch/db';
import { AppError } from '@grid-dispatch/errors';
import type { StampedCache } from '@grid-dispatch/redis';
import type { Request } from 'express';
import type { WorkflowPlatform } from '../workflow-platform';
import type { CommitteeLists } from './committee-lists';
import type { CommitteeReference } from './committee-reference';
import type { DecisionEffects } from './decision-effects';

/** What the meetings, chair order, activities and figures routers need. */
export interface MeetingContext {
  platform: WorkflowPlatform;
  reference: StampedCache<CommitteeReference>;
  lists: CommitteeLists;
  effects: DecisionEffects;
  outbox: CommitteeOutbox;
}

/**
 * The If-Match version a write expects, or null when the caller sent none (last write wins, as
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

export type { StaffPrincipal };

/** The `:communityId` of a committee route (its routers are mounted with mergeParams). */
export function communityOf(req: Request): string {
  return String((req.params as Record<string, string>).communityId);
}
