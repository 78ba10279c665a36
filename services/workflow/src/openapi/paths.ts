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

const ticketId = { name: 'id', in: 'path', required: true, schema: str };
const trackingCode = { name: 'trackingCode', in: 'path', required: true, schema: str };

/** The workflow actions of interface.md: body schema and who may take them. */
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
      properties: { note: str, photos: { type: 'array', items: str } },
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
