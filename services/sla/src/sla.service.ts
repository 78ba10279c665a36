import {
  ConsumerGroup,
  deadlineOfJob,
  groupName,
  QueueName,
  Topic,
  topicName,
} from '@grid-dispatch/contracts';
import { EventConsumer } from '@grid-dispatch/kafka';
import { createQueue, createWorker } from '@grid-dispatch/queue';
import { createRedisConnection } from '@grid-dispatch/redis';
import { UnrecoverableError } from 'bullmq';
import type { SlaConfig } from './config';
import { registerDeadlineMetrics } from './deadline-metrics';
import { DeadlineScheduler, schedulableFrom } from './deadline-scheduler';
import { fireDeadline } from './fire-deadline';
import type { SlaPlatform } from './sla-platform';
import { startSmsNotices } from './sms/sms.service';
import { TimerReconciler } from './timer-reconciler';
import { startWebhookDelivery } from './webhooks/webhook-delivery.service';

export interface SlaService {
  scheduler: DeadlineScheduler;
  reconciler: TimerReconciler;
  stop(): Promise<void>;
}

/**
 * Watches every deadline: consumes ticket events to (re)schedule delayed jobs, and runs the worker
 * that fires them. Workers block on Redis, so they get their own connection.
 */
export async function startSla(platform: SlaPlatform, config: SlaConfig): Promise<SlaService> {
  const logger = platform.logger.child({ module: 'sla' });
  const settings = { connection: platform.redis, prefix: config.QUEUE_PREFIX, logger };
  const queue = createQueue(QueueName.SlaDeadlines, settings);
  const scheduler = new DeadlineScheduler(
    queue,
    platform.models,
    {
      fractions: config.SLA_WARNING_FRACTIONS,
      remindEveryMs: config.SLA_REMIND_EVERY,
    },
    platform.calendars,
  );
  const countFired = registerDeadlineMetrics(platform.metrics, queue);
  const reconciler = new TimerReconciler(platform, queue, scheduler, logger, config.SLA_RECONCILE_EVERY);

  const workerConnection = createRedisConnection(config.REDIS_URL);
  workerConnection.on('error', () => undefined);
  const worker = createWorker(
    QueueName.SlaDeadlines,
    async (job) => {
      // The job id names the deadline; jobs carry no data of their own (contracts, deadlineJobId).
      const deadline = deadlineOfJob(job);
      if (!deadline) throw new UnrecoverableError(`job ${job.id} names no deadline`);
      const outcome = await fireDeadline(platform, deadline);
      countFired(deadline, outcome);
      logger.debug(
        { ticketId: deadline.ticketId, kind: deadline.kind, step: deadline.step, outcome },
        'deadline job done',
      );
    },
    {
      connection: workerConnection,
      prefix: config.QUEUE_PREFIX,
      logger,
      concurrency: config.SLA_WORKER_CONCURRENCY,
    },
  );
  worker.on('failed', (job, err) =>
    logger.warn(
      { ticketId: job ? deadlineOfJob(job)?.ticketId : undefined, err: err.message },
      'deadline job failed; BullMQ will retry',
    ),
  );

  const closeWorker = async () => {
    await worker.close();
    await queue.close();
    await workerConnection.quit().catch(() => workerConnection.disconnect());
  };

  platform.metrics.consumerLag.watch(ConsumerGroup.Sla, groupName(config.TOPIC_PREFIX, ConsumerGroup.Sla), [
    topicName(config.TOPIC_PREFIX, Topic.TicketEvents),
  ]);
  const consumer = new EventConsumer({
    kafka: platform.kafka,
    groupId: groupName(config.TOPIC_PREFIX, ConsumerGroup.Sla),
    topicPrefix: config.TOPIC_PREFIX,
    logger,
    handle: async (envelope) => {
      await scheduler.schedule(schedulableFrom(envelope.ticketId, envelope.ticket));
    },
  });
  // The webhook deliveries join their own consumer group at the same time, so the start is no slower.
  const webhooksStarting = startWebhookDelivery(platform, config);
  // Its failure is handled below, once the deadlines' group has joined; never left unhandled.
  webhooksStarting.catch(() => undefined);
  // Resident SMS likewise, in a consumer group of its own.
  const smsStarting = startSmsNotices(platform, config);
  smsStarting.catch(() => undefined);
  try {
    // Waits until the broker drops a killed instance, still a member; a failed start leaves the group.
    await consumer.startJoined();
  } catch (error) {
    // Let the worker finish the deadlines it holds rather than leave them to stall.
    await closeWorker().catch(() => undefined);
    await webhooksStarting.then((w) => w.stop()).catch(() => undefined);
    await smsStarting.then((s) => s.stop()).catch(() => undefined);
    throw error;
  }
  let webhooks: Awaited<typeof webhooksStarting>;
  try {
    webhooks = await webhooksStarting;
  } catch (error) {
    await consumer.stop().catch(() => undefined);
    await closeWorker().catch(() => undefined);
    await smsStarting.then((s) => s.stop()).catch(() => undefined);
    throw error;
  }
  let sms: Awaited<typeof smsStarting>;
  try {
    sms = await smsStarting;
  } catch (error) {
    await webhooks.stop().catch(() => undefined);
    await consumer.stop().catch(() => undefined);
    await closeWorker().catch(() => undefined);
    throw error;
  }
  reconciler.start();
  logger.info('sla consuming ticket events and firing deadlines');

  return {
    scheduler,
    reconciler,
    async stop() {
      await reconciler.stop();
      await consumer.stop();
      await webhooks.stop();
      await sms.stop();
      await closeWorker();
    },
  };
}
export * from './config';
