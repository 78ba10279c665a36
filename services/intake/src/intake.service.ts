import { ClientThrottle, createHttpApp, errorHandler, listen, notFoundHandler } from '@grid-dispatch/http';
import type { IntakeConfig } from './config';
import { hotlineRouter } from './http/hotline.routes';
import { photosRouter } from './http/photos.routes';
import { reportsRouter } from './http/reports.routes';
import type { IntakePlatform } from './intake-platform';
import { open311Router } from './open311/open311.routes';
import { ReportIntake } from './report-intake';

export interface IntakeService {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Starts the resident-facing HTTP service on the given platform. */
export async function startIntake(
  platform: IntakePlatform,
  config: IntakeConfig,
  port = config.INTAKE_PORT,
): Promise<IntakeService> {
  const logger = platform.logger.child({ module: 'intake' });
  const app = createHttpApp({ logger });
  app.use(platform.metrics.httpMiddleware());
  const intake = new ReportIntake(platform, config);
  // One budget per client for every lookup that needs no login: tracking codes, nearby, Open311.
  const publicReads = new ClientThrottle(
    platform.redis,
    config.QUEUE_PREFIX,
    'public reads',
    config.PUBLIC_READS_PER_MINUTE,
    logger,
  );
  app.use('/api/v1/reports', reportsRouter(platform, intake, config.VERIFY_WITHIN, publicReads));
  app.use(
    '/api/v1/photos',
    photosRouter(
      platform,
      config.PHOTO_MAX_BYTES,
      new ClientThrottle(
        platform.redis,
        config.QUEUE_PREFIX,
        'photo uploads',
        config.PHOTO_UPLOADS_PER_MINUTE,
        logger,
      ),
    ),
  );
  app.use('/api/v1/hotline', hotlineRouter(platform, config, intake));
  app.use('/open311/v2', open311Router(platform, intake, publicReads, logger.child({ module: 'open311' })));
  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  const server = await listen(app, port, config.INTAKE_HOST);
  logger.info({ url: server.url }, 'intake listening');
  return { url: server.url, port: server.port, stop: () => server.close() };
}

export * from './config';
export { type SubmittedReport, submittedTicket } from './submitted-ticket';
