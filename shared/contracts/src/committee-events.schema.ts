import { z } from 'zod';
import { actorSchema } from './event-envelope.schema';

/**
 * The committee platform's event types (needs, resources, projects, meetings, activities), on
 * their own topic. NEVER rename one: they are stored in outboxes and in Kafka.
 */
export const COMMITTEE_EVENT_TYPES = [
  'need.raised',
  'need.triaged',
  'need.supported',
  'resource.changed',
  'project.proposed',
  'project.status_changed',
  'project.milestone_done',
  'meeting.held',
  'activity.published',
] as const;
export type CommitteeEventType = (typeof COMMITTEE_EVENT_TYPES)[number];

/**
 * One committee event: ids, counts and short facts only (never a resident's phone or name), keyed
 * by community so one committee's events stay in order. `subjectVersion` is the need's, project's,
 * meeting's or activity's version after the event, for consumers to apply each once.
 */
export const committeeEventSchema = z.object({
  eventId: z.uuid(),
  type: z.enum(COMMITTEE_EVENT_TYPES),
  schemaVersion: z.literal(1),
  communityId: z.string().min(1),
  subjectId: z.string().min(1),
  subjectVersion: z.number().int().positive(),
  occurredAt: z.iso.datetime(),
  actor: actorSchema,
  payload: z.record(z.string(), z.unknown()),
});
export type CommitteeEvent = z.infer<typeof committeeEventSchema>;
