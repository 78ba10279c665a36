import { z } from 'zod';
import { actorSchema } from './event-envelope.schema';

/**
 * The joint committee's event types on the `committee-events` topic. Stored in records' outboxes
 * and in Kafka: add freely, never rename.
 */
export const COMMITTEE_EVENT_TYPES = [
  'need.raised',
  'need.triaged',
  'need.supported',
  'need.served',
  'resource.changed',
  'project.proposed',
  'project.status_changed',
  'project.milestone_done',
  'project.rated',
  /** A unit joined or a milestone was set or moved (a joint meeting's decision). */
  'project.changed',
  'project.milestone_due',
  'project.milestone_missed',
  'meeting.held',
  'activity.published',
] as const;
export type CommitteeEventType = (typeof COMMITTEE_EVENT_TYPES)[number];

export const COMMITTEE_ENTITIES = ['need', 'resource', 'project', 'meeting', 'activity'] as const;
export type CommitteeEntity = (typeof COMMITTEE_ENTITIES)[number];

/**
 * One committee event. Like a ticket event it names its record and the record's version after the
 * event (consumers apply events by it: idempotent, in order), and carries the community and its
 * area path so dashboards filter by scope. The payload holds ids, statuses and counts only, never
 * a resident's phone or a contact person: the topic carries no personal data.
 */
export const committeeEventSchema = z.object({
  eventId: z.uuid(),
  type: z.enum(COMMITTEE_EVENT_TYPES),
  schemaVersion: z.literal(1),
  entity: z.enum(COMMITTEE_ENTITIES),
  entityId: z.string().min(1),
  entityVersion: z.number().int().positive(),
  communityId: z.string().min(1),
  /** The community's area path, community to district. */
  areaIds: z.array(z.string()),
  occurredAt: z.iso.datetime(),
  actor: actorSchema,
  payload: z.record(z.string(), z.unknown()),
});
export type CommitteeEvent = z.infer<typeof committeeEventSchema>;
