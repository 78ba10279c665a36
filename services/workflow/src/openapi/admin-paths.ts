import { ref, str } from './schemas';

type Json = Record<string, unknown>;
const json = (schema: Json) => ({ content: { 'application/json': { schema } } });
const error = (description: string) => ({ description, ...json(ref('Error')) });
const admin = [{ bearer: [] }];
const errors = {
  400: error('Malformed body (fields named)'),
  401: error('No or expired token'),
  404: error('Not found, or the caller is not an administrator'),
  409: error('Duplicate, or still in use (what uses it is named)'),
  422: error('Not acceptable (fields named)'),
};
const name = ref('LocalizedName');
const page = (item: Json) => ({
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: { items: { type: 'array', items: item }, nextCursor: { oneOf: [str, { type: 'null' }] } },
});
const listParams = ['limit', 'cursor'].map((n) => ({ name: n, in: 'query', required: false, schema: str }));

const records: Record<string, Json> = {
  areas: {
    type: 'object',
    required: ['id', 'name', 'level', 'parentId'],
    properties: {
      id: str,
      name,
      level: { enum: ['district', 'subdistrict', 'community', 'grid'] },
      parentId: { oneOf: [str, { type: 'null' }] },
      boundary: ref('GeoJsonPolygon'),
      dutyUnitId: {
        oneOf: [str, { type: 'null' }],
        description:
          'Districts only: the duty desk unit that takes what the responsibility list does not cover',
      },
    },
  },
  units: {
    type: 'object',
    required: ['id', 'name', 'kind', 'areaIds', 'active'],
    properties: {
      id: str,
      name,
      kind: str,
      areaIds: { type: 'array', items: str },
      active: { type: 'boolean' },
    },
  },
  users: {
    type: 'object',
    required: ['id', 'username', 'role', 'active'],
    not: { anyOf: [{ required: ['password'] }, { required: ['passwordHash'] }] },
    properties: {
      id: str,
      username: str,
      displayName: str,
      role: str,
      unitId: { oneOf: [str, { type: 'null' }] },
      areaId: { oneOf: [str, { type: 'null' }] },
      active: { type: 'boolean' },
    },
  },
  responsibilities: {
    type: 'object',
    required: ['id', 'category', 'areaId', 'leadUnitId', 'assistUnitIds'],
    properties: {
      id: str,
      category: str,
      areaId: str,
      leadUnitId: str,
      assistUnitIds: { type: 'array', items: str },
    },
  },
};

const bodies: Record<string, Json> = {
  areas: {
    type: 'object',
    required: ['name', 'level'],
    properties: {
      id: str,
      name,
      level: str,
      parentId: str,
      boundary: ref('GeoJsonPolygon'),
      dutyUnitId: {
        oneOf: [str, { type: 'null' }],
        description: 'Districts only; left as it is when omitted on update',
      },
    },
  },
  units: {
    type: 'object',
    required: ['name', 'kind', 'areaIds'],
    properties: {
      id: str,
      name,
      kind: { enum: ['water', 'gas', 'power', 'municipal', 'heating', 'property', 'other'] },
      areaIds: { type: 'array', items: str },
    },
  },
  users: {
    type: 'object',
    required: ['username', 'displayName', 'role'],
    properties: {
      username: str,
      password: { type: 'string', minLength: 8 },
      displayName: str,
      role: str,
      unitId: str,
      areaId: str,
    },
  },
  responsibilities: {
    type: 'object',
    required: ['category', 'areaId', 'leadUnitId'],
    properties: { category: str, areaId: str, leadUnitId: str, assistUnitIds: { type: 'array', items: str } },
  },
};

/** Areas and responsibility lines are deleted (204); units and users are deactivated (200 with the record). */
const DELETE_REMOVES = new Set(['areas', 'responsibilities']);
const singular = (r: string) => r.replace(/ies$/, 'y').replace(/s$/, '');

