/**
 * Redis memory per pending deadline job, lever by lever: how much each way of storing a BullMQ
 * delayed job costs (docs/performance.md#sla-timers). Adds N delayed
 * jobs due in an hour per variant, divides the `used_memory` growth by N, removes them again.
 * Nothing fires. Use a private Redis (bench/sla-timers-redis.sh), never the shared one:
 *
 *   bash bench/sla-timers-redis.sh start 6399
 *   REDIS_URL=redis://127.0.0.1:6399 node bench/dist/sla-job-memory.js [--jobs 100000] [--only NAME]
 *   bash bench/sla-timers-redis.sh stop 6399
 *
 * Prints one line per variant and appends one JSON line to bench/results/sla-job-memory.jsonl.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type DeadlineJobData, deadlineJobId, QueueName } from '@grid-dispatch/contracts';
import { createQueue } from '@grid-dispatch/queue';
import { createRedisConnection } from '@grid-dispatch/redis';
import { type JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { log, packageVersion, queueLogger } from './sla-timers-common';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};

const OLD_OPTIONS: JobsOptions = {
  removeOnComplete: true,
  removeOnFail: { count: 1000 },
  attempts: 10,
  backoff: { type: 'exponential', delay: 200 },
};
const oldId = (d: DeadlineJobData) =>
  `${d.ticketId}.${d.kind}.${d.seq}.${d.step === 'warning' ? 'w500' : 'due'}`;

interface Variant {
  name: string;
  what: string;
  /** null: the product's queue (createQueue). */
  defaults: JobsOptions | null;
  data: (d: DeadlineJobData) => object;
  id: (d: DeadlineJobData) => string;
}

const VARIANTS: Variant[] = [
  {
    name: 'before',
    what: '46-char id, full data, all options per job',
    defaults: OLD_OPTIONS,
    data: (d) => d,
    id: oldId,
  },
  {
    name: 'no-data',
    what: 'data {}: the deadline is read from the id',
    defaults: OLD_OPTIONS,
    data: () => ({}),
    id: oldId,
  },
  {
    name: 'worker-keep',
    what: '+ removeOnComplete/removeOnFail on the worker',
    defaults: { attempts: 10, backoff: { type: 'exponential', delay: 200 } },
    data: () => ({}),
    id: oldId,
  },
  {
    name: 'short-id',
    what: '+ id <ticket base64url>.<k><seq>.<step>',
    defaults: { attempts: 10, backoff: { type: 'exponential', delay: 200 } },
    data: () => ({}),
    id: deadlineJobId,
  },
  {
    name: 'product',
    what: '+ backoff {type: custom} (the product: createQueue)',
    defaults: null,
    data: () => ({}),
    id: deadlineJobId,
  },
];

async function usedMemory(redis: Redis): Promise<number> {
  return Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1] ?? Number.NaN);
}

async function measure(redis: Redis, v: Variant, jobs: number): Promise<number> {
  const prefix = `m${randomUUID().slice(0, 6)}`;
  const queue =
    v.defaults === null
      ? createQueue(QueueName.SlaDeadlines, { connection: redis, prefix, logger: queueLogger })
      : new Queue(QueueName.SlaDeadlines, { connection: redis, prefix, defaultJobOptions: v.defaults });
  try {
    // One job first, so the queue's fixed keys (meta, events stream, marker) are not counted.
    await queue.add(QueueName.SlaDeadlines, {}, { jobId: 'warm-up', delay: 3_600_000 });
    await new Promise((r) => setTimeout(r, 300));
    const before = await usedMemory(redis);
    for (let from = 0; from < jobs; from += 1000) {
      const batch = [];
      for (let i = from; i < Math.min(jobs, from + 1000); i++) {
        const d: DeadlineJobData = {
          ticketId: randomUUID(),
          kind: 'resolve',
          seq: 1,
          step: 'warning',
          fraction: 0.5,
        };
        batch.push({
          name: QueueName.SlaDeadlines,
          data: v.data(d),
          opts: { jobId: v.id(d), delay: 3_600_000 + i },
        });
      }
      await queue.addBulk(batch as never);
    }
    await new Promise((r) => setTimeout(r, 300));
    return Math.round(((await usedMemory(redis)) - before) / jobs);
  } finally {
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  }
}

async function main(): Promise<void> {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6399';
  if (/:6389\b/.test(url))
    throw new Error('refusing the shared Redis (6389): start a private one, see the header');
  const jobs = Number(arg('jobs') ?? 100_000);
  const only = arg('only');
  const redis = createRedisConnection(url);
  try {
    const config = await redis.config('GET', 'hash-max-listpack-value');
    const results: Record<string, number> = {};
    for (const v of VARIANTS.filter((x) => !only || x.name === only)) {
      results[v.name] = await measure(redis, v, jobs);
      log(`${v.name.padEnd(12)} ${String(results[v.name]).padStart(5)} B/job  ${v.what}`);
    }
    const dir = path.resolve(__dirname, '..', 'results');
    mkdirSync(dir, { recursive: true });
    const line = {
      at: new Date().toISOString(),
      jobs,
      bullmq: packageVersion('bullmq'),
      redis: config,
      results,
    };
    appendFileSync(path.join(dir, 'sla-job-memory.jsonl'), `${JSON.stringify(line)}\n`);
    log('appended to bench/results/sla-job-memory.jsonl');
  } finally {
    await redis.quit();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
