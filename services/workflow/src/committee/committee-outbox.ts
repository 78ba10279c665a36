import { randomUUID } from 'node:crypto';
import type { StaffPrincipal } from '@grid-dispatch/auth';
import type { CommitteeEvent, CommitteeEventType } from '@grid-dispatch/contracts';
import type { CommitteeEventPublisher } from '@grid-dispatch/kafka';
import type { Model } from 'mongoose';

/** A committee event about one meeting or activity, by a member of staff. */
export function committeeEvent(
  type: CommitteeEventType,
  subject: { id: string; communityId: string; version: number },
  principal: StaffPrincipal,
  payload: Record<string, unknown>,
  at: Date,
): CommitteeEvent {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    communityId: subject.communityId,
    subjectId: subject.id,
    subjectVersion: subject.version,
    occurredAt: at.toISOString(),
    actor: { kind: 'staff', userId: principal.userId, role: principal.role },
    payload,
  };
}

interface WithOutbox {
  _id: string;
  version: number;
  outbox: CommitteeEvent[];
}

/**
 * Sends the events that writes left in documents' outboxes (the write and its events are one
 * update), then empties each outbox unless the document changed meanwhile. A failed send leaves
 * them for the next flush (after the next write, or at the service's start), so no event is lost;
 * one may be sent twice, and consumers apply each subject version once.
 */
export async function flushOutboxes<T extends WithOutbox & { outboxPending: boolean }>(
  model: Model<T>,
  publisher: CommitteeEventPublisher,
  ids?: readonly string[],
): Promise<void> {
  const filter = ids ? { _id: { $in: [...ids] }, outboxPending: true } : { outboxPending: true };
  const pending = await model
    .find(filter as never, { outbox: 1, version: 1 })
    .limit(100)
    .lean<WithOutbox[]>()
    .exec();
  for (const doc of pending) {
    if (!(await publisher.publish(doc.outbox))) return;
    await model
      .updateOne(
        { _id: doc._id, version: doc.version } as never,
        { $set: { outbox: [], outboxPending: false } } as never,
      )
      .exec();
  }
}
