import { ConsumerGroup, groupName, Topic, topicName } from '@grid-dispatch/contracts';
import { RoutingReference } from '@grid-dispatch/db';
import { EventConsumer } from '@grid-dispatch/kafka';
import type { Platform } from '@grid-dispatch/runtime';
import { dispatchTicket } from './dispatch-ticket';

/** A ticket in these states is no longer offered as a duplicate of a new report. */
const CLOSED = new Set(['closed', 'cancelled', 'merged']);

export interface DispatcherService {
  consumer: EventConsumer;
  stop(): Promise<void>;
}

/** Consumes ticket events in the dispatcher group and routes every submitted or reopened ticket. */
export async function startDispatcher(platform: Platform): Promise<DispatcherService> {
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
    handle: async (envelope) => {
      // A new report, or one sent back to the router (reopened by a secretary or a dissatisfied rating).
      if (envelope.type === 'ticket.submitted' || envelope.ticket.status === 'reopened') {
        await dispatchTicket(platform, reference, envelope, logger);
      }
      if (CLOSED.has(envelope.ticket.status)) {
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
  return { consumer, stop: () => consumer.stop() };
}
export * from './config';
