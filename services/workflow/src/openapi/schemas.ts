/** Reusable JSON Schemas (OpenAPI 3.1 = JSON Schema 2020-12) of the public API's bodies. */
const str = { type: 'string' } as const;
const isoTime = { type: 'string', format: 'date-time' } as const;
const nullable = (schema: object) => ({ oneOf: [schema, { type: 'null' }] });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export { isoTime, nullable, ref, str };

export const schemas = {
  Error: {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: str,
          message: str,
          fields: {
            type: 'array',
            items: { type: 'object', required: ['path', 'message'], properties: { path: str, message: str } },
          },
        },
      },
    },
  },
  LocalizedName: { type: 'object', required: ['zh', 'en'], properties: { zh: str, en: str } },
  Health: {
    type: 'object',
    required: ['status', 'kafka', 'database', 'redis'],
    properties: {
      status: { enum: ['ok', 'degraded'] },
      kafka: { enum: ['up', 'down'] },
      database: { enum: ['up', 'down'] },
      redis: { enum: ['up', 'down'] },
    },
  },
  Category: {
    type: 'object',
    required: ['code', 'name', 'priority', 'ackWithin', 'resolveWithin', 'active'],
    properties: {
      code: str,
      name: ref('LocalizedName'),
      description: ref('LocalizedName'),
      priority: { enum: ['P1', 'P2', 'P3', 'P4'] },
      ackWithin: {
        type: 'string',
        description: 'ISO-8601 duration; on a working clock P1D is one working day',
      },
      resolveWithin: str,
      calendar: { enum: ['calendar', 'working'] },
      active: { type: 'boolean' },
    },
  },
  GeoJsonPolygon: {
    type: 'object',
    required: ['type', 'coordinates'],
    properties: {
      type: { const: 'Polygon' },
      coordinates: {
        type: 'array',
        items: {
          type: 'array',
          minItems: 4,
          items: { type: 'array', minItems: 2, maxItems: 2, items: { type: 'number' } },
        },
      },
    },
  },
  Area: {
    type: 'object',
    required: ['id', 'name', 'level', 'parentId'],
    properties: {
      id: str,
      name: ref('LocalizedName'),
      level: { enum: ['district', 'subdistrict', 'community', 'grid'] },
      parentId: nullable(str),
      boundary: ref('GeoJsonPolygon'),
      dutyUnitId: { ...nullable(str), description: 'Districts only: the duty desk unit' },
    },
  },
  LatLng: {
    type: 'object',
    required: ['lat', 'lng'],
    additionalProperties: false,
    properties: {
      lat: { type: 'number', minimum: -90, maximum: 90 },
      lng: { type: 'number', minimum: -180, maximum: 180 },
    },
  },
  ReportCreate: {
    type: 'object',
    required: ['category', 'description'],
    additionalProperties: false,
    properties: {
      category: str,
      description: { type: 'string', minLength: 5, maxLength: 2000 },
      location: ref('LatLng'),
      address: { type: 'string', maxLength: 300 },
      photos: {
        type: 'array',
        maxItems: 9,
        items: {
          type: 'string',
          format: 'uri-reference',
          description: 'a public http(s) URL, or /api/v1/photos/<id> from POST /api/v1/photos',
        },
      },
      contact: {
        type: 'object',
        additionalProperties: false,
        properties: {
          name: { type: 'string', maxLength: 50 },
          phone: { type: 'string', description: 'Chinese mobile or landline' },
        },
      },
    },
    description: 'A location (map pin) or an address is required.',
  },
  ReportCreated: {
    type: 'object',
    required: ['ticketId', 'trackingCode', 'reporterToken', 'status', 'duplicates'],
    properties: {
      ticketId: str,
      trackingCode: { type: 'string', pattern: '^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$' },
      reporterToken: str,
      status: str,
      duplicates: {
        type: 'array',
        items: {
          type: 'object',
          required: ['trackingCode', 'distanceM'],
          properties: { trackingCode: str, distanceM: { type: 'number' } },
        },
      },
    },
  },
  PublicTicket: {
    type: 'object',
    required: ['trackingCode', 'category', 'status', 'createdAt', 'deadlines', 'timeline'],
    additionalProperties: false,
    properties: {
      trackingCode: str,
      category: str,
      status: str,
      createdAt: isoTime,
      unit: { type: 'object', required: ['name'], properties: { name: ref('LocalizedName') } },
      deadlines: {
        type: 'object',
        additionalProperties: {
          type: 'object',
          required: ['dueAt', 'startedAt'],
          additionalProperties: false,
          properties: { dueAt: isoTime, startedAt: isoTime, pausedAt: isoTime },
        },
      },
      timeline: {
        type: 'array',
        items: {
          type: 'object',
          required: ['type', 'at'],
          properties: { type: str, at: isoTime, note: str },
        },
      },
      mergedInto: { type: 'object', required: ['trackingCode'], properties: { trackingCode: str } },
    },
  },
  Feedback: {
    type: 'object',
    required: ['reporterToken', 'rating'],
    additionalProperties: false,
    properties: {
      reporterToken: str,
      rating: { enum: ['satisfied', 'basically_satisfied', 'dissatisfied'] },
      comment: { type: 'string', maxLength: 2000 },
    },
  },
  LoginRequest: {
    type: 'object',
    required: ['username', 'password'],
    additionalProperties: false,
    properties: { username: str, password: str },
  },
  LoginResponse: {
    type: 'object',
    required: ['token', 'expiresAt', 'user'],
    properties: {
      token: str,
      expiresAt: isoTime,
      user: {
        type: 'object',
        required: ['id', 'username', 'role'],
        properties: {
          id: str,
          username: str,
          displayName: str,
          role: {
            enum: [
              'unit_member',
              'community_secretary',
              'subdistrict_secretary',
              'district_secretary',
              'admin',
            ],
          },
          unitId: str,
          areaId: str,
        },
      },
    },
  },
  Deadline: {
    type: 'object',
    required: ['dueAt', 'startedAt', 'seq'],
    properties: {
      dueAt: isoTime,
      startedAt: isoTime,
      seq: { type: 'integer' },
      pausedAt: nullable(isoTime),
      warned: { type: 'array', items: { type: 'number' } },
      breachedAt: nullable(isoTime),
      reminded: { type: 'integer' },
    },
  },
  Ticket: {
    type: 'object',
    required: [
      'id',
      'trackingCode',
      'version',
      'status',
      'category',
      'priority',
      'location',
      'areaIds',
      'unitId',
      'assistUnitIds',
      'escalationLevel',
      'deadlines',
    ],
    properties: {
      id: str,
      trackingCode: str,
      version: { type: 'integer', minimum: 1 },
      status: {
        enum: [
          'submitted',
          'dispatched',
          'accepted',
          'resolved',
          'closed',
          'returned',
          'reopened',
          'cancelled',
          'merged',
        ],
      },
      category: str,
      priority: { enum: ['P1', 'P2', 'P3', 'P4'] },
      description: str,
      address: nullable(str),
      location: nullable(ref('LatLng')),
      photos: { type: 'array', items: str },
      areaIds: { type: 'array', items: str },
      unitId: nullable(str),
      assistUnitIds: { type: 'array', items: str },
      escalationLevel: { type: 'integer', minimum: 0, maximum: 3 },
      deadlines: {
        type: 'object',
        properties: { ack: ref('Deadline'), resolve: ref('Deadline'), verify: ref('Deadline') },
      },
      pendingRequest: nullable({
        type: 'object',
        required: ['kind'],
        properties: { kind: { enum: ['return', 'extension'] } },
      }),
      clockPauses: {
        type: 'array',
        items: {
          type: 'object',
          required: ['deadline', 'from', 'to'],
          properties: { deadline: str, from: isoTime, to: nullable(isoTime), reason: str },
        },
      },
      mergedInto: nullable(str),
      rating: nullable(str),
      createdAt: isoTime,
      updatedAt: isoTime,
      reporter: { type: 'object', additionalProperties: false, properties: { name: str, phoneMasked: str } },
      events: {
        type: 'array',
        items: {
          type: 'object',
          required: ['eventId', 'type', 'version', 'at', 'actor'],
          properties: {
            eventId: str,
            type: str,
            version: { type: 'integer' },
            at: isoTime,
            actor: { type: 'object' },
            payload: { type: 'object' },
          },
        },
      },
    },
  },
  TicketList: {
    type: 'object',
    required: ['items', 'nextCursor'],
    properties: { items: { type: 'array', items: ref('Ticket') }, nextCursor: nullable(str) },
  },
} as const;
