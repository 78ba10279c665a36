import type { QueueJobs, QueueName } from '@grid-dispatch/contracts';
import { type Job, Queue, Worker, type WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';

export interface QueueSettings {
  connection: Redis;
  /** BullMQ key prefix (QUEUE_PREFIX); tests use their own so queues never mix. */
  prefix: string;
}

/** A BullMQ queue whose job data type follows from its name (contracts' QueueJobs). */
export function createQueue<N extends QueueName>(name: N, settings: QueueSettings): Queue<QueueJobs[N]> {
  return new Queue<QueueJobs[N]>(name, {
    connection: settings.connection,
    prefix: settings.prefix,
    defaultJobOptions: {
      // Keep Redis small: a done job has already recorded its effect on the ticket.
      removeOnComplete: true,
      removeOnFail: { count: 1000 },
      // A write that lost a race or met a busy database retries soon and often: the ticket is
      // re-read each time and a late effect still happens once.
      attempts: 10,
      backoff: { type: 'exponential', delay: 200 },
    },
  });
}

export function createWorker<N extends QueueName>(
  name: N,
  processor: (job: Job<QueueJobs[N]>) => Promise<void>,
  settings: QueueSettings & Partial<Pick<WorkerOptions, 'concurrency'>>,
): Worker<QueueJobs[N]> {
  return new Worker<QueueJobs[N]>(name, processor, {
    connection: settings.connection,
    prefix: settings.prefix,
    concurrency: settings.concurrency ?? 16,
  });
}
