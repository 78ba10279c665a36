import {
  type CommitteeEvent,
  type CommitteeUpdatedMessage,
  committeeEventSchema,
  LiveEvent,
  rooms,
  Topic,
  topicName,
} from '@grid-dispatch/contracts';
import { GROUP_MEMBER_TIMEOUTS } from '@grid-dispatch/kafka';
import type { Logger } from '@grid-dispatch/logger';
import type { Kafka } from 'kafkajs';
import type { Server } from 'socket.io';

/** What a committee event tells the dashboards: which record changed, not what it holds. */
export function committeeUpdate(event: CommitteeEvent): CommitteeUpdatedMessage {
  return {
    entity: event.entity,
    entityId: event.entityId,
    entityVersion: event.entityVersion,
    type: event.type,
    communityId: event.communityId,
    at: event.occurredAt,
  };
}

/**
 * Pushes `committee.updated` for every event on `committee-events` to the secretaries of the
 * record's community and of each area above it (the rooms of its area path). A hint to refetch,
 * so a message that fails its schema is logged and skipped rather than dead-lettered; one group
 * for all live replicas, as for ticket events (the adapter reaches every replica's sockets).
 * Its group keeps the ticket groups' short timeouts, so a restart after a kill joins in seconds;
 * a start that fails disconnects, so kafkajs does not go on joining in the background.
 */
export async function startCommitteeFanout(
  io: Server,
  kafka: Kafka,
  topicPrefix: string,
  logger: Logger,
): Promise<{ stop(): Promise<void> }> {
  const consumer = kafka.consumer({
    groupId: `${topicPrefix}live-committee`,
    ...GROUP_MEMBER_TIMEOUTS,
    // kafkajs's default wait (5 s): the broker answers as soon as an event comes, and an idle
    // topic (committee events are a few a day) is not polled ten times a second.
  });
  try {
    await consumer.connect();
    await consumer.subscribe({ topic: topicName(topicPrefix, Topic.CommitteeEvents), fromBeginning: false });
    // kafkajs's run() resolves once the group is joined.
    await consumer.run({
      eachMessage: async ({ message }) => pushUpdate(io, message.value, message.offset, logger),
    });
  } catch (error) {
    await consumer.disconnect().catch(() => undefined);
    throw error;
  }
  return {
    async stop() {
      await consumer.disconnect().catch(() => undefined);
    },
  };
}

function pushUpdate(io: Server, value: Buffer | null, offset: string, logger: Logger): void {
  let body: unknown = null;
  try {
    body = JSON.parse(String(value ?? 'null'));
  } catch {
    body = null;
  }
  const parsed = committeeEventSchema.safeParse(body);
  if (!parsed.success) {
    logger.warn({ offset }, 'committee event skipped: not a committee event');
    return;
  }
  io.to(parsed.data.areaIds.map(rooms.area)).emit(LiveEvent.CommitteeUpdated, committeeUpdate(parsed.data));
}
