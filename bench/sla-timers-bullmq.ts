/**
 * The BullMQ side of the SLA timer benchmark: deadlines scheduled the way the sla service does
 * (one delayed job per deadline, deterministic job id, ids-only payload, the product's queue
 * defaults from @grid-dispatch/queue), fired by workers in this process.
 */
import { type DeadlineJobPayload, deadlineOfJob, QueueName } from '@grid-dispatch/contracts';
import { createQueue, createWorker, workerSettings } from '@grid-dispatch/queue';
import { createRedisConnection } from '@grid-dispatch/redis';
import { type Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import {
  deadlineJob,
  Load,
  type LoadSummary,
  log,
  packageVersion,
  queueLogger,
  round1,
  runOfTicket,
  type ScheduleFigures,
  waitForLoad,
} from './sla-timers-common';

export interface BullmqRunOptions {
  redisUrl: string;
  prefix: string;
  deadlines: number;
  windowS: number;
  leadS: number;
  burst: number;
  /** Worker concurrency (the sla service uses 32). */
  concurrency: number;
  /** Workers in this process, each with its own connection. */
  workers: number;
  /** BullMQ `drainDelay` in seconds (undefined = BullMQ's default, 5). */
  drainDelayS: number | undefined;
  batch: number;
  /** Lever: jobs carry only removeOnComplete (no attempts/backoff/removeOnFail) — not the product's setting. */
  slimOpts: boolean;
  signal: AbortSignal;
}

export interface BullmqLoadResult extends LoadSummary {
  windowS: number;
  leadS: number;
  schedule: ScheduleFigures;
  memory: MemoryFigures | null;
  duplicateAddIsNoop: boolean | null;
  leftInQueue: Record<string, number>;
}

export interface MemoryFigures {
  /** `INFO memory` used_memory after scheduling minus before, divided by the jobs added. */
  usedMemoryBytesPerJob: number;
  /** MEMORY USAGE of a sample of job hashes (`<prefix>:sla-deadlines:<jobId>`), mean. */
  jobHashBytes: number;
  /** MEMORY USAGE of the delayed sorted set divided by its members. */
  delayedZsetBytesPerJob: number;
  /** The events stream is capped (~10,000 entries), so it is a fixed cost, not per job. */
  eventsStreamBytes: number;
}

export interface BullmqResult {
  config: Record<string, unknown>;
  main?: BullmqLoadResult;
  burst?: BullmqLoadResult;
  failedJobs: number;
}

export async function runBullmq(o: BullmqRunOptions): Promise<BullmqResult> {
  const config = {
    bullmq: packageVersion('bullmq'),
    concurrency: o.concurrency,
    workers: o.workers,
    drainDelayS: o.drainDelayS ?? 'default (5)',
    addBulkBatch: o.batch,
    jobOptions: o.slimOpts
      ? 'removeOnComplete only (lever, not the product)'
      : 'createQueue defaults: attempts 10, backoff {type: custom} (200 ms × 2^n on the worker); removeOnComplete/removeOnFail on the worker',
    payload: 'none: the deadline is read from the job id (deadlineOfJob)',
  };
  const redis = createRedisConnection(o.redisUrl);
  const queue = o.slimOpts
    ? new Queue<DeadlineJobPayload>(QueueName.SlaDeadlines, {
        connection: redis,
        prefix: o.prefix,
        defaultJobOptions: { removeOnComplete: true },
      })
    : createQueue(QueueName.SlaDeadlines, { connection: redis, prefix: o.prefix, logger: queueLogger });
  const loads = new Map<number, Load>();
  const processor = async (job: Job<DeadlineJobPayload>) => {
    const ticketId = deadlineOfJob(job)?.ticketId ?? '';
    loads.get(runOfTicket(ticketId))?.record(ticketId);
  };
  const connections: Redis[] = [];
  const workers: Worker<DeadlineJobPayload>[] = [];
  let failedJobs = 0;
  const result: BullmqResult = { config, failedJobs: 0 };
  try {
    for (let w = 0; w < o.workers; w++) {
      const connection = createRedisConnection(o.redisUrl);
      connections.push(connection);
      const worker =
        o.drainDelayS === undefined
          ? createWorker(QueueName.SlaDeadlines, processor, {
              connection,
              prefix: o.prefix,
              logger: queueLogger,
              concurrency: o.concurrency,
            })
          : new Worker<DeadlineJobPayload>(QueueName.SlaDeadlines, processor, {
              connection,
              prefix: o.prefix,
              concurrency: o.concurrency,
              drainDelay: o.drainDelayS,
              ...workerSettings,
            });
      worker.on('failed', () => failedJobs++);
      worker.on('error', () => undefined);
      workers.push(worker);
    }
    await Promise.all(workers.map((w) => w.waitUntilReady()));

    const one = async (run: number, n: number, windowS: number, leadS: number, label: string) => {
      await new Promise((r) => setTimeout(r, 1000));
      const usedBefore = await usedMemory(redis);
      const t0 = Date.now();
      const base = t0 + leadS * 1000;
      const load = new Load(run, n, (i) => base + Math.floor((i * windowS * 1000) / n));
      loads.set(run, load);
      log(`bullmq ${label}: adding ${n} deadlines (due from +${leadS} s over ${windowS} s)`);
      const addBatch = (from: number) => {
        const now = Date.now();
        const jobs = [];
        for (let i = from; i < Math.min(n, from + o.batch); i++) {
          const { jobId } = deadlineJob(run, i);
          jobs.push({
            name: QueueName.SlaDeadlines,
            data: {},
            opts: { jobId, delay: Math.max(0, load.due[i]! - now) },
          });
        }
        return queue.addBulk(jobs);
      };
      for (let from = 0; from < n && !o.signal.aborted; from += o.batch) {
        await addBatch(from);
        if (from > 0 && from % 100_000 === 0) log(`  bullmq ${label}: ${from} added`);
      }
      const seconds = (Date.now() - t0) / 1000;
      const schedule: ScheduleFigures = {
        seconds: round1(seconds),
        jobsPerS: Math.round(n / seconds),
        doneBeforeFirstDue: Date.now() < load.firstDue,
        slackMs: load.firstDue - Date.now(),
      };
      log(`bullmq ${label}: ${schedule.jobsPerS} jobs/s, ${schedule.slackMs} ms before the first due`);
      let memory: MemoryFigures | null = null;
      let duplicateAddIsNoop: boolean | null = null;
      if (schedule.slackMs > 5000) {
        await new Promise((r) => setTimeout(r, 500));
        memory = await memoryFigures(redis, o.prefix, n, usedBefore, run);
        const delayed = await queue.getDelayedCount();
        await addBatch(0);
        duplicateAddIsNoop = (await queue.getDelayedCount()) === delayed;
      }
      const grace = Math.max(60_000, n * 1);
      await waitForLoad(load, load.lastDue + grace, o.signal, `bullmq ${label}`);
      loads.delete(run);
      const counts = await queue.getJobCounts('wait', 'delayed', 'active', 'failed', 'prioritized');
      return {
        windowS,
        leadS,
        schedule,
        memory,
        duplicateAddIsNoop,
        leftInQueue: counts,
        ...load.summary(),
      } satisfies BullmqLoadResult;
    };

    result.main = await one(1, o.deadlines, o.windowS, o.leadS, 'main');
    if (!o.signal.aborted) result.burst = await one(2, o.burst, 0, 10, 'burst');
  } finally {
    result.failedJobs = failedJobs;
    await Promise.all(workers.map((w) => w.close(true).catch(() => undefined)));
    await queue.obliterate({ force: true }).catch(() => undefined);
    await unlinkPrefix(redis, o.prefix);
    await queue.close().catch(() => undefined);
    for (const c of [redis, ...connections]) await c.quit().catch(() => c.disconnect());
  }
  return result;
}

async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? Number.NaN);
}

