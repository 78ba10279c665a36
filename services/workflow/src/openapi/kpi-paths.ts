import { answer, bearer, error, type Json, pathParam, queryParam } from './operations';

/** A period never summarised is summarised in the background; the answer comes at once. */
const preparing = error(
  'KPI_PREPARING: the period is being summarised; ask again after Retry-After seconds (or a server is down)',
);

/** The KPI figures (rates, times, counts, units ranked) and the monthly joint-meeting report. */
export const kpiPaths: Record<string, Json> = {
  '/api/v1/kpis': {
    get: {
      operationId: 'getKpis',
      summary:
        'Response, on-time, resolution and satisfaction rates, sign/fix time percentiles, units ranked, drill-downs — from the event projection',
      security: bearer,
      parameters: [
        queryParam('areaId', 'an area in your scope (default: yours; admin: the district)'),
        queryParam(
          'unitId',
          "a unit (unit members: only their own); with areaId, that unit's figures in the area",
        ),
        queryParam('from', 'first day, YYYY-MM-DD in China Standard Time (default: first of this month)'),
        queryParam('to', 'last day, included (default: today); at most 366 days'),
      ],
      responses: {
        200: answer('The figures', 'KpiReport'),
        400: error('Unknown or repeated parameter'),
        401: error('No or expired token'),
        404: error('No such area or unit in your scope'),
        422: error('Bad period (field named)'),
        503: preparing,
      },
    },
  },
  '/api/v1/meetings/{areaId}/{month}': {
    get: {
      operationId: 'getMeetingReport',
      summary:
        "The monthly joint-meeting report (联席会议) with the month's rotating chair and its overdue and difficult cases",
      security: bearer,
      parameters: [
        pathParam('areaId'),
        pathParam('month', { type: 'string', pattern: '^\\d{4}-\\d{2}$' }),
        { name: 'format', in: 'query', required: false, schema: { enum: ['html', 'csv'] } },
      ],
      responses: {
        200: {
          description:
            'A printable page, or CSV (UTF-8 with BOM): one row per unit, then after a blank line one per overdue, escalated or dissatisfied case (tracking code, category, unit; no personal data)',
          content: { 'text/html': {}, 'text/csv': {} },
        },
        401: error('No or expired token'),
        404: error('No such area in your scope'),
        422: error('Bad month or format'),
        503: preparing,
      },
    },
  },
};
