import { z } from '@grid-dispatch/config';
import { isoInstantSchema } from '@grid-dispatch/contracts';
import { areaAnswer, categoryAnswer, unitAnswer } from '../response-bodies';
import { calendarBody } from './admin.schemas';

/*
 * The records the admin endpoints answer (README.md#the-api): the public shapes
 * plus their timestamps. The OpenAPI document is generated from these. Users and API keys are
 * strict objects: they list every field there is, so a password, its hash or a key's hash is
 * never among them.
 */

const stamps = { createdAt: isoInstantSchema.optional(), updatedAt: isoInstantSchema.optional() };

export const adminAreaAnswer = areaAnswer.extend(stamps);
export const adminUnitAnswer = unitAnswer.extend(stamps);
export const adminCategoryAnswer = categoryAnswer.extend(stamps);

export const adminUserAnswer = z.strictObject({
  id: z.string(),
  username: z.string(),
  displayName: z.string().optional(),
  role: z.string(),
  unitId: z.string().nullable().optional(),
  areaId: z.string().nullable().optional(),
  active: z.boolean(),
  ...stamps,
});

export const adminResponsibilityAnswer = z.object({
  id: z.string(),
  category: z.string(),
  areaId: z.string(),
  leadUnitId: z.string(),
  assistUnitIds: z.array(z.string()),
  ...stamps,
});

/** A working calendar as stored: what PUT takes, with its id, whether it is in use and stamps. */
export const adminCalendarAnswer = z.object({
  ...calendarBody.shape,
  id: z.string(),
  workingWeekdays: z.array(z.number()),
  inUse: z.boolean().describe('Deadlines are computed on it (cn-default: the whole district)'),
  ...stamps,
});

export const open311KeyAnswer = z.strictObject({
  id: z.string(),
  name: z.string().describe('The client holding the key; stored on the reports it files'),
  keyPrefix: z.string().describe('The first characters of the key, to tell keys apart'),
  active: z.boolean(),
  createdAt: isoInstantSchema,
  revokedAt: isoInstantSchema.nullable(),
});

/** The answer of issuing a key: the only time the key itself is shown. */
export const open311KeyIssuedAnswer = open311KeyAnswer.extend({ key: z.string() });
