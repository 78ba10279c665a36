import { z } from 'zod';
import {
  EVENT_PAYLOAD_SCHEMAS,
  type EventPayload,
  type EventType,
  isEventType,
} from './ticket-events.schema';
import { type TicketSummary, ticketSummarySchema } from './ticket-summary.schema';

export const CURRENT_SCHEMA_VERSION = 1;

export const actorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('resident') }),
  z.object({ kind: z.literal('system'), service: z.string() }),
  z.object({ kind: z.literal('staff'), userId: z.string(), role: z.string() }),
]);
export type Actor = z.infer<typeof actorSchema>;

const envelopeBase = z.object({
  eventId: z.uuid(),
  type: z.string(),
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  ticketId: z.string().min(1),
  /** The ticket's version after this event; consumers apply events by it (idempotency, order). */
  ticketVersion: z.number().int().positive(),
  occurredAt: z.iso.datetime(),
  actor: actorSchema,
  payload: z.unknown(),
  /** The ticket as it stands after the event, public-safe (no personal data). */
  ticket: ticketSummarySchema,
});

/** The envelope on every ticket event (docs/architecture.md, Events). */
export interface EventEnvelope<T extends EventType = EventType> {
  eventId: string;
  type: T;
  schemaVersion: typeof CURRENT_SCHEMA_VERSION;
  ticketId: string;
  ticketVersion: number;
  occurredAt: string;
  actor: Actor;
  payload: EventPayload<T>;
  ticket: TicketSummary;
}

export type EnvelopeCheck = { ok: true; envelope: EventEnvelope } | { ok: false; reason: string };

/** Validates an envelope and its type's payload; used by producers and consumers alike. */
export function checkEnvelope(value: unknown): EnvelopeCheck {
  const base = envelopeBase.safeParse(value);
  if (!base.success) return { ok: false, reason: describe(base.error) };
  const { type } = base.data;
  if (!isEventType(type)) return { ok: false, reason: `unknown event type "${type}"` };
  const payload = EVENT_PAYLOAD_SCHEMAS[type].safeParse(base.data.payload);
  if (!payload.success) return { ok: false, reason: `payload of ${type}: ${describe(payload.error)}` };
  return { ok: true, envelope: { ...base.data, type, payload: payload.data } as EventEnvelope };
}

export function isEnvelopeOf<T extends EventType>(
  envelope: EventEnvelope,
  type: T,
): envelope is EventEnvelope<T> {
  return envelope.type === type;
}

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}
