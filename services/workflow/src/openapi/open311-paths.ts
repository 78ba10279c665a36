import { type ComponentName, ref } from './components';
import { type Json, pathParam, queryParam } from './operations';

/**
 * Open311 GeoReport v2 at /open311/v2 (served by intake; README.md#open311-georeport-v2). Each
 * resource answers JSON or XML as its extension asks; the components describe the JSON, the XML
 * carries the same fields (`<services><service>…`, `<service_requests><request>…`, `<errors><error>…`).
 */
const TAG = ['Open311 GeoReport v2'];
const answer = (description: string, schema: Json) => ({
  description,
  content: { 'application/json': { schema }, 'text/xml': {} },
});
const one = (description: string, name: ComponentName) => answer(description, ref(name));
const failure = (description: string) => one(description, 'Open311Errors');
const format = {
  ...pathParam('format', { enum: ['json', 'xml'] }),
  description: 'the answer format (errors too)',
};

/**
 * The form of POST requests.{format}: written by hand, as it has no zod schema — intake reads it
 * field by field (parseOpen311Form) to answer each wrong field in Open311's error format, then
 * validates the report it makes of it with the report body schema (ReportCreate).
 */
const requestForm = {
  type: 'object',
  required: ['api_key', 'service_code', 'description'],
  properties: {
    api_key: { type: 'string' },
    service_code: { type: 'string' },
    lat: { type: 'string' },
    long: { type: 'string' },
    address_string: { type: 'string' },
    description: { type: 'string' },
    email: { type: 'string', description: 'checked, not stored' },
    first_name: { type: 'string' },
    last_name: { type: 'string' },
    phone: { type: 'string', description: 'a Chinese mobile or landline number' },
    media_url: { type: 'string' },
    jurisdiction_id: { type: 'string', description: 'ignored (one jurisdiction)' },
  },
};

export const open311Paths: Record<string, Json> = {
  '/open311/v2/discovery.{format}': {
    get: {
      operationId: 'open311_discovery',
      tags: TAG,
      parameters: [format],
      responses: { 200: one('The endpoint and its formats', 'Open311Discovery') },
    },
  },
  '/open311/v2/services.{format}': {
    get: {
      operationId: 'open311_services',
      tags: TAG,
      parameters: [format],
      responses: { 200: one('The active categories as services', 'Open311Services') },
    },
  },
  '/open311/v2/services/{service_code}.{format}': {
    get: {
      operationId: 'open311_service_definition',
      tags: TAG,
      description: 'Categories have no attributes: a known service answers a definition with none.',
      parameters: [pathParam('service_code'), format],
      responses: {
        200: one('The definition', 'Open311ServiceDefinition'),
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
        content: { 'application/x-www-form-urlencoded': { schema: requestForm } },
      },
      responses: {
        201: one('Filed', 'Open311Filed'),
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
        queryParam('service_request_id', 'comma-separated tracking codes (at most 100); overrides the rest'),
        queryParam('service_code', 'comma-separated'),
        queryParam('status', 'open, closed or both comma-separated'),
        queryParam('start_date', 'W3C datetime, or a date (a day in China Standard Time)'),
        queryParam('end_date', 'W3C datetime, or a date (that whole day)'),
      ],
      responses: {
        200: one('The requests', 'Open311ServiceRequests'),
        400: failure('A parameter is wrong (each named)'),
        429: failure('Too many reads from this address'),
      },
    },
  },
  '/open311/v2/requests/{service_request_id}.{format}': {
    get: {
      operationId: 'open311_get_request',
      tags: TAG,
      parameters: [pathParam('service_request_id'), format],
      responses: {
        200: one('One request, in a list', 'Open311ServiceRequests'),
        400: failure('Not a tracking code'),
        404: failure('No such request'),
      },
    },
  },
  '/open311/v2/tokens/{token}.{format}': {
    get: {
      operationId: 'open311_token',
      tags: TAG,
      parameters: [pathParam('token'), format],
      responses: {
        200: one('The request id of the token', 'Open311Token'),
        400: failure('Not a token of this endpoint'),
        404: failure('No request has this token'),
      },
    },
  },
};
