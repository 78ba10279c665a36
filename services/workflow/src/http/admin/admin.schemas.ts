import { MIN_PASSWORD_LENGTH, passwordProblem } from '@grid-dispatch/auth';
import { z } from '@grid-dispatch/config';
import { UNIT_KINDS } from '@grid-dispatch/db';
import { AREA_LEVELS, CLOCK_KINDS, PRIORITIES, ROLES } from '@grid-dispatch/domain';

/*
 * The bodies of the admin endpoints (README.md#the-api); the OpenAPI document's
 * request bodies are generated from them. Shapes only; whether a named area, unit or category
 * exists is the routes' job. Every object is `.strict()` so an unknown field is refused rather
 * than silently ignored, and every string is a `z.string()` so an object such as `{"$gt": ""}` is
 * refused as the wrong type (400) long before anything reaches a query.
 */

/**
 * One of fixed values. A string is checked first so that a value of the wrong type (an object, a
 * number) is a malformed request (400) and only an unknown string is a semantic error (422). The
 * OpenAPI document lists the values (its generator reads them from the enum the string pipes into).
 */
function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.string().pipe(z.enum(values));
}

const text = (max: number) => z.string().trim().min(1).max(max);

/** A name shown to people: Simplified Chinese first, English beside it. */
export const localizedName = z.object({ zh: text(200), en: text(200) }).strict();

/** An id the administrator may choose (else a random UUID is given). */
export const idSlug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'use 2–63 lower-case letters, digits and dashes');

/** A reference to an existing record: any id, including the demo's (`gas_leak@zhongshan`). */
const ref = z.string().min(1).max(200);

export const areaBody = z
  .object({
    id: idSlug.optional(),
    name: localizedName,
    level: oneOf(AREA_LEVELS as readonly ['district', 'subdistrict', 'community', 'grid']),
    parentId: ref.nullable().optional(),
    // Checked by validatePolygon, whose errors point at the exact position that is wrong.
    boundary: z
      .unknown()
      .optional()
      .describe('A GeoJSON Polygon (see GeoJsonPolygon); an error names the position that is wrong'),
    dutyUnitId: ref
      .nullable()
      .optional()
      .describe('Districts only: the duty desk unit; left as it is when omitted on update'),
  })
  .strict();
export const areaUpdateBody = areaBody.omit({ id: true });

export const unitBody = z
  .object({
    id: idSlug.optional(),
    name: localizedName,
    kind: oneOf(UNIT_KINDS),
    areaIds: z.array(ref).min(1).max(100),
    active: z.boolean().optional(),
  })
  .strict();
export const unitUpdateBody = unitBody.omit({ id: true });

const ROLE_VALUES = ROLES as readonly [
  'unit_member',
  'community_secretary',
  'subdistrict_secretary',
  'district_secretary',
  'admin',
  'hotline_agent',
];

/** A staff password as the policy wants it (see passwordProblem: length, common, simple). */
const staffPassword = z
  .string()
  .max(200)
  .superRefine((password, ctx) => {
    const problem = passwordProblem(password);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .describe(`At least ${MIN_PASSWORD_LENGTH} characters, not a common or too simple one`);

export const userBody = z
  .object({
    id: idSlug.optional(),
    // Lower case only: logins compare usernames exactly, so "Li" and "li" must not both exist.
    username: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'use 2–64 lower-case letters, digits, dots, dashes or _'),
    password: staffPassword,
    displayName: text(100),
    role: oneOf(ROLE_VALUES),
    unitId: ref.nullable().optional(),
    areaId: ref.nullable().optional(),
  })
  .strict();
/** A PUT replaces everything but the password, which changes only when given. */
export const userUpdateBody = userBody
  .omit({ id: true })
  .extend({ password: staffPassword.optional(), active: z.boolean().optional() });

export const categoryCode = /^[a-z][a-z0-9_]{1,40}$/;

export const categoryBody = z
  .object({
    name: localizedName,
    description: localizedName.optional(),
    priority: oneOf(PRIORITIES as readonly ['P1', 'P2', 'P3', 'P4']),
    // Parsed by parseIsoDuration in the route, for a message that says what is wrong.
    ackWithin: z
      .string()
      .max(40)
      .describe('ISO-8601 duration from dispatch; on a working clock P1D is one working day'),
    resolveWithin: z.string().max(40).describe('ISO-8601 duration from signing'),
    calendar: oneOf(CLOCK_KINDS as readonly ['calendar', 'working']).optional(),
    active: z.boolean().default(true),
  })
  .strict();

export const responsibilityBody = z
  .object({
    id: idSlug.optional(),
    category: ref,
    areaId: ref,
    leadUnitId: ref,
    assistUnitIds: z.array(ref).max(20).optional(),
  })
  .strict();
export const responsibilityUpdateBody = responsibilityBody.omit({ id: true });

/** One named day of a calendar year; the route checks the date itself (422 with the path). */
const calendarDay = z
  .object({ date: z.string().max(20).describe('YYYY-MM-DD'), name: z.string().max(100) })
  .strict();

/**
 * PUT /admin/calendars/{id}: the whole calendar. Only the shape here; the domain's
 * validateCalendarDefinition checks times, order, dates and 调休 (422, each field named).
 */
export const calendarBody = z
  .object({
    // Optional so a GET answer can be sent back as it is; it must then name the same calendar.
    id: z.string().max(100).optional(),
    name: localizedName,
    timezone: z.string().max(64).describe("IANA zone without daylight-saving time, e.g. 'Asia/Shanghai'"),
    officeHours: z
      .array(
        z
          .object({ start: z.string().max(10).describe('HH:MM'), end: z.string().max(10).describe('HH:MM') })
          .strict(),
      )
      .min(1)
      .max(12)
      .describe(
        'Staffed periods of a working day, ascending, not overlapping (end exclusive; 24:00 allowed)',
      ),
    workingWeekdays: z
      .array(z.number())
      .max(7)
      .optional()
      .describe('ISO weekdays worked in a normal week (1 = Monday); default Monday–Friday'),
    years: z
      .array(
        z
          .object({
            year: z.number(),
            status: z.string().max(20).optional().describe('official or reconstructed'),
            source: z.string().max(500).optional(),
            holidays: z.array(calendarDay).max(366),
            makeUpWorkdays: z
              .array(calendarDay)
              .max(366)
              .describe('调休: days off in the normal week that are worked'),
          })
          .strict(),
      )
      .max(100),
  })
  .strict();

/** POST /api/v1/admin/open311-keys: a key for the named Open311 client. */
export const open311KeyBody = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'required')
      .max(100, 'at most 100 characters')
      .describe('The client holding the key; stored on the reports it files'),
  })
  .strict();
