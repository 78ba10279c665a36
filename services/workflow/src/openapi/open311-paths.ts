import { str } from './schemas';

type Json = Record<string, unknown>;

/**
 * Open311 GeoReport v2 at /open311/v2 (served by intake; README, "Open311 GeoReport v2"), and the
 * administration of its API keys. Each Open311 resource answers JSON or XML as its extension asks;
 * the schemas below describe the JSON, the XML carries the same fields
 * (`<services><service>…`, `<service_requests><request>…`, `<errors><error>…`).
 */
const TAG = ['Open311 GeoReport v2'];
const w3c = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})$',
  description: 'W3C datetime with its offset (+08:00)',
};
const open311Errors = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    required: ['code', 'description'],
    additionalProperties: false,
    properties: { code: { type: 'integer' }, description: str },
  },
};
const answer = (description: string, schema: Json) => ({
  description,
  content: { 'application/json': { schema }, 'text/xml': {} },
});
const failure = (description: string) => answer(description, open311Errors);
const format = {
  name: 'format',
  in: 'path',
  required: true,
  schema: { enum: ['json', 'xml'] },
  description: 'the answer format (errors too)',
};
const service = {
  type: 'object',
  required: ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'],
  properties: {
    service_code: { type: 'string', description: 'the category code' },
    service_name: { type: 'string', description: 'the category name in Chinese' },
    description: str,
    metadata: { const: false, description: 'categories have no attributes' },
    type: { const: 'realtime' },
    keywords: { type: 'string', description: 'comma-separated' },
    group: { type: 'string', description: 'the priority' },
  },
};
const serviceRequest = {
  type: 'object',
  required: [
    'service_request_id',
    'status',
    'service_name',
    'service_code',
    'description',
    'requested_datetime',
    'updated_datetime',
  ],
  additionalProperties: false,
  description:
    'No personal data: no name, phone, email, address, photo, reporter token or staff identity; contact details in the description are removed; the position is the centre of its ~100 m cell.',
  properties: {
    service_request_id: { type: 'string', description: 'the tracking code' },
    status: { enum: ['open', 'closed'] },
    status_notes: str,
    service_name: str,
    service_code: str,
    description: str,
    agency_responsible: { type: 'string', description: "the responsible unit's public name" },
    requested_datetime: w3c,
    updated_datetime: w3c,
    expected_datetime: { ...w3c, description: 'the fix deadline while one runs' },
    lat: { type: 'number' },
    long: { type: 'number' },
  },
};
const requestList = { type: 'array', items: serviceRequest };
const filed = {
  type: 'array',
  items: {
    type: 'object',
    required: ['service_request_id', 'token'],
    properties: {
      service_request_id: { type: 'string', description: 'the tracking code, known at once' },
      token: str,
      service_notice: str,
    },
  },
};
const query = (name: string, description: string) => ({
  name,
  in: 'query',
  required: false,
  schema: str,
  description,
});

export const open311Paths: Record<string, Json> = {
  '/open311/v2/discovery.{format}': {
    get: {
      operationId: 'open311_discovery',
      tags: TAG,
      parameters: [format],
      responses: {
        200: answer('The endpoint and its formats', {
          type: 'object',
          required: ['changeset', 'endpoints'],
          properties: { changeset: str, contact: str, key_service: str, endpoints: { type: 'array' } },
        }),
      },
    },
  },
  '/open311/v2/services.{format}': {
    get: {
      operationId: 'open311_services',
      tags: TAG,
      parameters: [format],
      responses: { 200: answer('The active categories as services', { type: 'array', items: service }) },
    },
  },
  '/open311/v2/services/{service_code}.{format}': {
    get: {
      operationId: 'open311_service_definition',
      tags: TAG,
      description: 'Categories have no attributes: a known service answers a definition with none.',
      parameters: [{ name: 'service_code', in: 'path', required: true, schema: str }, format],
      responses: {
        200: answer('The definition', {
          type: 'object',
          required: ['service_code', 'attributes'],
          properties: { service_code: str, attributes: { type: 'array', maxItems: 0 } },
        }),
        404: failure('No such active service'),
      },
    },
  },
  '/open311/v2/requests.{format}': {
    post: {
      operationId: 'open311_create_request',
      tags: TAG,
      description:
        'Files a report as the own form does (same validation, routing and duty-desk rules; Idempotency-Key honoured per client). Needs an api_key issued by the administrator.',
      parameters: [format],
      requestBody: {
        required: true,
        content: {
          'application/x-www-form-urlencoded': {
            schema: {
              type: 'object',
              required: ['api_key', 'service_code', 'description'],
              properties: {
                api_key: str,
                service_code: str,
                lat: str,
                long: str,
                address_string: str,
                description: str,
                email: { type: 'string', description: 'checked, not stored' },
                first_name: str,
                last_name: str,
                phone: { type: 'string', description: 'a Chinese mobile or landline number' },
                media_url: str,
                jurisdiction_id: { type: 'string', description: 'ignored (one jurisdiction)' },
              },
            },
          },
        },
      },
      responses: {
        201: answer('Filed', filed),
        400: failure('A field is missing or wrong (each named)'),
        403: failure('api_key missing, unknown or revoked'),
        503: failure('Not set up to take this report here, or a server is down'),
      },
    },
    get: {
      operationId: 'open311_list_requests',
      tags: TAG,
      description:
        'Newest first, at most 1,000; the last 90 days unless a range (at most 90 days) is given. open = submitted, dispatched, accepted, returned, resolved, reopened; closed = closed, cancelled, merged.',
      parameters: [
        format,
        query('service_request_id', 'comma-separated tracking codes (at most 100); overrides the rest'),
        query('service_code', 'comma-separated'),
        query('status', 'open, closed or both comma-separated'),
        query('start_date', 'W3C datetime, or a date (a day in China Standard Time)'),
        query('end_date', 'W3C datetime, or a date (that whole day)'),
      ],
      responses: {
        200: answer('The requests', requestList),
        400: failure('A parameter is wrong (each named)'),
        429: failure('Too many reads from this address'),
      },
    },
  },
  '/open311/v2/requests/{service_request_id}.{format}': {
    get: {
      operationId: 'open311_get_request',
      tags: TAG,
      parameters: [{ name: 'service_request_id', in: 'path', required: true, schema: str }, format],
      responses: {
        200: answer('One request, in a list', requestList),
        400: failure('Not a tracking code'),
        404: failure('No such request'),
      },
    },
  },
  '/open311/v2/tokens/{token}.{format}': {
    get: {
      operationId: 'open311_token',
      tags: TAG,
      parameters: [{ name: 'token', in: 'path', required: true, schema: str }, format],
      responses: {
        200: answer('The request id of the token', {
          type: 'array',
          items: {
            type: 'object',
            required: ['service_request_id', 'token'],
            properties: { service_request_id: str, token: str },
          },
        }),
        400: failure('Not a token of this endpoint'),
        404: failure('No request has this token'),
      },
    },
  },
};
