import {
  type ConsumerGroup,
  type EventEnvelope,
  groupName,
  Topic,
  topicName,
} from '@grid-dispatch/contracts';
import { EventConsumer } from '@grid-dispatch/kafka';
import type { Logger } from '@grid-dispatch/logger';
import { logQueueErrors, workerSettings } from '@grid-dispatch/queue';
import { createRedisConnection } from '@grid-dispatch/redis';
import { type Job, type Processor, type Queue, Worker } from 'bullmq';
import type { SlaConfig } from './config';
import type { SlaPlatform } from './sla-platform';

/** How often a delivery log deletes its entries past their age limit. */
const PRUNE_EVERY_MS = 10 * 60_000;

/** One kind of outbound delivery to the outside (webhooks, resident SMS). */
export interface LoggedDelivery<T> {
  group: ConsumerGroup;
  logger: Logger;
  queue: Queue<T>;
  /** Turns a ticket event into logged deliveries, each queued as a job. */
  logEvent: (envelope: EventEnvelope) => Promise<unknown>;
  /** Sends one logged delivery; throwing makes BullMQ retry it on the queue's schedule. */
  send: Processor<T>;
  concurrency: number;
  /** What a failed attempt is logged with. */
  describe: (job: Job<T> | undefined) => Record<string, unknown>;
  /** Deletes the log's entries past their age limit. */
  prune: () => Promise<unknown>;
}

/**
 * The shape both outbound deliveries share: a consumer group of their own logs what each ticket
 * event sends (so a slow outside server delays nothing else), a BullMQ worker sends the logged
 * items, and the log is pruned now and every ten minutes in every sla instance (FerretDB has no
 * TTL indexes, and a delete of old entries is harmless to repeat).
 */
export async function startLoggedDelivery<T>(
  platform: SlaPlatform,
  config: SlaConfig,
  d: LoggedDelivery<T>,
): Promise<{ stop(): Promise<void> }> {
  const workerConnection = createRedisConnection(config.REDIS_URL);
  workerConnection.on('error', () => undefined);
  const worker = new Worker<T>(d.queue.name, d.send, {
    connection: workerConnection,
    prefix: config.QUEUE_PREFIX,
    concurrency: d.concurrency,
    ...workerSettings,
  });
  logQueueErrors(worker, d.logger, d.queue.name);
  worker.on('failed', (job, err) =>
    d.logger.warn({ ...d.describe(job), err: err.message }, 'delivery attempt failed; BullMQ retries it'),
  );
  const closeWorker = async () => {
    await worker.close();
    await d.queue.close();
    await workerConnection.quit().catch(() => workerConnection.disconnect());
  };

  const group = groupName(config.TOPIC_PREFIX, d.group);
  platform.metrics.consumerLag.watch(d.group, group, [topicName(config.TOPIC_PREFIX, Topic.TicketEvents)]);
  const consumer = new EventConsumer({
    kafka: platform.kafka,
    groupId: group,
    topicPrefix: config.TOPIC_PREFIX,
    logger: d.logger,
    handle: async (envelope) => {
      await d.logEvent(envelope);
    },
  });
  try {
    await consumer.startJoined();
  } catch (error) {
    await closeWorker().catch(() => undefined);
    throw error;
  }

  const prune = () => void d.prune().catch((err) => d.logger.warn({ err }, 'delivery log not pruned'));
  prune();
  const pruneTimer = setInterval(prune, PRUNE_EVERY_MS);
  pruneTimer.unref();
  return {
    async stop() {
      clearInterval(pruneTimer);
      await consumer.stop();
      await closeWorker();
    },
  };
}
