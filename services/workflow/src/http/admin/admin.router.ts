import type { PasswordHasher } from '@grid-dispatch/auth';
import { requireStaff } from '@grid-dispatch/http';
import { ReferenceDataPublisher } from '@grid-dispatch/kafka';
import { Router } from 'express';
import type { WorkflowConfig } from '../../config';
import type { WorkflowPlatform } from '../../workflow-platform';
import { adminSmsRouter } from '../sms/sms.routes';
import { adminWebhooksRouter, webhookQueue } from '../webhooks/webhooks.routes';
import type { AdminContext } from './admin.common';
import { areasRouter } from './areas.routes';
import { calendarsRouter } from './calendars.routes';
import { categoriesRouter } from './categories.routes';
import { open311KeysRouter } from './open311-keys.routes';
import { responsibilitiesRouter } from './responsibilities.routes';
import { unitsRouter } from './units.routes';
import { usersRouter } from './users.routes';

/**
 * The administration API (README.md#the-api), mounted at /api/v1/admin: areas, units, users,
 * categories and the responsibility list. Admins only; anyone else is told the routes do not
 * exist (404), a caller without a token to log in (401).
 *
 * Intake and the dispatcher read areas, units, categories and the responsibility list from the
 * database for every report, so each change takes effect for the next report without a restart.
 * After every successful write an announcement (ids only) goes to the `reference-data` topic; it
 * is fire and forget, so a Kafka outage never fails an admin request. Working calendars are the
 * one thing cached (per process, for the deadline arithmetic): each replica drops its copy on
 * the announcement, and after at most a minute without one.
 */
export function adminRouter(
  platform: WorkflowPlatform,
  config: WorkflowConfig,
  passwords: Pick<PasswordHasher, 'hash'>,
): Router {
  const router = Router();
  // Once, here, in front of every resource router below.
  router.use(requireStaff({ secret: config.AUTH_SECRET, sessions: platform.sessions }, ['admin']));

  const log = platform.logger.child({ module: 'admin' });
  const publisher = new ReferenceDataPublisher(
    platform.kafka,
    config.TOPIC_PREFIX,
    platform.logger.child({ module: 'reference-data' }),
  );
  // Routers have no stop hook; the platform closing its database is the process shutting down.
  platform.db.once('close', () => void publisher.disconnect());
  const context: AdminContext = {
    platform,
    passwords,
    announce: async (entity, id, action) => {
      // A stamp that could not move leaves caches at most their age limit behind (and Redis being
      // down stops dispatching anyway): the change itself is stored, so the request succeeds.
      await platform.referenceStamp.bump().catch((err) => log.warn({ err }, 'reference stamp not moved'));
      void publisher.announce(entity, id, action);
    },
  };

  router.use('/areas', areasRouter(context));
  router.use('/units', unitsRouter(context));
  router.use('/users', usersRouter(context));
  router.use('/categories', categoriesRouter(context));
  router.use('/responsibilities', responsibilitiesRouter(context));
  router.use('/calendars', calendarsRouter(context));
  router.use('/open311-keys', open311KeysRouter(context));
  router.use('/webhooks', adminWebhooksRouter(platform, webhookQueue(platform, config)));
  router.use('/sms', adminSmsRouter(platform));
  return router;
}