async function memoryFigures(redis: Redis, prefix: string, n: number, before: number, run: number) {
  const after = await usedMemory(redis);
  const base = `${prefix}:${QueueName.SlaDeadlines}`;
  const step = Math.max(1, Math.floor(n / 200));
  let sum = 0;
  let sampled = 0;
  for (let i = 0; i < n; i += step) {
    const bytes = await redis.call('MEMORY', 'USAGE', `${base}:${deadlineJob(run, i).jobId}`);
    if (typeof bytes === 'number') {
      sum += bytes;
      sampled++;
    }
  }
  const zset = Number(await redis.call('MEMORY', 'USAGE', `${base}:delayed`, 'SAMPLES', '0'));
  const members = await redis.zcard(`${base}:delayed`);
  const events = Number((await redis.call('MEMORY', 'USAGE', `${base}:events`)) ?? 0);
  return {
    usedMemoryBytesPerJob: Math.round((after - before) / n),
    jobHashBytes: sampled ? Math.round(sum / sampled) : 0,
    delayedZsetBytesPerJob: members ? Math.round(zset / members) : 0,
    eventsStreamBytes: events,
  } satisfies MemoryFigures;
}

/** Removes every key under the run's prefix (obliterate leaves the worker's own keys). */
async function unlinkPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  for (let round = 0; round < 100_000; round++) {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.unlink(...keys);
    cursor = next;
    if (cursor === '0') return;
  }
}
