import { z } from 'zod';
import {
  EVENT_PAYLOAD_SCHEMAS,
  EVENT_TYPES,
  type EventPayload,
  type EventType,
  isEventType,
} from './ticket-events.schema';
import { ticketSummarySchema } from './ticket-summary.schema';

export const CURRENT_SCHEMA_VERSION = 1;

export const actorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('resident') }),
  z.object({ kind: z.literal('system'), service: z.string() }),
  z.object({ kind: z.literal('staff'), userId: z.string(), role: z.string() }),
]);
export type Actor = z.infer<typeof actorSchema>;

/** What every envelope carries whatever its type; `type` and `payload` are checked per type. */
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

/** The envelope of one event type: its `type` and that type's payload schema. */
function envelopeSchemaOf<T extends EventType>(type: T) {
  return envelopeBase.extend({ type: z.literal(type), payload: EVENT_PAYLOAD_SCHEMAS[type] });
}
type EnvelopeSchemas = { [T in EventType]: ReturnType<typeof envelopeSchemaOf<T>> };
type Envelopes = { [T in EventType]: z.output<EnvelopeSchemas[T]> };

/**
 * The envelope on every ticket event: one object schema per event
 * type, told apart by `type`, so the payload's schema follows from the type.
 */
export const eventEnvelopeSchema = z.discriminatedUnion(
  'type',
  EVENT_TYPES.map(envelopeSchemaOf) as [EnvelopeSchemas[EventType], ...EnvelopeSchemas[EventType][]],
);

/**
 * An envelope of the given type(s), by default of any: a union discriminated by `type`, so a
 * consumer that tests or switches on `envelope.type` gets `envelope.payload` typed.
 */
export type EventEnvelope<T extends EventType = EventType> = Envelopes[T];

export type EnvelopeCheck = { ok: true; envelope: EventEnvelope } | { ok: false; reason: string };

/**
 * Validates an envelope and its type's payload; used by producers and consumers alike. The same
 * rules as {@link eventEnvelopeSchema}, checked in steps so the reason says which step failed
 * (the base fields, an unknown type, or the type's payload, with paths inside the payload): the
 * dead-letter topic records it.
 */
export function checkEnvelope(value: unknown): EnvelopeCheck {
  const base = envelopeBase.safeParse(value);
  if (!base.success) return { ok: false, reason: describe(base.error) };
  const { type } = base.data;
  if (!isEventType(type)) return { ok: false, reason: `unknown event type "${type}"` };
  const typed = checkEventPayload(type, base.data.payload);
  if (!typed.ok) return typed;
  return { ok: true, envelope: { ...base.data, ...typed.event } };
}

/** An event type with a payload of that type: a union by `type`, as in the envelope. */
export type TypedPayload<T extends EventType = EventType> = {
  [K in T]: { type: K; payload: EventPayload<K> };
}[T];

/**
 * Checks a payload against its event type's schema and pairs the two; the reason names the fields
 * that fail.
 */
export function checkEventPayload<T extends EventType>(
  type: T,
  payload: unknown,
): { ok: true; event: TypedPayload<T> } | { ok: false; reason: string } {
  const schema: z.ZodType = EVENT_PAYLOAD_SCHEMAS[type];
  const checked = schema.safeParse(payload);
  if (!checked.success) return { ok: false, reason: `payload of ${type}: ${describe(checked.error)}` };
  // Just parsed by the very schema EventPayload<T> is inferred from: the one place the pairing of
  // a type with its payload is asserted rather than inferred, and it is checked.
  return { ok: true, event: { type, payload: checked.data as EventPayload<T> } };
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
