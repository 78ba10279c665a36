import type { QueueJobs, QueueName } from '@grid-dispatch/contracts';
import type { Logger } from '@grid-dispatch/logger';
import { type Job, Queue, Worker, type WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { logQueueErrors } from './queue-errors';

export interface QueueSettings {
  connection: Redis;
  /** BullMQ key prefix (QUEUE_PREFIX); tests use their own so queues never mix. */
  prefix: string;
  /** Where the queue's or worker's errors go (logQueueErrors). */
  logger: Logger;
}

/**
 * How long a failed job waits before its next attempt: 200 ms, 400 ms, 800 ms … (BullMQ's
 * exponential backoff with a 200 ms base). A worker setting, not a job option: jobs name it only
 * as `backoff: {type: RETRY_BACKOFF}`, which BullMQ stores per job in fewer bytes than
 * `{type: 'exponential', delay: 200}`, and that difference crosses one of Redis' allocation sizes
 * (~30 bytes less per pending deadline, docs/performance.md).
 */
export function retryDelayMs(attemptsMade: number): number {
  return Math.round(200 * 2 ** (attemptsMade - 1));
}

/** The backoff type jobs name; a worker made by createWorker (or given workerSettings) knows it. */
export const RETRY_BACKOFF = 'custom';

/** Worker options every worker of our queues needs: the retry delays and what to keep of finished jobs. */
export const workerSettings = {
  settings: { backoffStrategy: retryDelayMs },
  // A done job has recorded its effect on the ticket; it is kept one minute only so that a
  // reconcile pass working from a ticket read just before the job ran re-adds the same id as a
  // no-op instead of running it again (measured: a quarter of the warnings and breaches ran twice
  // — to no effect, but each a wasted read — in the FLUSHALL test). Not longer: should an effect
  // ever be lost, the reconciler recreates the job once the id is free. Set here rather than per
  // job, where BullMQ would store it in each pending job's hash.
  removeOnComplete: { age: 60 },
  removeOnFail: { count: 1000 },
} satisfies Partial<WorkerOptions>;

/** A BullMQ queue whose job data type follows from its name (contracts' QueueJobs). */
export function createQueue<N extends QueueName>(name: N, settings: QueueSettings): Queue<QueueJobs[N]> {
  const queue = new Queue<QueueJobs[N]>(name, {
    connection: settings.connection,
    prefix: settings.prefix,
    // BullMQ copies these into every job's stored options, so only what must travel with a job
    // is here; what to keep of finished jobs is the worker's setting (createWorker).
    defaultJobOptions: {
      // A write that lost a race or met a busy database retries soon and often: the ticket is
      // re-read each time and a late effect still happens once.
      attempts: 10,
      backoff: { type: RETRY_BACKOFF },
    },
  });
  logQueueErrors(queue, settings.logger, name);
  return queue;
}

export function createWorker<N extends QueueName>(
  name: N,
  processor: (job: Job<QueueJobs[N]>) => Promise<void>,
  settings: QueueSettings & Partial<Pick<WorkerOptions, 'concurrency'>>,
): Worker<QueueJobs[N]> {
  const worker = new Worker<QueueJobs[N]>(name, processor, {
    connection: settings.connection,
    prefix: settings.prefix,
    concurrency: settings.concurrency ?? 16,
    ...workerSettings,
  });
  logQueueErrors(worker, settings.logger, name);
  return worker;
}
