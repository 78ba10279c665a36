import { answer, bearer, body, error, type Json, queryParam } from './operations';

const notAnAgent = error('Not a hotline agent (FORBIDDEN)');

/** The hotline agent's operations (role hotline_agent), served by intake. */
export const hotlinePaths: Record<string, Json> = {
  '/api/v1/hotline/reports': {
    post: {
      operationId: 'createHotlineReport',
      summary:
        "hotline agent: file a caller's report (channel hotline): the same intake, routing and dispatch as a resident's",
      security: bearer,
      parameters: [
        {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          schema: { type: 'string', maxLength: 200 },
          description: "Scoped to the agent: another agent's or a resident's key never meets it",
        },
      ],
      requestBody: body('HotlineReportCreate'),
      responses: {
        201: answer('Stored: the tracking code to read out to the caller', 'HotlineReportCreated'),
        400: error('Malformed body: not JSON, wrong types, missing or unknown fields (fields named)'),
        401: error('No or expired token'),
        403: notAnAgent,
        422: error('Well-formed but not acceptable, e.g. an invalid phone number (fields named)'),
        503: error('No unit or duty desk can take it yet, or a server is down'),
      },
    },
    get: {
      operationId: 'findCallerReports',
      summary:
        "hotline agent: a caller's earlier reports by phone (any channel), newest first, at most 20; what the caller may be told",
      security: bearer,
      parameters: [queryParam('phone', 'the caller’s Chinese mobile or landline number', true)],
      responses: {
        200: answer('The caller’s reports', 'CallerReports'),
        400: error('Missing, repeated or unknown parameter'),
        401: error('No or expired token'),
        403: notAnAgent,
        422: error('Not a valid phone number'),
      },
    },
  },
};
