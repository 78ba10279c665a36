import { ConsumerGroup, QueueName } from '@grid-dispatch/contracts';
import { createQueue } from '@grid-dispatch/queue';
import type { SlaConfig } from '../config';
import { startLoggedDelivery } from '../logged-delivery';
import type { SlaPlatform } from '../sla-platform';
import { logWebhookDeliveries, pruneWebhookLog, webhookEndpointCache } from './webhook-log';
import { WebhookSender } from './webhook-sender';

/**
 * Signed webhooks, hosted by the sla service beside its other BullMQ worker: a consumer group of
 * its own logs each ticket event for the endpoints that want it, and a worker sends the logged
 * deliveries (WebhookSender: order per ticket, retries, switching off a failing endpoint).
 */
export async function startWebhookDelivery(
  platform: SlaPlatform,
  config: SlaConfig,
): Promise<{ stop(): Promise<void> }> {
  const logger = platform.logger.child({ module: 'webhooks' });
  const queue = createQueue(QueueName.WebhookDeliveries, {
    connection: platform.redis,
    prefix: config.QUEUE_PREFIX,
    logger,
  });
  const endpoints = webhookEndpointCache(platform.models, platform.referenceStamp);
  const sender = new WebhookSender(
    platform.models,
    platform.referenceStamp,
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
  return startLoggedDelivery(platform, config, {
    group: ConsumerGroup.Webhooks,
    logger,
    queue,
    logEvent: async (envelope) =>
      logWebhookDeliveries(platform.models, queue, envelope, await endpoints.get()),
    send: (job, token) => sender.process(job, token),
    concurrency: config.WEBHOOK_WORKER_CONCURRENCY,
    describe: (job) => ({ deliveryId: job?.data.deliveryId }),
    prune: () => pruneWebhookLog(platform.models, config.WEBHOOK_LOG_KEEP),
  });
}