const resourcePaths = Object.fromEntries(
  Object.keys(records).flatMap((resource) => {
    const item = records[resource]!;
    const id = { name: 'id', in: 'path', required: true, schema: str };
    return [
      [
        `/api/v1/admin/${resource}`,
        {
          get: {
            operationId: `admin_list_${resource}`,
            security: admin,
            parameters: listParams,
            responses: { 200: { description: 'A page', ...json(page(item)) }, ...errors },
          },
          post: {
            operationId: `admin_create_${singular(resource)}`,
            security: admin,
            requestBody: { required: true, ...json(bodies[resource]!) },
            responses: { 201: { description: 'Created', ...json(item) }, ...errors },
          },
        },
      ],
      [
        `/api/v1/admin/${resource}/{id}`,
        {
          get: {
            operationId: `admin_get_${singular(resource)}`,
            security: admin,
            parameters: [id],
            responses: { 200: { description: 'The record', ...json(item) }, ...errors },
          },
          put: {
            operationId: `admin_update_${singular(resource)}`,
            security: admin,
            parameters: [id],
            requestBody: { required: true, ...json(bodies[resource]!) },
            responses: { 200: { description: 'Updated', ...json(item) }, ...errors },
          },
          delete: {
            operationId: `admin_delete_${singular(resource)}`,
            security: admin,
            parameters: [id],
            responses: DELETE_REMOVES.has(resource)
              ? { 204: { description: 'Removed' }, ...errors }
              : { 200: { description: 'Deactivated', ...json(item) }, ...errors },
          },
        },
      ],
    ];
  }),
);

const code = { name: 'code', in: 'path', required: true, schema: str };
const categoryBody = {
  type: 'object',
  required: ['name', 'priority', 'ackWithin', 'resolveWithin', 'active'],
  properties: {
    name,
    description: name,
    priority: { enum: ['P1', 'P2', 'P3', 'P4'] },
    ackWithin: str,
    resolveWithin: str,
    calendar: { enum: ['calendar', 'working'] },
    active: { type: 'boolean' },
  },
};

const hhmm = { type: 'string', pattern: '^\\d{2}:\\d{2}$' };
const ymd = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const calendarDay = {
  type: 'object',
  required: ['date', 'name'],
  properties: { date: ymd, name: str },
};
const calendarFields = {
  name,
  timezone: { type: 'string', description: "IANA zone without daylight-saving time, e.g. 'Asia/Shanghai'" },
  officeHours: {
    type: 'array',
    minItems: 1,
    description:
      'Staffed periods of a working day, ascending, not overlapping (end exclusive; 24:00 allowed)',
    items: { type: 'object', required: ['start', 'end'], properties: { start: hhmm, end: hhmm } },
  },
  workingWeekdays: {
    type: 'array',
    description: 'ISO weekdays worked in a normal week (1 = Monday); default Monday–Friday',
    items: { type: 'integer', minimum: 1, maximum: 7 },
  },
  years: {
    type: 'array',
    items: {
      type: 'object',
      required: ['year', 'holidays', 'makeUpWorkdays'],
      properties: {
        year: { type: 'integer' },
        status: { enum: ['official', 'reconstructed'] },
        source: str,
        holidays: { type: 'array', items: calendarDay },
        makeUpWorkdays: {
          type: 'array',
          description: '调休: days off in the normal week that are worked',
          items: calendarDay,
        },
      },
    },
  },
};
const calendarRecord = {
  type: 'object',
  required: ['id', 'name', 'timezone', 'officeHours', 'workingWeekdays', 'years', 'inUse'],
  properties: {
    id: str,
    ...calendarFields,
    inUse: { type: 'boolean', description: 'Deadlines are computed on it (cn-default: the whole district)' },
    createdAt: str,
    updatedAt: str,
  },
};
const calendarBody = {
  type: 'object',
  required: ['name', 'timezone', 'officeHours', 'years'],
  properties: { id: str, ...calendarFields },
};
const calendarId = { name: 'id', in: 'path', required: true, schema: str };
const calendarPaths = {
  '/api/v1/admin/calendars': {
    get: {
      operationId: 'admin_list_calendars',
      security: admin,
      parameters: listParams,
      responses: { 200: { description: 'A page', ...json(page(calendarRecord)) }, ...errors },
    },
  },
  '/api/v1/admin/calendars/{id}': {
    get: {
      operationId: 'admin_get_calendar',
      security: admin,
      parameters: [calendarId],
      responses: { 200: { description: 'The calendar', ...json(calendarRecord) }, ...errors },
    },
    put: {
      operationId: 'admin_put_calendar',
      description:
        'Replaces the whole calendar. Applies to the next deadline computed, in every replica; deadlines already set are not recomputed.',
      security: admin,
      parameters: [calendarId],
      requestBody: { required: true, ...json(calendarBody) },
      responses: {
        200: { description: 'Updated', ...json(calendarRecord) },
        201: { description: 'Created', ...json(calendarRecord) },
        ...errors,
      },
    },
    delete: {
      operationId: 'admin_delete_calendar',
      security: admin,
      parameters: [calendarId],
      responses: { 204: { description: 'Removed' }, ...errors },
    },
  },
};

