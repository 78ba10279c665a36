import { ConsumerGroup, groupName, TOPIC_PARTITIONS, Topic, topicName } from '@grid-dispatch/contracts';
import { RoutingReference } from '@grid-dispatch/db';
import { TERMINAL_STATUSES } from '@grid-dispatch/domain';
import { EventConsumer } from '@grid-dispatch/kafka';
import { dispatchTicket } from './dispatch-ticket';
import type { DispatcherPlatform } from './dispatcher-platform';
import { startPlannedWorksReleaser } from './planned-works-release';

export interface DispatcherService {
  consumer: EventConsumer;
  stop(): Promise<void>;
}

/** Consumes ticket events in the dispatcher group and routes every submitted or reopened ticket. */
export async function startDispatcher(platform: DispatcherPlatform): Promise<DispatcherService> {
  const logger = platform.logger.child({ module: 'dispatcher' });
  const reference = new RoutingReference(platform.models, platform.referenceStamp);
  platform.metrics.consumerLag.watch(
    ConsumerGroup.Dispatcher,
    groupName(platform.config.TOPIC_PREFIX, ConsumerGroup.Dispatcher),
    [topicName(platform.config.TOPIC_PREFIX, Topic.TicketEvents)],
  );
  const consumer = new EventConsumer({
    kafka: platform.kafka,
    groupId: groupName(platform.config.TOPIC_PREFIX, ConsumerGroup.Dispatcher),
    topicPrefix: platform.config.TOPIC_PREFIX,
    logger,
    // Every partition at once: a dispatch waits on the database, Redis and Kafka in turn, so one
    // partition's messages are bound by that latency, not by CPU; at six at once the dispatcher
    // fell behind at 50 reports/s while every other group kept up.
    partitionsConcurrently: TOPIC_PARTITIONS[Topic.TicketEvents],
    handle: async (envelope) => {
      // A report linked to planned works is held (no dispatch, no clocks) until they end.
      const held = envelope.type === 'ticket.submitted' && envelope.payload.plannedWorksId !== undefined;
      // A new report, one sent back to the router (reopened by a secretary or a dissatisfied
      // rating), or a held one whose planned works are over.
      if (
        (envelope.type === 'ticket.submitted' && !held) ||
        envelope.type === 'ticket.planned_works_ended' ||
        envelope.ticket.status === 'reopened'
      ) {
        await dispatchTicket(platform, reference, envelope, logger);
      }
      // A ticket owing no more work is no longer offered as a duplicate of a new report.
      if (TERMINAL_STATUSES.includes(envelope.ticket.status)) {
        await platform.openTickets.remove(
          envelope.ticket.category,
          envelope.ticketId,
          envelope.ticket.trackingCode,
        );
      }
    },
  });
  // Waits until the broker drops a killed instance, still a member; a failed start leaves the group.
  await consumer.startJoined();
  logger.info('dispatcher consuming ticket events');
  const releaser = await startPlannedWorksReleaser(platform, logger);
  return {
    consumer,
    async stop() {
      await releaser.stop();
      await consumer.stop();
    },
  };
}
export * from './config';
