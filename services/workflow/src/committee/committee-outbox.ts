import { randomUUID } from 'node:crypto';
import type { StaffPrincipal } from '@grid-dispatch/auth';
import type { CommitteeEntity, CommitteeEvent, CommitteeEventType } from '@grid-dispatch/contracts';

/** The meeting or activity an event is about, as it stands after the change. */
export interface EventSubject {
  entity: Extract<CommitteeEntity, 'meeting' | 'activity'>;
  id: string;
  communityId: string;
  /** The community's area path, community to district (dashboards filter events by it). */
  areaIds: string[];
  version: number;
}

/**
 * A committee event about one meeting or activity, by a member of staff: written into the
 * record's outbox with the change, and sent by the committee outbox (`CommitteeOutbox.flush`).
 */
export function committeeEvent(
  type: CommitteeEventType,
  subject: EventSubject,
  principal: StaffPrincipal,
  payload: Record<string, unknown>,
  at: Date,
): CommitteeEvent {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    entity: subject.entity,
    entityId: subject.id,
    entityVersion: subject.version,
    communityId: subject.communityId,
    areaIds: subject.areaIds,
    occurredAt: at.toISOString(),
    actor: { kind: 'staff', userId: principal.userId, role: principal.role },
    payload,
  };
}
