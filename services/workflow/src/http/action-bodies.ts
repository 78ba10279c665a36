import { z } from '@grid-dispatch/config';
import type { StaffAction } from '@grid-dispatch/domain';

const text = z.string();
const id = z.string().min(1).max(200);

/**
 * The shape of each action's body (README.md#the-api). Shapes only: lengths, deadlines and who may do
 * what are the lifecycle rules' job (422 / 409 / 403 from there). Unknown fields are refused. The
 * OpenAPI document's request bodies are generated from these.
 */
export const ACTION_BODIES: Record<StaffAction, z.ZodType> = {
  accept: z.object({}).strict(),
  progress: z.object({ note: text }).strict(),
  resolve: z
    .object({
      note: text,
      photos: z
        .array(text.describe('A public http(s) URL, or the url of a photo stored with POST /api/v1/photos'))
        .optional(),
    })
    .strict(),
  return: z.object({ reason: text }).strict(),
  extension: z
    .object({
      resolveBy: text.describe('The fix deadline asked for: an ISO-8601 instant with its zone'),
      reason: text,
    })
    .strict(),
  decide: z
    .object({
      request: z.enum(['return', 'extension']).describe('The pending request decided'),
      approve: z.boolean(),
      note: text.optional(),
      unitId: id.optional().describe('Approving a return: the unit the ticket goes to'),
    })
    .strict(),
  reassign: z.object({ unitId: id, reason: text.optional() }).strict(),
  verify: z
    .object({ solved: z.boolean().describe('false sends the fix back to the unit'), note: text.optional() })
    .strict(),
  reopen: z.object({ reason: text }).strict(),
  cancel: z.object({ reason: text }).strict(),
  merge: z.object({ intoTicketId: id.describe('The ticket this duplicate joins') }).strict(),
  urge: z.object({ note: text.optional() }).strict(),
};
