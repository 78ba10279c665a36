import { ConsumerGroup, QueueName, type SmsMessageJobData } from '@grid-dispatch/contracts';
import { logQueueErrors } from '@grid-dispatch/queue';
import { Queue } from 'bullmq';
import type { SlaConfig } from '../config';
import { startLoggedDelivery } from '../logged-delivery';
import type { SlaPlatform } from '../sla-platform';
import { logSmsMessage, pruneSmsLog, unitNameCache } from './sms-log';
import { smsProviderFrom } from './sms-provider';
import { SmsSender } from './sms-sender';

/**
 * Resident SMS, hosted by the sla service beside the webhooks: a consumer group of its own logs
 * the message a ticket event sends (dispatch, fix, closing) and queues it; a worker sends it
 * through the configured provider, retrying with exponential backoff.
 */
export async function startSmsNotices(
  platform: SlaPlatform,
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
  logQueueErrors(queue, logger, QueueName.SmsMessages);
  const sender = new SmsSender(platform.models, provider);
  const unitNames = unitNameCache(platform.models, platform.referenceStamp);
  return startLoggedDelivery(platform, config, {
    group: ConsumerGroup.Sms,
    logger,
    queue,
    logEvent: (envelope) =>
      logSmsMessage(platform.models, queue, envelope, config.PUBLIC_BASE_URL, unitNames),
    send: (job) => sender.process(job),
    concurrency: 8,
    describe: (job) => ({ messageId: job?.data.messageId }),
    prune: () => pruneSmsLog(platform.models, config.SMS_LOG_KEEP),
  });
}
