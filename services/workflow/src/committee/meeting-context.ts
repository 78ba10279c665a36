import type { StaffPrincipal } from '@grid-dispatch/auth';
import type { CommitteeOutbox } from '@grid-dispatch/db';
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

export type { StaffPrincipal };

/** The `:communityId` of a committee route (its routers are mounted with mergeParams). */
export function communityOf(req: Request): string {
  return String((req.params as Record<string, string>).communityId);
}
