import { WEBHOOK_HEADERS, type WebhookDeliveryJobData } from '@grid-dispatch/contracts';
import type { Models, WebhookDeliveryDoc, WebhookEndpointDoc } from '@grid-dispatch/db';
import {
  type WebhookRetrySettings,
  webhookMayRetry,
  webhookRetryDelayMs,
  webhookShouldDisable,
} from '@grid-dispatch/domain';
import type { Logger } from '@grid-dispatch/logger';
import { webhookJobId } from '@grid-dispatch/queue';
import type { ReferenceStamp } from '@grid-dispatch/redis';
import { DelayedError, type Job, type Queue } from 'bullmq';
import { webhookSignature } from './webhook-signature';

export interface WebhookSenderSettings {
  retry: WebhookRetrySettings;
  disableAfter: number;
  timeoutMs: number;
}

/**
 * How long a delivery waiting behind an earlier one of its ticket sleeps before it looks again.
 * The earlier one wakes it as soon as it is settled (see `wakeNext`); this is the fallback.
 */
const ORDER_RECHECK_MS = 30_000;

type Outcome = { ok: true; status: number } | { ok: false; status: number | null; error: string };

/**
 * Sends logged webhook deliveries, one BullMQ job each.
 *
 * Order per ticket and endpoint: a delivery sends only when no earlier delivery (by ticket
 * version) of the same ticket to the same endpoint is still pending; otherwise its job moves back
 * to the delayed set, without using an attempt, until the earlier one is settled and wakes it.
 * Retries reuse that move: a failed attempt counts on the delivery, and the job sleeps the wait
 * the retry schedule gives. So a failing endpoint holds up only its own deliveries, each ticket's
 * in order, and every other endpoint's jobs run on.
 */
export class WebhookSender {
  constructor(
    private readonly models: Models,
    /** Moved when an endpoint is switched off, so the endpoint cache of the loggers reloads. */
    private readonly referenceStamp: Pick<ReferenceStamp, 'bump'>,
    private readonly queue: Queue<WebhookDeliveryJobData>,
    private readonly settings: WebhookSenderSettings,
    private readonly logger: Logger,
  ) {}

  async process(job: Job<WebhookDeliveryJobData>, token: string | undefined): Promise<void> {
    const deliveries = this.models.webhookDeliveries;
    const delivery = await deliveries.findById(job.data.deliveryId).lean<WebhookDeliveryDoc>().exec();
    if (delivery?.state !== 'pending') return;
    const endpoint = await this.models.webhookEndpoints
      .findById(delivery.endpointId)
      .lean<WebhookEndpointDoc>()
      .exec();
    if (!endpoint?.enabled) {
      await this.settle(delivery, {
        state: 'failed',
        lastError: endpoint ? 'endpoint disabled' : 'endpoint deleted',
      });
      return;
    }
    const earlier = await deliveries
      .findOne({
        endpointId: delivery.endpointId,
        ticketId: delivery.ticketId,
        state: 'pending',
        ticketVersion: { $lt: delivery.ticketVersion },
      })
      .select({ _id: 1 })
      .lean()
      .exec();
    if (earlier) return this.sleep(job, token, ORDER_RECHECK_MS);

    const outcome = await this.post(endpoint, delivery);
    const attempts = delivery.attempts + 1;
    const now = new Date();
    if (outcome.ok) {
      await this.settle(delivery, {
        state: 'delivered',
        attempts,
        lastStatus: outcome.status,
        lastError: null,
        lastAttemptAt: now,
        deliveredAt: now,
      });
      await this.models.webhookEndpoints.updateOne({ _id: endpoint._id }, { $set: { failureStreak: 0 } });
      return;
    }
    const failure = { attempts, lastStatus: outcome.status, lastError: outcome.error, lastAttemptAt: now };
    if (webhookMayRetry(attempts, this.settings.retry)) {
      await deliveries.updateOne({ _id: delivery._id, state: 'pending' }, { $set: failure });
      return this.sleep(job, token, webhookRetryDelayMs(attempts, this.settings.retry));
    }
    await this.settle(delivery, { state: 'failed', ...failure });
    await this.countFailure(endpoint);
  }

