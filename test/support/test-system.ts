import { randomBytes } from 'node:crypto';
import {
  loadSystemConfig,
  type RunningSystem,
  type SystemConfig,
  startSystem,
} from '@grid-dispatch/all-in-one';
import { createKafkaClient, deleteTopics } from '@grid-dispatch/kafka';
import { createLogger } from '@grid-dispatch/logger';

/**
 * A whole grid-dispatch on the real servers, isolated from every other test by its own database,
 * topic prefix, consumer groups and queue prefix. `stop()` removes all of it.
 */
export interface TestSystem extends RunningSystem {
  config: SystemConfig;
  id: string;
  /** Stops the services and deletes the test's database, topics and queue keys. */
  destroy(): Promise<void>;
}

export function uniqueId(prefix = 't'): string {
  return `${prefix}${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

export function testConfig(overrides: Record<string, string> = {}): { config: SystemConfig; id: string } {
  const id = uniqueId();
  const base = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27027/grid-dispatch';
  const mongoUrl = base.replace(/\/[^/?]*(\?|$)/, `/gd_${id}$1`);
  const config = loadSystemConfig({
    ...process.env,
    MONGO_URL: mongoUrl,
    TOPIC_PREFIX: `${id}.`,
    QUEUE_PREFIX: `gd-${id}`,
    PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ADMIN_PASSWORD: 'admin-test-password',
    DEMO_PASSWORD: 'demo-test-password',
    // The committees' demo lists would crowd the lists tests make; committee-demo.spec loads them.
    SEED_DEMO_COMMITTEE: 'false',
    ...overrides,
  });
  return { config, id };
}

export async function startTestSystem(overrides: Record<string, string> = {}): Promise<TestSystem> {
  const { config, id } = testConfig(overrides);
  const logger = createLogger({ name: `test-${id}`, level: config.LOG_LEVEL });
  const system = await startSystem(config, logger);
  return {
    ...system,
    config,
    id,
    async destroy() {
      await system.stop();
      await cleanupTestData(config);
    },
  };
}

/** Drops what a test system left behind: database, topics, BullMQ keys. */
export async function cleanupTestData(config: SystemConfig): Promise<void> {
  const mongoose = await import('mongoose');
  const conn = await mongoose
    .createConnection(config.MONGO_URL, { serverSelectionTimeoutMS: 2000 })
    .asPromise();
  await conn.dropDatabase().catch(() => undefined);
  await conn.close();
  const logger = createLogger({ level: 'error' });
  const kafka = createKafkaClient({ brokers: config.KAFKA_BROKERS, clientId: 'test-cleanup', logger });
  await deleteTopics(kafka, config.TOPIC_PREFIX).catch(() => undefined);
  const { Redis } = await import('ioredis');
  const redis = new Redis(config.REDIS_URL);
  redis.on('error', () => undefined);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.QUEUE_PREFIX}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
  await redis.quit();
}
