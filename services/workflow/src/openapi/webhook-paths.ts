import { answer, bearer, body, error, type Json, pathParam, queryParam } from './operations';

const TAG = ['Webhooks'];
const errors = {
  400: error('Malformed body, or a URL that is not http(s) (fields named)'),
  401: error('No or expired token'),
  404: error('Not found, or not the caller’s to manage'),
  409: error('The endpoint is switched off (replay)'),
  422: error('Not acceptable (fields named)'),
};

/**
 * The webhook endpoints (README.md#webhooks) under one prefix: the administrator's
 * (/api/v1/admin/webhooks, every endpoint) or a unit's (/api/v1/units/{unitId}/webhooks, its own).
 * Both take the same operations; only the create body differs (a unit's names no unit).
 */
function webhookPaths(
  prefix: string,
  op: string,
  scope: Json[],
  create: 'WebhookCreate' | 'UnitWebhookCreate',
) {
  const id = [...scope, pathParam('id')];
  return {
    [prefix]: {
      get: {
        operationId: `${op}_list_webhooks`,
        tags: TAG,
        security: bearer,
        parameters: [...scope, ...(scope.length ? [] : [queryParam('unitId', 'Only this unit’s endpoints')])],
        responses: { 200: answer('The endpoints (never their secrets)', 'WebhookEndpointList'), ...errors },
      },
      post: {
        operationId: `${op}_create_webhook`,
        tags: TAG,
        description: 'Registers an endpoint. The answer is the only time its signing secret is shown.',
        security: bearer,
        parameters: scope,
        requestBody: body(create),
        responses: { 201: answer('Registered', 'WebhookEndpointWithSecret'), ...errors },
      },
    },
    [`${prefix}/{id}`]: {
      patch: {
        operationId: `${op}_update_webhook`,
        tags: TAG,
        description: 'Changes settings; `enabled: true` switches an automatically disabled endpoint back on.',
        security: bearer,
        parameters: id,
        requestBody: body('WebhookUpdate'),
        responses: { 200: answer('Updated', 'WebhookEndpoint'), ...errors },
      },
      delete: {
        operationId: `${op}_delete_webhook`,
        tags: TAG,
        security: bearer,
        parameters: id,
        responses: { 204: { description: 'Removed' }, ...errors },
      },
    },
    [`${prefix}/{id}/secret`]: {
      post: {
        operationId: `${op}_rotate_webhook_secret`,
        tags: TAG,
        description: 'A new signing secret, shown this once; the old one stops signing at once.',
        security: bearer,
        parameters: id,
        responses: { 200: answer('Rotated', 'WebhookEndpointWithSecret'), ...errors },
      },
    },
    [`${prefix}/{id}/deliveries`]: {
      get: {
        operationId: `${op}_list_webhook_deliveries`,
        tags: TAG,
        description: 'The delivery log, newest first (kept 30 days): state, attempts, last HTTP status.',
        security: bearer,
        parameters: [
          ...id,
          queryParam('state', 'pending, delivered or failed'),
          queryParam('limit', '1–200, default 50'),
        ],
        responses: { 200: answer('Deliveries', 'WebhookDeliveryList'), ...errors },
      },
    },
    [`${prefix}/{id}/replay`]: {
      post: {
        operationId: `${op}_replay_webhook`,
        tags: TAG,
        description:
          'Sends one logged delivery again, or every failed one (oldest first, each ticket in order).',
        security: bearer,
        parameters: id,
        requestBody: body('WebhookReplay'),
        responses: { 200: answer('Queued', 'WebhookReplayed'), ...errors },
      },
    },
  };
}

export const webhookApiPaths: Record<string, Json> = {
  ...webhookPaths('/api/v1/admin/webhooks', 'admin', [], 'WebhookCreate'),
  ...webhookPaths('/api/v1/units/{unitId}/webhooks', 'unit', [pathParam('unitId')], 'UnitWebhookCreate'),
};
