import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SystemConfig } from '@grid-dispatch/all-in-one';
import { connectDatabase, createModels, type Models } from '@grid-dispatch/db';
import { Fleet, fleetEnvironment } from './service-fleet';
import { cleanupTestData, testConfig } from './test-system';

/**
 * A whole grid-dispatch as production runs it, the seven services as separate Node processes, on
 * the shared development servers and isolated like `startTestSystem` (its own database, topic
 * prefix and queue prefix). For benchmarks, which must not measure one event loop doing the work
 * of seven processes.
 */
export interface FleetSystem {
  /** The gateway, the system's front door. */
  url: string;
  config: SystemConfig;
  fleet: Fleet;
  /** The system's database, for what a benchmark stores straight into it. */
  models: Models;
  /** Where each service logs (`<service>.log`). */
  logDir: string;
  /** Stops the services and deletes the system's database, topics and queue keys. */
  destroy(): Promise<void>;
}

export async function startFleetSystem(): Promise<FleetSystem> {
  const { config, id } = testConfig();
  const logDir = mkdtempSync(path.join(tmpdir(), `gd-fleet-${id}-`));
  const { env, gatewayUrl } = await fleetEnvironment({
    kafkaBrokers: config.KAFKA_BROKERS.join(','),
    mongoUrl: config.MONGO_URL,
    redisUrl: config.REDIS_URL,
    topicPrefix: config.TOPIC_PREFIX,
    queuePrefix: config.QUEUE_PREFIX,
    adminPassword: 'admin-test-password',
    demoPassword: 'demo-test-password',
    // The fleet knows a service serves from its "listening" / "consuming" line, logged at info.
    logLevel: 'info',
  });
  const fleet = new Fleet(env, logDir);
  try {
    await fleet.provision();
    await fleet.startAll();
  } catch (error) {
    await fleet.stopAll();
    await cleanupTestData(config);
    throw error;
  }
  const db = await connectDatabase(config.MONGO_URL, { serverSelectionTimeoutMS: 5000 });
  return {
    url: gatewayUrl,
    config,
    fleet,
    models: createModels(db),
    logDir,
    async destroy() {
      await fleet.stopAll();
      await db.close().catch(() => undefined);
      await cleanupTestData(config);
      rmSync(logDir, { recursive: true, force: true });
    },
  };
}
