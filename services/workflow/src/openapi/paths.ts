import type { StaffAction } from '@grid-dispatch/domain';
import { ACTION_BODIES } from '../http/action-bodies';
import { actionBodyName } from './components';
import { answer, bearer, body, error, type Json, json, pathParam, queryParam } from './operations';

/** Error answers of every operation that takes a body, by status. */
const bodyErrors = {
  400: error('Malformed body: not JSON, wrong types, unknown fields (fields named)'),
  413: error('Body too large'),
  422: error('Well-formed but not acceptable (fields named)'),
  503: error('A server is down; retry after Retry-After seconds'),
};
const staffErrors = {
  401: error('No or expired token'),
  403: error('A hotline agent: tickets are worked by units and secretaries'),
  404: error('Not found, or not in your scope'),
};

/** A photo as stored and served: the raw bytes of one of these types (no JSON schema). */
const photoContent = { 'image/jpeg': {}, 'image/png': {}, 'image/webp': {} };

const ticketId = pathParam('id');
const trackingCode = pathParam('trackingCode');

/**
 * Who may take each workflow action, and what it is (README.md#the-api). Its body is documented
 * from its schema in ACTION_BODIES; an action without a line here does not compile.
 */
const ACTION_SUMMARIES: Record<StaffAction, string> = {
  accept: 'unit member of the lead unit: sign for the ticket (签收)',
  progress: 'unit member (lead or assisting)',
  resolve: 'unit member of the lead unit: report the fix (办结反馈)',
  return: 'unit member: return a wrongly routed ticket (退单)',
  extension: 'unit member: ask for more time (延期)',
  decide: 'secretary: decide a pending return (approving needs unitId) or extension',
  reassign: 'secretary: re-route (改派)',
  verify: 'secretary: verify the fix and close, or send it back (核查销号)',
  reopen: 'secretary: reopen a resolved or closed ticket',
  cancel: 'secretary: cancel an open ticket',
  merge: 'secretary: merge a duplicate into another ticket (并单)',
  urge: 'secretary: urge (督办)',
};

export const paths: Record<string, Json> = {
  '/healthz': {
    get: {
      operationId: 'health',
      summary: 'Each server up or down',
      responses: {
        200: answer('All up', 'Health'),
        503: answer('Something is down (named)', 'Health'),
      },
    },
  },
  '/api/v1/openapi.json': {
    get: {
      operationId: 'openapi',
      summary: 'This document',
      // The document itself: an OpenAPI 3.1 object, described by the OpenAPI specification.
      responses: { 200: { description: 'OpenAPI 3.1', ...json({ type: 'object' }) } },
    },
  },
  '/api/v1/categories': {
    get: {
      operationId: 'listCategories',
      summary: 'Active categories with priority and limits',
      responses: { 200: answer('Categories', 'CategoryList') },
    },
  },
  '/api/v1/areas': {
    get: {
      operationId: 'listAreas',
      summary: 'The area hierarchy with grid boundaries',
      responses: { 200: answer('Areas', 'AreaList') },
    },
  },
  '/api/v1/units': {
    get: {
      operationId: 'listUnits',
      summary: 'The member units, for staff pickers (reassign, approve a return)',
      security: bearer,
      responses: {
        200: answer('Units', 'UnitList'),
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
      requestBody: body('ReportCreate'),
      responses: {
        201: answer('Stored (or the same ticket again for a repeated Idempotency-Key)', 'ReportCreated'),
        ...bodyErrors,
      },
    },
  },
  '/api/v1/reports/nearby': {
    get: {
      operationId: 'nearbyReports',
      summary:
        'Open reports of a category near a place, described before sending: no tracking code, no position, distance rounded up to 50 m from the asker’s ~100 m cell',
      parameters: ['category', 'lat', 'lng'].map((name) => queryParam(name, undefined, true)),
      responses: {
        200: answer('Nearest first, within the duplicate radius', 'NearbyReports'),
        400: error('Missing, repeated or unknown parameter'),
        422: error('Coordinates out of range or not a category code'),
      },
    },
  },
  '/api/v1/reports/nearby/{ref}/support': {
    post: {
      operationId: 'supportReport',
      summary:
        '"I have this too": join an open report nearby instead of filing a copy (no login; once per device). Answers its tracking code, to follow it.',
      parameters: [{ name: 'ref', in: 'path', required: true, schema: { type: 'string' } }],
      requestBody: body('SupportCreate'),
      responses: {
        200: answer('Counted (or already counted for this device)', 'Supported'),
        404: error('No open report has this reference'),
        409: error('The report is no longer open'),
        429: error('Too many requests from this address'),
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
        200: answer('The report', 'PublicTicket'),
        404: error('Unknown tracking code'),
      },
    },
  },
  '/api/v1/reports/{trackingCode}/feedback': {
    post: {
      operationId: 'rateReport',
      summary: 'The reporter rates the fix; dissatisfied reopens the ticket',
      parameters: [trackingCode],
      requestBody: body('Feedback'),
      responses: {
        200: answer('The public view after the rating', 'PublicTicket'),
        403: error('The reporter token, or the phone number, does not match'),
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
        201: answer('Stored', 'PhotoStored'),
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
      parameters: [pathParam('id')],
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
      requestBody: body('LoginRequest'),
      responses: {
        200: answer('A bearer token', 'LoginResponse'),
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
      security: bearer,
      parameters: ['status', 'category', 'unitId', 'areaId', 'overdue', 'from', 'to', 'limit', 'cursor'].map(
        (name) => queryParam(name),
      ),
      responses: {
        200: answer('A page', 'TicketList'),
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
      security: bearer,
      parameters: [ticketId],
      responses: { 200: answer('The ticket', 'Ticket'), ...staffErrors },
    },
  },
  ...Object.fromEntries(
    (Object.keys(ACTION_BODIES) as StaffAction[]).map((action) => [
      `/api/v1/tickets/{id}/${action}`,
      {
        post: {
          operationId: `ticket_${action}`,
          summary: ACTION_SUMMARIES[action],
          security: bearer,
          parameters: [
            ticketId,
            {
              name: 'If-Match',
              in: 'header',
              required: false,
              schema: { type: 'string' },
              description: 'the version you saw; stale → 409',
            },
          ],
          requestBody: body(actionBodyName(action)),
          responses: {
            200: answer('The ticket after the action', 'Ticket'),
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
