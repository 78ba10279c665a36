import { nullable, ref, str } from './schemas';

type Json = Record<string, unknown>;
const json = (schema: Json) => ({ content: { 'application/json': { schema } } });
const error = (description: string) => ({ description, ...json(ref('Error')) });
const staff = [{ bearer: [] }];
const rate = {
  ...nullable({ type: 'number', minimum: 0, maximum: 1 }),
  description: '0..1, null over nothing',
};
const duration = { ...nullable({ type: 'string', pattern: '^P' }), description: 'ISO-8601 duration' };
const COUNT_NAMES = [
  'dispatched',
  'signed',
  'signedOnTime',
  'due',
  'fixedOnTime',
  'fixed',
  'closed',
  'solved',
  'rated',
  'satisfied',
  'basicallySatisfied',
  'dissatisfied',
  'returned',
  'extended',
  'reworked',
];
const figureProperties = {
  responseRate: rate,
  onTimeRate: rate,
  resolutionRate: rate,
  satisfactionRate: rate,
  returnRate: rate,
  extensionRate: rate,
  reworkRate: rate,
  ackP50: duration,
  ackP90: duration,
  resolveP50: duration,
  resolveP90: duration,
  counts: {
    type: 'object',
    required: COUNT_NAMES,
    properties: Object.fromEntries(COUNT_NAMES.map((n) => [n, { type: 'integer', minimum: 0 }])),
  },
};
const figures = (extra: Record<string, Json>, required: string[]) => ({
  type: 'object',
  required: [...Object.keys(figureProperties), ...required],
  properties: { ...figureProperties, ...extra },
});

/** The KPI figures of docs/product.md ("Measures") and the monthly joint-meeting report. */
export const kpiSchemas = {
  KpiReport: figures(
    {
      areaId: nullable(str),
      unitId: nullable(str),
      from: { type: 'string', format: 'date' },
      to: { type: 'string', format: 'date' },
      units: {
        type: 'array',
        items: figures(
          {
            unitId: str,
            name: nullable(ref('LocalizedName')),
            score: nullable({ type: 'number' }),
            rank: { type: 'integer', minimum: 1 },
          },
          ['unitId', 'name', 'score', 'rank'],
        ),
      },
      byCategory: { type: 'array', items: figures({ category: str }, ['category']) },
      byArea: { type: 'array', items: figures({ areaId: str }, ['areaId']) },
    },
    ['areaId', 'unitId', 'from', 'to', 'units', 'byCategory', 'byArea'],
  ),
};

const query = (name: string, description: string) => ({
  name,
  in: 'query',
  required: false,
  schema: str,
  description,
});

/** A period never summarised is summarised in the background; the answer comes at once. */
const preparing = error(
  'KPI_PREPARING: the period is being summarised; ask again after Retry-After seconds (or a server is down)',
);

export const kpiPaths: Record<string, Json> = {
  '/api/v1/kpis': {
    get: {
      operationId: 'getKpis',
      summary:
        'Response, on-time, resolution and satisfaction rates, sign/fix time percentiles, units ranked, drill-downs — from the event projection',
      security: staff,
      parameters: [
        query('areaId', 'an area in your scope (default: yours; admin: the district)'),
        query(
          'unitId',
          "a unit (unit members: only their own); with areaId, that unit's figures in the area",
        ),
        query('from', 'first day, YYYY-MM-DD in China Standard Time (default: first of this month)'),
        query('to', 'last day, included (default: today); at most 366 days'),
      ],
      responses: {
        200: { description: 'The figures', ...json(ref('KpiReport')) },
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
      summary: "The monthly joint-meeting report (联席会议) with the month's rotating chair",
      security: staff,
      parameters: [
        { name: 'areaId', in: 'path', required: true, schema: str },
        { name: 'month', in: 'path', required: true, schema: { type: 'string', pattern: '^\\d{4}-\\d{2}$' } },
        { name: 'format', in: 'query', required: false, schema: { enum: ['html', 'csv'] } },
      ],
      responses: {
        200: {
          description: 'A printable page, or CSV (UTF-8 with BOM) with one row per unit',
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
