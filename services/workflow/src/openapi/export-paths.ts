import { ref } from './components';
import { bearer, error, type Json, queryParam } from './operations';

/** The ticket exports: the rows of `TicketExportRow`, as CSV or as JSON lines. */
export const exportPaths: Record<string, Json> = {
  '/api/v1/tickets/export': {
    get: {
      operationId: 'exportTickets',
      summary:
        "The caller's tickets reported in a period, as CSV or JSON lines, streamed (secretaries: their area and below; unit members: their unit's; admin: all)",
      security: bearer,
      parameters: [
        { name: 'format', in: 'query', required: false, schema: { enum: ['csv', 'jsonl'] } },
        queryParam(
          'from',
          'first reporting day, YYYY-MM-DD in China Standard Time (default: first of this month)',
        ),
        queryParam('to', 'last reporting day, included (default: today); at most 366 days from from'),
        queryParam('areaId', 'only tickets in this area or below it'),
        queryParam('unitId', 'only tickets this unit leads or assists'),
        queryParam('status', 'comma-separated statuses'),
        queryParam('category', 'a category code'),
      ],
      responses: {
        200: {
          description:
            "An attachment. CSV: UTF-8 with a byte-order mark, a header row of the TicketExportRow keys, one row per ticket, a leading = + - @ in a cell prefixed with an apostrophe. JSON lines: one TicketExportRow object per line. Never the reporter's name, phone or address, nor any staff identity",
          headers: {
            'Content-Disposition': {
              schema: { type: 'string' },
              description: 'attachment; filename="tickets-<scope>-<from>_<to>.<csv|jsonl>"',
            },
          },
          content: {
            'text/csv': { schema: { type: 'string' } },
            'application/x-ndjson': { schema: { type: 'string' }, 'x-line-schema': ref('TicketExportRow') },
          },
        },
        400: error('Unknown, repeated or empty parameter (field named)'),
        422: error('Bad format, day or status, to before from, more than 366 days (field named)'),
        401: error('No or expired token'),
        403: error('Your role may not export tickets'),
      },
    },
  },
};
