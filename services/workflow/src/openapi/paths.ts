import { ref, str } from './schemas';

type Json = Record<string, unknown>;
const json = (schema: Json) => ({ content: { 'application/json': { schema } } });
const error = (description: string) => ({ description, ...json(ref('Error')) });
const staff = [{ bearer: [] }];

/** Error answers of every operation that takes a body, by status. */
const bodyErrors = {
  400: error('Malformed body: not JSON, wrong types, unknown fields (fields named)'),
  413: error('Body too large'),
  422: error('Well-formed but not acceptable (fields named)'),
  503: error('A server is down; retry after Retry-After seconds'),
};
const staffErrors = { 401: error('No or expired token'), 404: error('Not found, or not in your scope') };

/** A photo as stored and served: the raw bytes of one of these types (no JSON schema). */
const photoContent = { 'image/jpeg': {}, 'image/png': {}, 'image/webp': {} };
const photoStored = {
  type: 'object',
  required: ['id', 'url', 'contentType', 'bytes'],
  properties: {
    id: { type: 'string', pattern: '^[A-Za-z0-9_-]{22}$' },
    url: { type: 'string', pattern: '^/api/v1/photos/[A-Za-z0-9_-]{22}$', description: 'use it in photos' },
    contentType: { enum: ['image/jpeg', 'image/png', 'image/webp'] },
    bytes: { type: 'integer', minimum: 1 },
  },
};
const photoReference = {
  type: 'string',
  description: 'a public http(s) URL, or the url of a photo stored with POST /api/v1/photos',
};

const ticketId = { name: 'id', in: 'path', required: true, schema: str };
const trackingCode = { name: 'trackingCode', in: 'path', required: true, schema: str };

/** The workflow actions of the API (README, "The API"): body schema and who may take them. */
const ACTIONS: Array<[string, Json, string]> = [
  [
    'accept',
    { type: 'object', additionalProperties: false },
    'unit member of the lead unit: sign for the ticket (签收)',
  ],
  [
    'progress',
    { type: 'object', required: ['note'], additionalProperties: false, properties: { note: str } },
    'unit member (lead or assisting)',
  ],
  [
    'resolve',
    {
      type: 'object',
      required: ['note'],
      additionalProperties: false,
      properties: { note: str, photos: { type: 'array', items: photoReference } },
    },
    'unit member of the lead unit: report the fix (办结反馈)',
  ],
  [
    'return',
    { type: 'object', required: ['reason'], additionalProperties: false, properties: { reason: str } },
    'unit member: return a wrongly routed ticket (退单)',
  ],
  [
    'extension',
    {
      type: 'object',
      required: ['resolveBy', 'reason'],
      additionalProperties: false,
      properties: { resolveBy: { type: 'string', format: 'date-time' }, reason: str },
    },
    'unit member: ask for more time (延期)',
  ],
  [
    'decide',
    {
      type: 'object',
      required: ['request', 'approve'],
      additionalProperties: false,
      properties: {
        request: { enum: ['return', 'extension'] },
        approve: { type: 'boolean' },
        note: str,
        unitId: str,
      },
    },
    'secretary: decide a pending return (approving needs unitId) or extension',
  ],
  [
    'reassign',
    {
      type: 'object',
      required: ['unitId'],
      additionalProperties: false,
      properties: { unitId: str, reason: str },
    },
    'secretary: re-route (改派)',
  ],
  [
    'verify',
    {
      type: 'object',
      required: ['solved'],
      additionalProperties: false,
      properties: { solved: { type: 'boolean' }, note: str },
    },
    'secretary: verify the fix and close, or send it back (核查销号)',
  ],
  [
    'reopen',
    { type: 'object', required: ['reason'], additionalProperties: false, properties: { reason: str } },
    'secretary: reopen a resolved or closed ticket',
  ],
  [
    'cancel',
    { type: 'object', required: ['reason'], additionalProperties: false, properties: { reason: str } },
    'secretary: cancel an open ticket',
  ],
  [
    'merge',
    {
      type: 'object',
      required: ['intoTicketId'],
      additionalProperties: false,
      properties: { intoTicketId: str },
    },
    'secretary: merge a duplicate into another ticket (并单)',
  ],
  [
    'urge',
    { type: 'object', additionalProperties: false, properties: { note: str } },
    'secretary: urge (督办)',
  ],
];

