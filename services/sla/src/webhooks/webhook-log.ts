import type { EventEnvelope, WebhookDeliveryJobData } from '@grid-dispatch/contracts';
import {
  isDuplicateKeyError,
  type Models,
  type WebhookDeliveryState,
  type WebhookEndpointDoc,
} from '@grid-dispatch/db';
import {
  type WebhookPersonalData,
  webhookBody,
  webhookMayCarryPersonalData,
  webhookWants,
} from '@grid-dispatch/domain';
import { enqueueWebhookDelivery } from '@grid-dispatch/queue';
import { type ReferenceStamp, StampedCache } from '@grid-dispatch/redis';
import type { Queue } from 'bullmq';

/**
 * Logs one ticket event for every endpoint that wants it and queues its sending. Runs in the
 * webhooks consumer group, in partition (so ticket) order: a ticket's deliveries are logged in
 * event order, which is the order the worker keeps. An endpoint switched off gets its deliveries
 * logged as failed, so replaying after it is switched back on loses nothing.
 */
export async function logWebhookDeliveries(
  models: Models,
  queue: Queue<WebhookDeliveryJobData>,
  envelope: EventEnvelope,
  /** Every registered endpoint, as the webhook endpoint cache holds them. */
  endpoints: readonly WebhookEndpointDoc[],
): Promise<number> {
  const scope = {
    type: envelope.type,
    unitId: envelope.ticket.unitId,
    assistUnitIds: envelope.ticket.assistUnitIds,
    fromUnitId: 'fromUnitId' in envelope.payload ? envelope.payload.fromUnitId : undefined,
  };
  // An endpoint hears of what happens after it was registered: this group, reading the topic
  // from its start when it first joins, sends no history to it.
  const occurredAt = Date.parse(envelope.occurredAt);
  const wanting = endpoints.filter((e) => e.createdAt.getTime() <= occurredAt && webhookWants(e, scope));
  if (wanting.length === 0) return 0;
  let personal: WebhookPersonalData | null = null;
  for (const endpoint of wanting) {
    const withPersonal = endpoint.personalData && webhookMayCarryPersonalData(endpoint);
    if (withPersonal) personal ??= await personalDataOf(models, envelope);
    const state: WebhookDeliveryState = endpoint.enabled ? 'pending' : 'failed';
    const delivery = {
      _id: `${endpoint._id}.${envelope.eventId}`,
      endpointId: endpoint._id,
      eventId: envelope.eventId,
      eventType: envelope.type,
      ticketId: envelope.ticketId,
      ticketVersion: envelope.ticketVersion,
      body: JSON.stringify(webhookBody(envelope, withPersonal ? personal : null)),
      state,
      attempts: 0,
      lastStatus: null,
      lastError: endpoint.enabled ? null : 'endpoint disabled',
      replays: 0,
    };
    try {
      await models.webhookDeliveries.create(delivery);
    } catch (error) {
      // A redelivered event: logged already; queue it again in case the job was never added.
      if (!isDuplicateKeyError(error)) throw error;
    }
    if (state === 'pending') await enqueueWebhookDelivery(queue, delivery);
  }
  return wanting.length;
}

async function personalDataOf(models: Models, envelope: EventEnvelope): Promise<WebhookPersonalData> {
  const actor = envelope.actor;
  const [ticket, user] = await Promise.all([
    models.tickets.findById(envelope.ticketId).select({ contact: 1 }).lean().exec(),
    actor.kind === 'staff'
      ? models.users.findById(actor.userId).select({ displayName: 1 }).lean().exec()
      : Promise.resolve(null),
  ]);
  return { reporterContact: ticket?.contact ?? null, actorName: user?.displayName ?? null };
}

/**
 * Deletes log entries older than `keepMs` that are settled (delivered or failed): the log stays
 * bounded, and a delivery still being retried is never lost from under its job.
 */
export async function pruneWebhookLog(models: Models, keepMs: number, now = Date.now()): Promise<number> {
  const result = await models.webhookDeliveries.deleteMany({
    createdAt: { $lt: new Date(now - keepMs) },
    state: { $in: ['delivered', 'failed'] },
  });
  return result.deletedCount;
}

/**
 * Every registered endpoint, read once per change rather than once per ticket event (three
 * events a report): each change to an endpoint (the API's, or the sender switching a failing one
 * off) moves the reference stamp, which reloads it. Endpoints are few (tens).
 */
export function webhookEndpointCache(
  models: Models,
  stamp: ReferenceStamp,
): StampedCache<WebhookEndpointDoc[]> {
  return new StampedCache(stamp, () => models.webhookEndpoints.find({}).lean<WebhookEndpointDoc[]>().exec());
}
