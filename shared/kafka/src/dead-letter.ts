import { checkEnvelope, type EventEnvelope } from '@grid-dispatch/contracts';
import type { TopicMessage } from './topic-reader';

/** Headers `EventConsumer` puts on every dead letter; the replay command reads them back. */
export const DeadLetterHeader = {
  /** Why the message was refused: `value is not JSON`, the schema's complaint, or `CODE: message`. */
  Reason: 'dlq-reason',
  /** Where the refused message sits: `topic/partition/offset`. */
  Source: 'dlq-source',
  /** The consumer group that refused it (with the deployment's prefix). */
  Group: 'dlq-group',
} as const;

/** A position on a topic, written `topic/partition/offset` in headers and output. */
export interface TopicPosition {
  topic: string;
  partition: number;
  offset: string;
}

/** A message on the dead-letter topic, with what it says about itself. */
export interface DeadLetter {
  /** Where the dead letter itself sits on the dead-letter topic. */
  position: TopicPosition;
  /** When it was dead-lettered. */
  at: Date;
  group: string | null;
  reason: string;
  /** The refused message's own position (`dlq-source`), or null when the header is missing or garbled. */
  source: TopicPosition | null;
  /** The refused message's key and value, exactly as they were. */
  key: Buffer | null;
  value: Buffer | null;
  /** The event when the value is a valid one; null for true poison. */
  envelope: EventEnvelope | null;
  /** Why the value can never be taken as it is (not JSON, fails the schema), or null when it is a valid event. */
  invalid: string | null;
  /** Event type and ticket id as far as the value tells them, valid or not (for listing). */
  eventType: string | null;
  ticketId: string | null;
}

export function formatPosition(position: TopicPosition): string {
  return `${position.topic}/${position.partition}/${position.offset}`;
}

/** `topic/partition/offset` → a position, or null (Kafka topic names never contain a slash). */
export function parsePosition(text: string | undefined): TopicPosition | null {
  const match = /^([^/]+)\/(\d+)\/(\d+)$/.exec(text ?? '');
  if (!match) return null;
  return { topic: match[1]!, partition: Number(match[2]), offset: match[3]! };
}

/** Reads a dead letter from its message on the dead-letter topic. */
export function readDeadLetter(message: TopicMessage): DeadLetter {
  const { envelope, invalid, eventType, ticketId } = inspectValue(message.value);
  return {
    position: { topic: message.topic, partition: message.partition, offset: message.offset },
    at: new Date(Number(message.timestamp)),
    group: message.headers[DeadLetterHeader.Group] ?? null,
    reason: message.headers[DeadLetterHeader.Reason] ?? '(no reason given)',
    source: parsePosition(message.headers[DeadLetterHeader.Source]),
    key: message.key,
    value: message.value,
    envelope,
    invalid,
    eventType,
    ticketId,
  };
}

function inspectValue(
  value: Buffer | null,
): Pick<DeadLetter, 'envelope' | 'invalid' | 'eventType' | 'ticketId'> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value?.toString('utf8') ?? '');
  } catch {
    return { envelope: null, invalid: 'value is not JSON', eventType: null, ticketId: null };
  }
  const fields = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  const eventType = typeof fields.type === 'string' ? fields.type : null;
  const ticketId = typeof fields.ticketId === 'string' ? fields.ticketId : null;
  const check = checkEnvelope(parsed);
  if (!check.ok)
    return { envelope: null, invalid: `not a valid event: ${check.reason}`, eventType, ticketId };
  return { envelope: check.envelope, invalid: null, eventType, ticketId };
}