export const paths: Record<string, Json> = {
  '/healthz': {
    get: {
      operationId: 'health',
      summary: 'Each server up or down',
      responses: {
        200: { description: 'All up', ...json(ref('Health')) },
        503: { description: 'Something is down (named)', ...json(ref('Health')) },
      },
    },
  },
  '/api/v1/openapi.json': {
    get: {
      operationId: 'openapi',
      summary: 'This document',
      responses: { 200: { description: 'OpenAPI 3.1', ...json({ type: 'object' }) } },
    },
  },
  '/api/v1/categories': {
    get: {
      operationId: 'listCategories',
      summary: 'Active categories with priority and limits',
      responses: { 200: { description: 'Categories', ...json({ type: 'array', items: ref('Category') }) } },
    },
  },
  '/api/v1/areas': {
    get: {
      operationId: 'listAreas',
      summary: 'The area hierarchy with grid boundaries',
      responses: { 200: { description: 'Areas', ...json({ type: 'array', items: ref('Area') }) } },
    },
  },
  '/api/v1/units': {
    get: {
      operationId: 'listUnits',
      summary: 'The member units, for staff pickers (reassign, approve a return)',
      security: staff,
      responses: {
        200: {
          description: 'Units',
          ...json({
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'name', 'kind', 'areaIds', 'active'],
              properties: {
                id: str,
                name: ref('LocalizedName'),
                kind: str,
                areaIds: { type: 'array', items: str },
                active: { type: 'boolean' },
              },
            },
          }),
        },
        401: error('No or expired token'),
      },
    },
  },
  '/api/v1/reports': {
    post: {
      operationId: 'createReport',
      summary: "A resident's report",
      parameters: [
        {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          schema: { type: 'string', maxLength: 200 },
        },
      ],
      requestBody: { required: true, ...json(ref('ReportCreate')) },
      responses: {
        201: {
          description: 'Stored (or the same ticket again for a repeated Idempotency-Key)',
          ...json(ref('ReportCreated')),
        },
        ...bodyErrors,
      },
    },
  },
  '/api/v1/reports/nearby': {
    get: {
      operationId: 'nearbyReports',
      summary:
        'Open reports of a category near a place, described before sending: no tracking code, no position, distance rounded up to 50 m from the asker’s ~100 m cell',
      parameters: ['category', 'lat', 'lng'].map((name) => ({
        name,
        in: 'query',
        required: true,
        schema: str,
      })),
      responses: {
        200: {
          description: 'Nearest first, within the duplicate radius',
          ...json({
            type: 'object',
            required: ['duplicates'],
            properties: {
              duplicates: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['category', 'status', 'reportedAt', 'distanceM'],
                  properties: {
                    category: str,
                    status: str,
                    reportedAt: { type: 'string', format: 'date-time', description: 'to the hour' },
                    distanceM: { type: 'number', minimum: 50, multipleOf: 50 },
                  },
                },
              },
            },
          }),
        },
        400: error('Missing, repeated or unknown parameter'),
        422: error('Coordinates out of range or not a category code'),
      },
    },
  },
  '/api/v1/reports/{trackingCode}': {
    get: {
      operationId: 'getReport',
      summary: 'The public view: status, timeline, deadlines; never personal data',
      parameters: [trackingCode],
      responses: {
        200: { description: 'The report', ...json(ref('PublicTicket')) },
        404: error('Unknown tracking code'),
      },
    },
  },
  '/api/v1/reports/{trackingCode}/feedback': {
    post: {
      operationId: 'rateReport',
      summary: 'The reporter rates the fix; dissatisfied reopens the ticket',
      parameters: [trackingCode],
      requestBody: { required: true, ...json(ref('Feedback')) },
      responses: {
        200: { description: 'The public view after the rating', ...json(ref('PublicTicket')) },
        403: error('The reporter token does not match'),
        404: error('Unknown tracking code'),
        409: error('Not rateable in this state'),
        ...bodyErrors,
      },
    },
  },
  '/api/v1/photos': {
    post: {
      operationId: 'uploadPhoto',
      summary:
        'Store a photo (no login): the raw image is the body. Use the answered url in a report or a fix.',
      requestBody: { required: true, content: photoContent },
      responses: {
        201: { description: 'Stored', ...json(photoStored) },
        400: error('Empty body'),
        413: error('Larger than the limit (PHOTO_MAX_BYTES, default 5 MiB)'),
        415: error(
          'Content-Type missing or not image/jpeg, image/png or image/webp, or the bytes are not that type',
        ),
        429: error('Too many uploads from this address; Retry-After'),
        503: error('A server is down; retry after Retry-After seconds'),
      },
    },
  },
  '/api/v1/photos/{id}': {
    get: {
      operationId: 'getPhoto',
      summary: 'A stored photo, byte for byte; cacheable for good',
      parameters: [{ name: 'id', in: 'path', required: true, schema: str }],
      responses: {
        200: {
          description: 'The image',
          headers: {
            'Cache-Control': { schema: { const: 'public, max-age=31536000, immutable' } },
            'X-Content-Type-Options': { schema: { const: 'nosniff' } },
          },
          content: photoContent,
        },
        404: error('Unknown photo'),
      },
    },
  },
  '/api/v1/auth/login': {
    post: {
      operationId: 'login',
      summary: 'Staff login; repeated failures are slowed down',
      requestBody: { required: true, ...json(ref('LoginRequest')) },
      responses: {
        200: { description: 'A bearer token', ...json(ref('LoginResponse')) },
        401: error('Wrong username or password'),
        429: error('Too many failed logins; Retry-After'),
        ...bodyErrors,
      },
    },
  },
  '/api/v1/tickets': {
    get: {
      operationId: 'listTickets',
      summary: "Tickets in the caller's scope, most urgent deadline first",
      security: staff,
      parameters: ['status', 'category', 'unitId', 'areaId', 'overdue', 'from', 'to', 'limit', 'cursor'].map(
        (name) => ({
          name,
          in: 'query',
          required: false,
          schema: str,
        }),
      ),
      responses: {
        200: { description: 'A page', ...json(ref('TicketList')) },
        400: error('Bad filter'),
        422: error('Bad filter value'),
        ...staffErrors,
      },
    },
  },
  '/api/v1/tickets/{id}': {
    get: {
      operationId: 'getTicket',
      summary: 'A ticket with its full event history',
      security: staff,
      parameters: [ticketId],
      responses: { 200: { description: 'The ticket', ...json(ref('Ticket')) }, ...staffErrors },
    },
  },
  ...Object.fromEntries(
    ACTIONS.map(([action, body, who]) => [
      `/api/v1/tickets/{id}/${action}`,
      {
        post: {
          operationId: `ticket_${action}`,
          summary: who,
          security: staff,
          parameters: [
            ticketId,
            {
              name: 'If-Match',
              in: 'header',
              required: false,
              schema: str,
              description: 'the version you saw; stale → 409',
            },
          ],
          requestBody: { required: true, ...json(body) },
          responses: {
            200: { description: 'The ticket after the action', ...json(ref('Ticket')) },
            ...staffErrors,
            403: error('Your role may not take this action on this ticket'),
            409: error('Stale version, or an action the current state does not allow (the state is named)'),
            ...bodyErrors,
          },
        },
      },
    ]),
  ),
};
