import { z } from '@grid-dispatch/config';
import type { StaffAction } from '@grid-dispatch/domain';

const text = z.string();
const id = z.string().min(1).max(200);

/**
 * The shape of each action's body (README, "The API"). Shapes only: lengths, deadlines and who may do
 * what are the lifecycle rules' job (422 / 409 / 403 from there). Unknown fields are refused.
 */
export const ACTION_BODIES: Record<StaffAction, z.ZodType> = {
  accept: z.object({}).strict(),
  progress: z.object({ note: text }).strict(),
  resolve: z.object({ note: text, photos: z.array(z.string()).optional() }).strict(),
  return: z.object({ reason: text }).strict(),
  extension: z.object({ resolveBy: text, reason: text }).strict(),
  decide: z
    .object({
      request: z.enum(['return', 'extension']),
      approve: z.boolean(),
      note: text.optional(),
      unitId: id.optional(),
    })
    .strict(),
  reassign: z.object({ unitId: id, reason: text.optional() }).strict(),
  verify: z.object({ solved: z.boolean(), note: text.optional() }).strict(),
  reopen: z.object({ reason: text }).strict(),
  cancel: z.object({ reason: text }).strict(),
  merge: z.object({ intoTicketId: id }).strict(),
  urge: z.object({ note: text.optional() }).strict(),
};
