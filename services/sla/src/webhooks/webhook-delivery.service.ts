import { ConsumerGroup, groupName, QueueName, Topic, topicName } from '@grid-dispatch/contracts';
import { EventConsumer } from '@grid-dispatch/kafka';
import { createQueue, createRedisConnection, workerSettings } from '@grid-dispatch/queue';
import type { Platform } from '@grid-dispatch/runtime';
import { Worker } from 'bullmq';
import type { SlaConfig } from '../config';
import { startLogPruning } from '../log-pruning';
import { logWebhookDeliveries, pruneWebhookLog } from './webhook-log';
import { WebhookSender } from './webhook-sender';

/**
 * Signed webhooks, hosted by the sla service beside its other BullMQ worker: a consumer group of
 * its own logs each ticket event for the endpoints that want it, and a worker sends the logged
 * deliveries (WebhookSender: order per ticket, retries, switching off a failing endpoint).
 */
export async function startWebhookDelivery(
  platform: Platform,
  config: SlaConfig,
): Promise<{ stop(): Promise<void> }> {
  const logger = platform.logger.child({ module: 'webhooks' });
  const queue = createQueue(QueueName.WebhookDeliveries, {
    connection: platform.redis,
    prefix: config.QUEUE_PREFIX,
  });
  const sender = new WebhookSender(
    platform.models,
    queue,
    {
      retry: {
        baseMs: config.WEBHOOK_RETRY_BASE,
        maxMs: config.WEBHOOK_RETRY_MAX,
        attempts: config.WEBHOOK_ATTEMPTS,
      },
      disableAfter: config.WEBHOOK_DISABLE_AFTER,
      timeoutMs: config.WEBHOOK_TIMEOUT,
    },
    logger,
  );
  const workerConnection = createRedisConnection(config.REDIS_URL);
  workerConnection.on('error', () => undefined);
  const worker = new Worker(QueueName.WebhookDeliveries, (job, token) => sender.process(job, token), {
    connection: workerConnection,
    prefix: config.QUEUE_PREFIX,
    concurrency: config.WEBHOOK_WORKER_CONCURRENCY,
    ...workerSettings,
  });
  worker.on('failed', (job, err) =>
    logger.warn(
      { deliveryId: job?.data.deliveryId, err: err.message },
      'webhook job failed; BullMQ will retry',
    ),
  );
  const closeWorker = async () => {
    await worker.close();
    await queue.close();
    await workerConnection.quit().catch(() => workerConnection.disconnect());
  };

  const group = groupName(config.TOPIC_PREFIX, ConsumerGroup.Webhooks);
  platform.metrics.consumerLag.watch(ConsumerGroup.Webhooks, group, [
    topicName(config.TOPIC_PREFIX, Topic.TicketEvents),
  ]);
  const consumer = new EventConsumer({
    kafka: platform.kafka,
    groupId: group,
    topicPrefix: config.TOPIC_PREFIX,
    logger,
    handle: async (envelope) => {
      await logWebhookDeliveries(platform.models, queue, envelope);
    },
  });
  try {
    await consumer.startJoined();
  } catch (error) {
    await closeWorker().catch(() => undefined);
    throw error;
  }
  const stopPruning = startLogPruning(
    () => pruneWebhookLog(platform.models, config.WEBHOOK_LOG_KEEP),
    'webhook log',
    logger,
  );
  return {
    async stop() {
      stopPruning();
      await consumer.stop();
      await closeWorker();
    },
  };
}
