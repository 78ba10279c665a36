import { DEADLINE_KINDS } from '@grid-dispatch/domain';
import { z } from 'zod';
import { deadlineSchema } from './ticket-summary.schema';

const latLng = z.object({ lat: z.number(), lng: z.number() });
const deadlineKind = z.enum(DEADLINE_KINDS);

/** A resident's rating of the fix. */
export const ratingSchema = z.enum(['satisfied', 'basically_satisfied', 'dissatisfied']);

/** A free-form lifecycle event: what happened is in `type`; details are ids and short notes only. */
const lifecyclePayload = z
  .object({
    note: z.string().max(2000).optional(),
    reason: z.string().max(2000).optional(),
    comment: z.string().max(2000).optional(),
    photos: z.array(z.string().max(2048)).max(20).optional(),
    unitId: z.string().optional(),
    fromUnitId: z.string().nullable().optional(),
    assistUnitIds: z.array(z.string()).optional(),
    intoTicketId: z.string().optional(),
    resolveBy: z.string().optional(),
    rating: ratingSchema.optional(),
    solved: z.boolean().optional(),
    request: z.enum(['return', 'extension']).optional(),
    approve: z.boolean().optional(),
    /** Closing a main ticket closes those merged into it: the id of that main ticket. */
    closedWith: z.string().optional(),
    /** The escalation level this action ended (acting stops the chain; who ended it is the actor). */
    endedEscalationLevel: z.number().int().min(1).max(3).optional(),
  })
  .strict();

/**
 * Payload schema per event type. Keys are the event type names: NEVER rename one (they are
 * stored on tickets and in Kafka); add new ones freely. A missing schema is a compile error
 * wherever `EventType` is used.
 */
export const EVENT_PAYLOAD_SCHEMAS = {
  'ticket.submitted': z
    .object({
      hasLocation: z.boolean(),
      location: latLng.optional(),
      photoCount: z.number().int().nonnegative(),
      /** Linked to these planned works: the dispatcher holds it until they end. */
      plannedWorksId: z.string().optional(),
    })
    .strict(),
  'ticket.dispatched': z
    .object({
      unitId: z.string().nullable(),
      assistUnitIds: z.array(z.string()),
      areaIds: z.array(z.string()),
      routing: z.enum(['matched', 'fallback']),
      responsibilityId: z.string().nullable(),
      ack: deadlineSchema.optional(),
      /** A reopened ticket still escalated: the level its new dispatch ended. */
      endedEscalationLevel: z.number().int().min(1).max(3).optional(),
    })
    .strict(),
  'sla.warning': z
    .object({ deadline: deadlineKind, fraction: z.number().min(0).max(1), dueAt: z.string() })
    .strict(),
  'sla.breached': z
    .object({ deadline: deadlineKind, dueAt: z.string(), escalationLevel: z.number().int().min(0).max(3) })
    .strict(),
  'sla.reminder': z
    .object({
      deadline: deadlineKind,
      dueAt: z.string(),
      escalationLevel: z.number().int().min(0).max(3),
      repeat: z.number().int().positive(),
    })
    .strict(),
  'ticket.escalated': z
    .object({ deadline: deadlineKind, escalationLevel: z.number().int().min(0).max(3) })
    .strict(),
  'ticket.accepted': lifecyclePayload,
  'ticket.progress_reported': lifecyclePayload,
  'ticket.resolved': lifecyclePayload,
  'ticket.return_requested': lifecyclePayload,
  'ticket.return_approved': lifecyclePayload,
  'ticket.return_refused': lifecyclePayload,
  'ticket.extension_requested': lifecyclePayload,
  'ticket.extension_approved': lifecyclePayload,
  'ticket.extension_refused': lifecyclePayload,
  'ticket.reassigned': lifecyclePayload,
  'ticket.verified': lifecyclePayload,
  'ticket.verification_failed': lifecyclePayload,
  'ticket.closed': lifecyclePayload,
  'ticket.reopened': lifecyclePayload,
  'ticket.cancelled': lifecyclePayload,
  'ticket.merged': lifecyclePayload,
  'ticket.urged': lifecyclePayload,
  'ticket.rated': lifecyclePayload,
  /** A resident nearby said "I have this too" instead of filing the same report again. */
  'ticket.supported': z.object({ supporters: z.number().int().positive() }).strict(),
  /** The planned works a held report was linked to are over: the dispatcher dispatches it now. */
  'ticket.planned_works_ended': z
    .object({ plannedWorksId: z.string(), reason: z.enum(['ended', 'ended_early', 'cancelled']) })
    .strict(),
} as const;

export type EventType = keyof typeof EVENT_PAYLOAD_SCHEMAS;
export type EventPayload<T extends EventType> = z.infer<(typeof EVENT_PAYLOAD_SCHEMAS)[T]>;

export const EVENT_TYPES = Object.keys(EVENT_PAYLOAD_SCHEMAS) as EventType[];

export function isEventType(value: string): value is EventType {
  return Object.hasOwn(EVENT_PAYLOAD_SCHEMAS, value);
}
