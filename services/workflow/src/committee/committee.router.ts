import { STAFF_ROLES } from '@grid-dispatch/auth';
import type { CommitteeOutbox } from '@grid-dispatch/db';
import { requireStaff } from '@grid-dispatch/http';
import { Router } from 'express';
import type { WorkflowConfig } from '../config';
import type { WorkflowPlatform } from '../workflow-platform';
import { activitiesRouters } from './activities.routes';
import { chairOrderRouter } from './chair-order.routes';
import { type CommitteeLists, storedCommitteeLists } from './committee-lists';
import { committeeReference } from './committee-reference';
import { type DecisionEffects, recordOnlyDecisionEffects } from './decision-effects';
import { figuresRouter } from './figures.routes';
import type { MeetingContext } from './meeting-context';
import { meetingsRouter } from './meetings.routes';

export interface CommitteeRouterOptions {
  /** The committee records' outbox: a meeting's or activity's events go out through it. */
  outbox: CommitteeOutbox;
  /** What meeting decisions do to projects (the projects' write path); by default they are only recorded. */
  effects?: DecisionEffects;
  /** Where the needs, resources and projects lists are read; by default their stored collections. */
  lists?: CommitteeLists;
}

/**
 * The joint committee's meetings, chair order, activities and figures under /api/v1, and the
 * residents' activity calendar (no login). Their events are written with each change and sent by
 * the committee outbox, as for needs, resources and projects.
 */
export function committeeRouter(
  platform: WorkflowPlatform,
  config: WorkflowConfig,
  options: CommitteeRouterOptions,
): Router {
  const context: MeetingContext = {
    platform,
    reference: committeeReference(platform),
    lists: options.lists ?? storedCommitteeLists(platform.models),
    effects: options.effects ?? recordOnlyDecisionEffects,
    outbox: options.outbox,
  };

  const router = Router();
  const staff = requireStaff({ secret: config.AUTH_SECRET, sessions: platform.sessions }, STAFF_ROLES);
  const activities = activitiesRouters(context);
  router.use(activities.public);
  router.use(figuresRouter(context, staff));
  router.use('/committees/:communityId/chair-order', staff, chairOrderRouter(context));
  router.use('/committees/:communityId/meetings', staff, meetingsRouter(context, config));
  router.use('/committees/:communityId/activities', staff, activities.staff);
  return router;
}
