import {
  ConsumerGroup,
  groupName,
  QueueName,
  type SmsMessageJobData,
  Topic,
  topicName,
} from '@grid-dispatch/contracts';
import { EventConsumer } from '@grid-dispatch/kafka';
import { createRedisConnection, workerSettings } from '@grid-dispatch/queue';
import type { Platform } from '@grid-dispatch/runtime';
import { Queue, Worker } from 'bullmq';
import type { SlaConfig } from '../config';
import { startLogPruning } from '../log-pruning';
import { logSmsMessage, pruneSmsLog } from './sms-log';
import { smsProviderFrom } from './sms-provider';
import { SmsSender } from './sms-sender';

/**
 * Resident SMS, hosted by the sla service beside the webhooks: a consumer group of its own logs
 * the message a ticket event sends (dispatch, fix, closing) and queues it; a worker sends it
 * through the configured provider, retrying with exponential backoff.
 */
export async function startSmsNotices(
  platform: Platform,
  config: SlaConfig,
): Promise<{ stop(): Promise<void> }> {
  const logger = platform.logger.child({ module: 'sms' });
  const provider = smsProviderFrom(config);
  // Not createQueue: these jobs retry on the SMS schedule, not the quick one of database writes.
  const queue = new Queue<SmsMessageJobData>(QueueName.SmsMessages, {
    connection: platform.redis,
    prefix: config.QUEUE_PREFIX,
    defaultJobOptions: {
      attempts: config.SMS_ATTEMPTS,
      backoff: { type: 'exponential', delay: config.SMS_RETRY_BASE },
      removeOnComplete: { age: 24 * 3600 },
      removeOnFail: { age: 7 * 24 * 3600 },
    },
  });
  const sender = new SmsSender(platform.models, provider);
  const workerConnection = createRedisConnection(config.REDIS_URL);
  workerConnection.on('error', () => undefined);
  const worker = new Worker(QueueName.SmsMessages, (job) => sender.process(job), {
    connection: workerConnection,
    prefix: config.QUEUE_PREFIX,
    concurrency: 8,
    ...workerSettings,
  });
  worker.on('failed', (job, err) =>
    logger.warn({ messageId: job?.data.messageId, err: err.message }, 'sms attempt failed'),
  );
  const closeWorker = async () => {
    await worker.close();
    await queue.close();
    await workerConnection.quit().catch(() => workerConnection.disconnect());
  };

  const group = groupName(config.TOPIC_PREFIX, ConsumerGroup.Sms);
  platform.metrics.consumerLag.watch(ConsumerGroup.Sms, group, [
    topicName(config.TOPIC_PREFIX, Topic.TicketEvents),
  ]);
  const consumer = new EventConsumer({
    kafka: platform.kafka,
    groupId: group,
    topicPrefix: config.TOPIC_PREFIX,
    logger,
    handle: async (envelope) => {
      await logSmsMessage(platform.models, queue, envelope, config.PUBLIC_BASE_URL);
    },
  });
  try {
    await consumer.startJoined();
  } catch (error) {
    await closeWorker().catch(() => undefined);
    throw error;
  }
  const stopPruning = startLogPruning(
    () => pruneSmsLog(platform.models, config.SMS_LOG_KEEP),
    'sms log',
    logger,
  );
  return {
    async stop() {
      stopPruning();
      await consumer.stop();
      await closeWorker();
    },
  };
}