  /** Records the outcome and wakes the ticket's next delivery to this endpoint, if one waits. */
  private async settle(delivery: WebhookDeliveryDoc, changes: Partial<WebhookDeliveryDoc>): Promise<void> {
    await this.models.webhookDeliveries.updateOne({ _id: delivery._id, state: 'pending' }, { $set: changes });
    await this.wakeNext(delivery);
  }

  private async wakeNext(delivery: WebhookDeliveryDoc): Promise<void> {
    const next = await this.models.webhookDeliveries
      .findOne({
        endpointId: delivery.endpointId,
        ticketId: delivery.ticketId,
        state: 'pending',
        ticketVersion: { $gt: delivery.ticketVersion },
      })
      .sort({ ticketVersion: 1 })
      .select({ _id: 1, replays: 1 })
      .lean<Pick<WebhookDeliveryDoc, '_id' | 'replays'>>()
      .exec();
    if (!next) return;
    const job = await this.queue.getJob(webhookJobId(next));
    // Not delayed (already waiting or running) is fine: it will look for itself.
    if (job && (await job.isDelayed())) await job.promote().catch(() => undefined);
  }

  /** One delivery more failed all its attempts: the endpoint is switched off after too many. */
  private async countFailure(endpoint: WebhookEndpointDoc): Promise<void> {
    const updated = await this.models.webhookEndpoints
      .findOneAndUpdate({ _id: endpoint._id }, { $inc: { failureStreak: 1 } }, { returnDocument: 'after' })
      .lean<WebhookEndpointDoc>()
      .exec();
    if (!updated?.enabled || !webhookShouldDisable(updated.failureStreak, this.settings.disableAfter)) return;
    const reason = `${updated.failureStreak} deliveries in a row failed after ${this.settings.retry.attempts} attempts each`;
    await this.models.webhookEndpoints.updateOne(
      { _id: endpoint._id, enabled: true },
      { $set: { enabled: false, disabledAt: new Date(), disabledReason: reason } },
    );
    await this.referenceStamp
      .bump()
      .catch((err) =>
        this.logger.warn(
          { err: String(err) },
          'reference stamp not moved; endpoint caches catch up within a minute',
        ),
      );
    // What was still waiting is logged as failed, to be replayed once the endpoint is back.
    await this.models.webhookDeliveries.updateMany(
      { endpointId: endpoint._id, state: 'pending' },
      { $set: { state: 'failed', lastError: 'endpoint disabled' } },
    );
    this.logger.warn({ endpointId: endpoint._id, url: endpoint.url, reason }, 'webhook endpoint disabled');
  }

  private async sleep(
    job: Job<WebhookDeliveryJobData>,
    token: string | undefined,
    ms: number,
  ): Promise<never> {
    await job.moveToDelayed(Date.now() + ms, token);
    throw new DelayedError();
  }

  private async post(endpoint: WebhookEndpointDoc, delivery: WebhookDeliveryDoc): Promise<Outcome> {
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const response = await fetch(endpoint.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.settings.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'grid-dispatch-webhooks',
          [WEBHOOK_HEADERS.timestamp]: String(timestamp),
          [WEBHOOK_HEADERS.signature]: webhookSignature(endpoint.secret, timestamp, delivery.body),
          [WEBHOOK_HEADERS.eventId]: delivery.eventId,
          [WEBHOOK_HEADERS.eventType]: delivery.eventType,
        },
        body: delivery.body,
      });
      // The answer's body is not needed; reading it frees the connection.
      await response.arrayBuffer().catch(() => undefined);
      if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
      return { ok: false, status: response.status, error: `HTTP ${response.status}` };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, status: null, error: cause ?? message };
    }
  }
}
