import {
  type CommitteeEvent,
  type CommitteeUpdatedMessage,
  committeeEventSchema,
  LiveEvent,
  rooms,
  Topic,
  topicName,
} from '@grid-dispatch/contracts';
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
 */
export async function startCommitteeFanout(
  io: Server,
  kafka: Kafka,
  topicPrefix: string,
  logger: Logger,
): Promise<{ stop(): Promise<void> }> {
  const consumer = kafka.consumer({ groupId: `${topicPrefix}live-committee` });
  await consumer.connect();
  await consumer.subscribe({ topic: topicName(topicPrefix, Topic.CommitteeEvents), fromBeginning: false });
  await consumer.run({
    eachMessage: async ({ message }) => {
      let value: unknown = null;
      try {
        value = JSON.parse(String(message.value ?? 'null'));
      } catch {
        value = null;
      }
      const parsed = committeeEventSchema.safeParse(value);
      if (!parsed.success) {
        logger.warn({ offset: message.offset }, 'committee event skipped: not a committee event');
        return;
      }
      const update = committeeUpdate(parsed.data);
      io.to(parsed.data.areaIds.map(rooms.area)).emit(LiveEvent.CommitteeUpdated, update);
    },
  });
  return {
    async stop() {
      await consumer.disconnect().catch(() => undefined);
    },
  };
}
