import { randomBytes, randomUUID } from 'node:crypto';
import { STAFF_ROLES } from '@grid-dispatch/auth';
import { QueueName, type WebhookDeliveryJobData } from '@grid-dispatch/contracts';
import type { WebhookDeliveryDoc, WebhookDeliveryState, WebhookEndpointDoc } from '@grid-dispatch/db';
import { webhookMayCarryPersonalData } from '@grid-dispatch/domain';
import { AppError } from '@grid-dispatch/errors';
import { parseBody, requireStaff } from '@grid-dispatch/http';
import { createQueue, enqueueWebhookDelivery } from '@grid-dispatch/queue';
import type { Queue } from 'bullmq';
import { type Request, Router } from 'express';
import type { WorkflowConfig } from '../../config';
import type { WorkflowPlatform } from '../../workflow-platform';
import { conflict, invalid, notFound, queryText } from '../admin/admin.common';
import { ownUnitOnly } from '../own-unit-only';
import {
  unitWebhookCreateBody,
  webhookCreateBody,
  webhookReplayBody,
  webhookUpdateBody,
} from './webhook-bodies';

export function webhookEndpointView(doc: WebhookEndpointDoc) {
  return {
    id: doc._id,
    url: doc.url,
    eventTypes: doc.eventTypes,
    unitId: doc.unitId,
    personalData: doc.personalData,
    enabled: doc.enabled,
    failureStreak: doc.failureStreak,
    disabledAt: doc.disabledAt ?? null,
    disabledReason: doc.disabledReason ?? null,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

export function webhookDeliveryView(doc: WebhookDeliveryDoc) {
  return {
    id: doc._id,
    eventId: doc.eventId,
    eventType: doc.eventType,
    ticketId: doc.ticketId,
    ticketVersion: doc.ticketVersion,
    state: doc.state,
    attempts: doc.attempts,
    lastStatus: doc.lastStatus ?? null,
    lastError: doc.lastError ?? null,
    lastAttemptAt: doc.lastAttemptAt ?? null,
    deliveredAt: doc.deliveredAt ?? null,
    replays: doc.replays,
    createdAt: doc.createdAt,
  };
}

const DELIVERY_STATES: readonly WebhookDeliveryState[] = ['pending', 'delivered', 'failed'];

const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

/** Only http and https: a webhook to file:, data: or javascript: could read or run anything. */
function checkUrl(text: string): string {
  let parsed: URL | null = null;
  try {
    parsed = new URL(text);
  } catch {
    parsed = null;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new AppError('MALFORMED_REQUEST', 'url: expected an http or https URL.', {
      fields: [{ path: 'url', message: 'expected an http or https URL' }],
    });
  }
  return parsed.toString();
}

/** Which endpoints a caller manages: every one (the administrator) or one unit's. */
type Owner = { all: true } | { all: false; unitId: string };

/**
 * The webhook endpoints and their delivery logs. The same routes serve the administrator at
 * /api/v1/admin/webhooks (every endpoint; one may be registered for a unit) and a unit's staff at
 * /api/v1/units/{unitId}/webhooks (their unit's only; another unit's look like they do not exist).
 * Deliveries are sent by the sla service; a replay here queues the delivery's job again.
 */
function webhooksRoutes(
  platform: WorkflowPlatform,
  queue: Queue<WebhookDeliveryJobData>,
  ownerOf: (req: Request) => Owner,
) {
  const router = Router({ mergeParams: true });
  const endpoints = platform.models.webhookEndpoints;
  const deliveries = platform.models.webhookDeliveries;
  // The sla service's loggers keep the endpoints in memory until the reference stamp moves. A stamp
  // that could not move (Redis down, which stops dispatching anyway) leaves them a minute behind.
  const endpointsChanged = () =>
    platform.referenceStamp
      .bump()
      .catch((err) => platform.logger.warn({ err: String(err) }, 'reference stamp not moved'));

  const endpointOf = async (req: Request): Promise<WebhookEndpointDoc> => {
    const id = String(req.params.id);
    const owner = ownerOf(req);
    const found = await endpoints.findById(id).lean<WebhookEndpointDoc>().exec();
    if (!found || (!owner.all && found.unitId !== owner.unitId)) throw notFound('webhook endpoint', id);
    return found;
  };

  router.get('/', async (req, res) => {
    const owner = ownerOf(req);
    const unitId = owner.all ? queryText(req.query, 'unitId') : owner.unitId;
    const filter = unitId === undefined ? {} : { unitId };
    const items = await endpoints.find(filter).sort({ createdAt: 1 }).lean<WebhookEndpointDoc[]>().exec();
    res.json({ items: items.map(webhookEndpointView) });
  });

  router.post('/', async (req, res) => {
    const owner = ownerOf(req);
    const body = owner.all
      ? parseBody(webhookCreateBody, req.body)
      : { ...parseBody(unitWebhookCreateBody, req.body), unitId: owner.unitId };
    const url = checkUrl(body.url);
    const unitId = body.unitId ?? null;
    if (unitId !== null && !(await platform.models.units.exists({ _id: unitId }))) {
      throw invalid('unitId', `no unit "${unitId}"`);
    }
    if (body.personalData && !webhookMayCarryPersonalData({ unitId })) {
      throw invalid('personalData', "only a unit's own endpoint may receive personal data");
    }
    const secret = newSecret();
    const created = await endpoints.create({
      _id: randomUUID(),
      url,
      eventTypes: body.eventTypes ?? [],
      unitId,
      secret,
      personalData: body.personalData ?? false,
      enabled: true,
      failureStreak: 0,
      disabledAt: null,
      disabledReason: null,
    });
    await endpointsChanged();
    res.status(201).json({ ...webhookEndpointView(created.toObject()), secret });
  });

  router.patch('/:id', async (req, res) => {
    const current = await endpointOf(req);
    const body = parseBody(webhookUpdateBody, req.body);
    const changes: Partial<WebhookEndpointDoc> = {};
    if (body.url !== undefined) changes.url = checkUrl(body.url);
    if (body.eventTypes !== undefined) changes.eventTypes = body.eventTypes;
    if (body.personalData !== undefined) {
      if (body.personalData && !webhookMayCarryPersonalData(current)) {
        throw invalid('personalData', "only a unit's own endpoint may receive personal data");
      }
      changes.personalData = body.personalData;
    }
    if (body.enabled !== undefined) {
      changes.enabled = body.enabled;
      // Switched on by hand: a fresh start. Switched off by hand: no automatic notice.
      Object.assign(changes, { failureStreak: 0, disabledAt: null, disabledReason: null });
    }
    const updated = await endpoints
      .findOneAndUpdate({ _id: current._id }, { $set: changes }, { returnDocument: 'after' })
      .lean<WebhookEndpointDoc>()
      .exec();
    await endpointsChanged();
    res.json(webhookEndpointView(updated ?? current));
  });

  router.delete('/:id', async (req, res) => {
    const current = await endpointOf(req);
    await endpoints.deleteOne({ _id: current._id });
    await endpointsChanged();
    res.status(204).end();
  });

  router.post('/:id/secret', async (req, res) => {
    const current = await endpointOf(req);
    const secret = newSecret();
    const updated = await endpoints
      .findOneAndUpdate({ _id: current._id }, { $set: { secret } }, { returnDocument: 'after' })
      .lean<WebhookEndpointDoc>()
      .exec();
    res.json({ ...webhookEndpointView(updated ?? current), secret });
  });

  router.get('/:id/deliveries', async (req, res) => {
    const current = await endpointOf(req);
    for (const key of Object.keys(req.query)) {
      if (key !== 'state' && key !== 'limit') throw invalid(key, 'unknown parameter');
    }
    const state = queryText(req.query, 'state') as WebhookDeliveryState | undefined;
    if (state !== undefined && !DELIVERY_STATES.includes(state)) {
      throw invalid('state', 'must be pending, delivered or failed');
    }
    const limitText = queryText(req.query, 'limit') ?? '50';
    const limit = Number(limitText);
    if (!/^\d+$/.test(limitText) || limit < 1 || limit > 200) {
      throw invalid('limit', 'must be an integer from 1 to 200');
    }
    const items = await deliveries
      .find({ endpointId: current._id, ...(state ? { state } : {}) })
      .sort({ createdAt: -1, ticketVersion: -1 })
      .limit(limit)
      .lean<WebhookDeliveryDoc[]>()
      .exec();
    res.json({ items: items.map(webhookDeliveryView) });
  });

  router.post('/:id/replay', async (req, res) => {
    const current = await endpointOf(req);
    const { deliveryId } = parseBody(webhookReplayBody, req.body ?? {});
    if (!current.enabled) throw conflict('The endpoint is switched off: switch it on before replaying.');
    const chosen = deliveryId
      ? await deliveries
          .find({ _id: deliveryId, endpointId: current._id })
          .lean<WebhookDeliveryDoc[]>()
          .exec()
      : await deliveries
          .find({ endpointId: current._id, state: 'failed' })
          .sort({ createdAt: 1, ticketVersion: 1 })
          .lean<WebhookDeliveryDoc[]>()
          .exec();
    if (deliveryId && chosen.length === 0) throw notFound('delivery', deliveryId);
    let replayed = 0;
    for (const delivery of chosen) {
      // A delivery still being sent is left to finish; sending it twice at once helps nobody.
      const reset = await deliveries
        .findOneAndUpdate(
          { _id: delivery._id, state: { $ne: 'pending' } },
          {
            $set: { state: 'pending', attempts: 0, lastError: null, deliveredAt: null },
            $inc: { replays: 1 },
          },
          { returnDocument: 'after' },
        )
        .lean<WebhookDeliveryDoc>()
        .exec();
      if (!reset) continue;
      await enqueueWebhookDelivery(queue, reset);
      replayed += 1;
    }
    res.json({ replayed });
  });

  return router;
}

/** /api/v1/admin/webhooks, mounted inside the admin router (admins only). */
export function adminWebhooksRouter(
  platform: WorkflowPlatform,
  queue: Queue<WebhookDeliveryJobData>,
): Router {
  return webhooksRoutes(platform, queue, () => ({ all: true }));
}

/**
 * /api/v1/units/{unitId}/webhooks: staff of that unit (any role that belongs to it) and the
 * administrator. Anyone else is told there is nothing there (404).
 */
export function unitWebhooksRouter(
  platform: WorkflowPlatform,
  config: WorkflowConfig,
  queue: Queue<WebhookDeliveryJobData>,
): Router {
  const router = Router();
  const staff = requireStaff({ secret: config.AUTH_SECRET, sessions: platform.sessions }, STAFF_ROLES);
  const routes = webhooksRoutes(platform, queue, (req) => ({
    all: false,
    unitId: String(req.params.unitId),
  }));
  router.use('/units/:unitId/webhooks', staff, ownUnitOnly, routes);
  return router;
}

/** The queue a replay puts jobs on (the sla service's webhook worker takes them). */
export function webhookQueue(
  platform: WorkflowPlatform,
  config: WorkflowConfig,
): Queue<WebhookDeliveryJobData> {
  const queue = createQueue(QueueName.WebhookDeliveries, {
    connection: platform.redis,
    prefix: config.QUEUE_PREFIX,
    logger: platform.logger,
  });
  platform.db.once('close', () => void queue.close().catch(() => undefined));
  return queue;
}