const open311Key = {
  type: 'object',
  required: ['id', 'name', 'keyPrefix', 'active', 'createdAt', 'revokedAt'],
  not: { anyOf: [{ required: ['keyHash'] }] },
  properties: {
    id: str,
    name: { type: 'string', description: 'the client holding the key; stored on the reports it files' },
    keyPrefix: { type: 'string', description: 'the first characters of the key, to tell keys apart' },
    active: { type: 'boolean' },
    createdAt: str,
    revokedAt: { oneOf: [str, { type: 'null' }] },
  },
};
const open311KeyPaths = {
  '/api/v1/admin/open311-keys': {
    get: {
      operationId: 'admin_list_open311_keys',
      tags: ['Open311 GeoReport v2'],
      security: admin,
      parameters: listParams,
      responses: {
        200: { description: 'A page, revoked keys included', ...json(page(open311Key)) },
        ...errors,
      },
    },
    post: {
      operationId: 'admin_create_open311_key',
      tags: ['Open311 GeoReport v2'],
      description: 'Issues a key for an Open311 client. The answer is the only time the key is shown.',
      security: admin,
      requestBody: {
        required: true,
        ...json({
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: { name: str },
        }),
      },
      responses: {
        201: {
          description: 'Issued',
          ...json({
            ...open311Key,
            required: [...open311Key.required, 'key'],
            properties: { ...open311Key.properties, key: str },
          }),
        },
        ...errors,
      },
    },
  },
  '/api/v1/admin/open311-keys/{id}': {
    delete: {
      operationId: 'admin_delete_open311_key',
      tags: ['Open311 GeoReport v2'],
      description: 'Revokes the key at once; the record stays, inactive.',
      security: admin,
      parameters: [{ name: 'id', in: 'path', required: true, schema: str }],
      responses: { 200: { description: 'Revoked', ...json(open311Key) }, ...errors },
    },
  },
};

/** The administration endpoints of the API (README, "The API") (role admin). */
export const adminPaths: Record<string, Json> = {
  ...resourcePaths,
  ...calendarPaths,
  ...open311KeyPaths,
  '/api/v1/admin/categories': {
    get: {
      operationId: 'admin_list_categories',
      security: admin,
      parameters: listParams,
      responses: {
        200: { description: 'A page, inactive included', ...json(page(ref('Category'))) },
        ...errors,
      },
    },
  },
  '/api/v1/admin/categories/{code}': {
    get: {
      operationId: 'admin_get_category',
      security: admin,
      parameters: [code],
      responses: { 200: { description: 'The category', ...json(ref('Category')) }, ...errors },
    },
    put: {
      operationId: 'admin_put_category',
      security: admin,
      parameters: [code],
      requestBody: { required: true, ...json(categoryBody) },
      responses: {
        200: { description: 'Updated', ...json(ref('Category')) },
        201: { description: 'Created', ...json(ref('Category')) },
        ...errors,
      },
    },
    delete: {
      operationId: 'admin_delete_category',
      security: admin,
      parameters: [code],
      responses: { 200: { description: 'Deactivated', ...json(ref('Category')) }, ...errors },
    },
  },
};
