import { STAFF_ROLES } from '@grid-dispatch/auth';
import { requireStaff } from '@grid-dispatch/http';
import { CommitteeEventPublisher } from '@grid-dispatch/kafka';
import { Router } from 'express';
import type { WorkflowConfig } from '../config';
import type { WorkflowPlatform } from '../workflow-platform';
import { activitiesRouters } from './activities.routes';
import { chairOrderRouter } from './chair-order.routes';
import type { CommitteeContext } from './committee-context';
import { type CommitteeLists, storedCommitteeLists } from './committee-lists';
import { flushOutboxes } from './committee-outbox';
import { committeeReference } from './committee-reference';
import { type DecisionEffects, recordOnlyDecisionEffects } from './decision-effects';
import { figuresRouter } from './figures.routes';
import { meetingsRouter } from './meetings.routes';

export interface CommitteeRouterOptions {
  /** What meeting decisions do to projects (the projects' write path); by default they are only recorded. */
  effects?: DecisionEffects;
  /** Where the needs, resources and projects lists are read; by default their stored collections. */
  lists?: CommitteeLists;
}

/**
 * The joint committee's meetings, chair order, activities and figures under /api/v1, and the
 * residents' activity calendar (no login). Events left in outboxes (Kafka was away) are sent at
 * start and every 30 seconds.
 */
export function committeeRouter(
  platform: WorkflowPlatform,
  config: WorkflowConfig,
  options: CommitteeRouterOptions = {},
): Router {
  const publisher = new CommitteeEventPublisher(
    platform.kafka,
    config.TOPIC_PREFIX,
    platform.logger.child({ module: 'committee-events' }),
  );
  platform.db.once('close', () => void publisher.disconnect());
  const context: CommitteeContext = {
    platform,
    reference: committeeReference(platform),
    lists: options.lists ?? storedCommitteeLists(platform.db),
    effects: options.effects ?? recordOnlyDecisionEffects,
    publisher,
  };
  const flushAll = () =>
    Promise.all([
      flushOutboxes(platform.models.meetings, publisher),
      flushOutboxes(platform.models.activities, publisher),
    ]).catch((err) => platform.logger.warn({ err: String(err) }, 'committee outbox flush failed'));
  void flushAll();
  // Events a write could not send (Kafka away) go out on the next round, not only at the next start.
  const retry = setInterval(() => void flushAll(), 30_000);
  retry.unref();
  platform.db.once('close', () => clearInterval(retry));

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
