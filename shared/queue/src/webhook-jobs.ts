import { QueueName, type WebhookDeliveryJobData } from '@grid-dispatch/contracts';
import type { Queue } from 'bullmq';

/**
 * The job id of a delivery: its own id, with `.r<n>` for its n-th replay. A replay needs a new id
 * because BullMQ ignores an add whose id it still holds (a finished job is kept a while).
 */
export function webhookJobId(delivery: { _id: string; replays: number }): string {
  return delivery.replays > 0 ? `${delivery._id}.r${delivery.replays}` : delivery._id;
}

/**
 * Queues the job that sends a logged delivery. Adding the same delivery twice (a redelivered
 * event) is a no-op while BullMQ keeps the job, and a harmless one after: the worker sends only a
 * delivery that is still pending. The job's own attempts only cover the worker's storage errors;
 * the receiver's failures are counted on the delivery, with the webhook retry schedule.
 */
export async function enqueueWebhookDelivery(
  queue: Queue<WebhookDeliveryJobData>,
  delivery: { _id: string; replays: number },
): Promise<void> {
  await queue.add(
    QueueName.WebhookDeliveries,
    { deliveryId: delivery._id },
    { jobId: webhookJobId(delivery) },
  );
}
