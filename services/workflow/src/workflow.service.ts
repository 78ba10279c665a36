import { PasswordHasher } from '@grid-dispatch/auth';
import { createHttpApp, errorHandler, listen, notFoundHandler } from '@grid-dispatch/http';
import { committeeRouter } from './committee/committee.router';
import { openCommitteeContext } from './committee/committee-context';
import { needsRouter } from './committee/needs.routes';
import { projectDecisionEffects } from './committee/project-decisions';
import { projectsRouter } from './committee/projects.routes';
import { resourcesRouter } from './committee/resources.routes';
import type { WorkflowConfig } from './config';
import { ticketExportRouter } from './export/ticket-export.routes';
import { adminRouter } from './http/admin/admin.router';
import { authRouter } from './http/auth.routes';
import { plannedWorksRouter } from './http/planned-works/planned-works.routes';
import { referenceRouter } from './http/reference.routes';
import { smsInboundRouter } from './http/sms/sms.routes';
import { ticketsRouter } from './http/tickets.routes';
import { unitsRouter } from './http/units.routes';
import { unitWebhooksRouter, webhookQueue } from './http/webhooks/webhooks.routes';
import { kpiRouter } from './kpi/kpi.routes';
import { LoginThrottle } from './login-throttle';
import { adminPaths } from './openapi/admin-paths';
import { committeePaths } from './openapi/committee-paths';
import { exportPaths } from './openapi/export-paths';
import { hotlinePaths } from './openapi/hotline-paths';
import { kpiPaths } from './openapi/kpi-paths';
import { meetingPaths } from './openapi/meeting-paths';
import { open311Paths } from './openapi/open311-paths';
import { openApiDocument } from './openapi/openapi.document';
import { plannedWorksPaths } from './openapi/planned-works-paths';
import { smsApiPaths } from './openapi/sms-paths';
import { webhookApiPaths } from './openapi/webhook-paths';
import type { WorkflowPlatform } from './workflow-platform';

export interface WorkflowService {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Starts the staff-facing HTTP service (login and reference data; the workflow actions follow). */
export async function startWorkflow(
  platform: WorkflowPlatform,
  config: WorkflowConfig,
  port = config.WORKFLOW_PORT,
): Promise<WorkflowService> {
  const logger = platform.logger.child({ module: 'workflow' });
  const app = createHttpApp({ logger });
  app.use(platform.metrics.httpMiddleware());
  const throttle = new LoginThrottle(platform.redis, config.QUEUE_PREFIX, {
    perUserAndAddress: config.LOGIN_FREE_PER_USER_AND_ADDRESS,
    perUser: config.LOGIN_FREE_PER_USER,
    perAddress: config.LOGIN_FREE_PER_ADDRESS,
    perMinute: config.LOGIN_ATTEMPTS_PER_MINUTE,
  });
  const passwords = new PasswordHasher();
  app.use('/api/v1/auth', authRouter(platform.models, config, throttle, passwords));
  // Before the tickets router, whose /:id would take 'export' for a ticket id.
  app.use('/api/v1/tickets', ticketExportRouter(platform, config));
  app.use('/api/v1/tickets', ticketsRouter(platform, config));
  const document = openApiDocument({
    ...adminPaths,
    ...kpiPaths,
    ...exportPaths,
    ...open311Paths,
    ...hotlinePaths,
    ...webhookApiPaths,
    ...plannedWorksPaths,
    ...smsApiPaths,
    ...committeePaths,
    ...meetingPaths,
  });
  app.get('/api/v1/openapi.json', (_req, res) => {
    res.json(document);
  });
  app.use('/api/v1', referenceRouter(platform.models));
  app.use('/api/v1', unitsRouter(platform, config));
  app.use('/api/v1', plannedWorksRouter(platform, config));
  const committee = openCommitteeContext(platform, config);
  app.use('/api/v1', needsRouter(committee));
  app.use('/api/v1', resourcesRouter(committee));
  app.use('/api/v1', projectsRouter(committee));
  app.use('/api/v1', unitWebhooksRouter(platform, config, webhookQueue(platform, config)));
  app.use('/api/v1', smsInboundRouter(platform, config));
  app.use('/api/v1', kpiRouter(platform, config));
  app.use(
    '/api/v1',
    committeeRouter(platform, config, {
      outbox: committee.outbox,
      effects: projectDecisionEffects(committee),
    }),
  );
  app.use('/api/v1/admin', adminRouter(platform, config, passwords));
  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  const server = await listen(app, port, config.WORKFLOW_HOST);
  logger.info({ url: server.url }, 'workflow listening');
  return {
    url: server.url,
    port: server.port,
    async stop() {
      await server.close();
      await passwords.close();
      await committee.close();
    },
  };
}

export * from './config';
