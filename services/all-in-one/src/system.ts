import { ensureAdmin, ensureCalendars, seedDemoCommittee, seedDemoDistrict } from '@grid-dispatch/bootstrap';
import { ensureIndexes } from '@grid-dispatch/db';
import { type DispatcherService, startDispatcher } from '@grid-dispatch/dispatcher';
import { type GatewayService, startGateway } from '@grid-dispatch/gateway';
import { type IntakeService, startIntake } from '@grid-dispatch/intake';
import { ensureTopics } from '@grid-dispatch/kafka';
import { type KpiService, startKpi } from '@grid-dispatch/kpi';
import { type LiveService, startLive } from '@grid-dispatch/live';
import type { Logger } from '@grid-dispatch/logger';
import { openPlatform, type Platform } from '@grid-dispatch/runtime';
import { type SlaService, startSla } from '@grid-dispatch/sla';
import { startWorkflow, type WorkflowService } from '@grid-dispatch/workflow';
import type { SystemConfig } from './config';

export interface RunningSystem {
  url: string;
  platform: Platform;
  services: {
    intake: IntakeService;
    workflow: WorkflowService;
    live: LiveService;
    kpi: KpiService;
    dispatcher: DispatcherService;
    sla: SlaService;
    gateway: GatewayService;
  };
  stop(): Promise<void>;
}

/**
 * What a first start needs, all idempotent: Kafka topics, database indexes, the admin user and,
 * with SEED_DEMO, the demo district.
 */
export async function provisionSystem(
  platform: Platform,
  config: SystemConfig,
  step: (message: string) => void = () => undefined,
): Promise<void> {
  step('creating Kafka topics and database indexes');
  await ensureTopics(platform.kafka, config.TOPIC_PREFIX, platform.logger);
  await ensureIndexes(platform.models);
  if (await ensureAdmin(platform.models, config.ADMIN_PASSWORD)) step('created user admin');
  if (await ensureCalendars(platform.models)) step('stored the working calendar cn-default');
  if (config.SEED_DEMO) {
    step('loading the demo district (Zhongshan)');
    await seedDemoDistrict(platform.models, config.DEMO_PASSWORD, platform.logger);
    if (config.SEED_DEMO_COMMITTEE) await seedDemoCommittee(platform.models, platform.logger);
    // A dispatcher already running (another process) routes the next report on the seeded data.
    await platform.referenceStamp.bump();
  }
}

/**
 * Provisions (topics, indexes, admin, demo data) and starts every service in this process. The
 * internal services listen on free loopback ports; only the gateway takes the public PORT.
 * Tests call this with their own prefixes and database to get an isolated system on real servers.
 */
export async function startSystem(
  config: SystemConfig,
  logger: Logger,
  step: (message: string) => void = () => undefined,
): Promise<RunningSystem> {
  step('connecting to the database, Kafka and Redis');
  const platform = await openPlatform(config, logger, { service: 'all-in-one' });
  try {
    await provisionSystem(platform, config, step);
    step('starting services');
    const [dispatcher, sla, kpi] = await Promise.all([
      startDispatcher(platform),
      startSla(platform, config),
      startKpi(platform, config),
    ]);
    const live = await startLive(platform, config, 0);
    const workflow = await startWorkflow(platform, config, 0);
    const intake = await startIntake(platform, config, 0);
    const gateway = await startGateway(platform, config, {
      intake: intake.url,
      workflow: workflow.url,
      live: live.url,
    });
    const services = { intake, workflow, live, kpi, dispatcher, sla, gateway };
    let stopping: Promise<void> | null = null;
    return {
      url: gateway.url,
      platform,
      services,
      stop() {
        // Outside in: stop taking requests, then stop consuming, then close connections.
        stopping ??= (async () => {
          await gateway.stop();
          await Promise.all([intake.stop(), workflow.stop()]);
          await live.stop();
          await Promise.all([dispatcher.stop(), sla.stop(), kpi.stop()]);
          await platform.relay.drainNow().catch(() => undefined);
          await platform.close();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await platform.close();
    throw error;
  }
}
