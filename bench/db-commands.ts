/**
 * Database and Redis commands one report costs, counted on the running system: files reports through the
 * gateway one after another (each with a phone number, so the resident SMS at dispatch is sent),
 * waits until each is dispatched, then a few seconds more for the KPI projection and the SMS
 * worker, and counts every command the mongodb driver sends meanwhile, by command and collection.
 * Background work in that window (the KPI refresher, the committee outbox sweep) is counted too,
 * as it would be on a real system. Redis commands are the server's own counts (`INFO
 * commandstats`) over the same window, so run it with nothing else using that Redis.
 *
 *   npx tsc -b && node bench/dist/db-commands.js [--reports 20]
 *
 * Prints the table and appends it to bench/results/db-commands.jsonl.
 */
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import { fileReport, startTestSystem, ticketWhen } from '@grid-dispatch/test';
import { Redis } from 'ioredis';
import type { CommandStartedEvent } from 'mongodb';
import { machineLine, runBenchmark, saveResult } from './results-file';

const SETTLE_MS = 8000;

/** Calls per Redis command since the server started (`cmdstat_set:calls=4,...`). */
async function redisCommandCalls(redis: Redis): Promise<Map<string, number>> {
  const calls = new Map<string, number>();
  for (const line of (await redis.info('commandstats')).split('\n')) {
    const match = /^cmdstat_([^:]+):calls=(\d+)/.exec(line);
    if (match) calls.set(match[1], Number(match[2]));
  }
  return calls;
}

function perReportRows(counts: Map<string, number>, reports: number): [string, number][] {
  return [...counts]
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([key, n]) => [key, Math.round((n / reports) * 100) / 100]);
}

function printRows(title: string, rows: [string, number][]): number {
  const total = Math.round(rows.reduce((sum, [, n]) => sum + n, 0) * 100) / 100;
  process.stdout.write(`\n${title}:\n`);
  for (const [key, n] of rows) process.stdout.write(`${n.toFixed(2).padStart(7)}  ${key}\n`);
  process.stdout.write(`${total.toFixed(2).padStart(7)}  in all\n`);
  return total;
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const report = (i: number) => ({
  category: 'road_collapse',
  description: `a hole in the road outside building ${i}`,
  location: demoGridCentre('taoyuan-g1'),
  contact: { phone: '13800138000' },
});

async function main() {
  const reports = arg('reports', 20);
  // The driver reports commands only when asked to, by the connection string.
  const base = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27027/grid-dispatch';
  process.env.MONGO_URL = `${base}${base.includes('?') ? '&' : '?'}monitorCommands=true`;
  process.stdout.write('starting an isolated system on the real servers…\n');
  const system = await startTestSystem();
  try {
    const counts = new Map<string, number>();
    let counting = false;
    system.platform.db.getClient().on('commandStarted', (event: CommandStartedEvent) => {
      if (!counting) return;
      const collection = event.command[event.commandName];
      const key = `${event.commandName} ${typeof collection === 'string' ? collection : ''}`.trim();
      counts.set(key, (counts.get(key) ?? 0) + 1);
    });
    // Warm the caches (reference data, categories) as a system that has been running has them.
    for (let i = 0; i < 3; i++) {
      const filed = await fileReport(system.url, report(i));
      await ticketWhen(system, filed.ticketId);
    }
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    process.stdout.write(`filing ${reports} reports, each waited for until dispatched…\n`);
    const redis = new Redis(system.config.REDIS_URL);
    // What the system does with nothing to do (workers waiting for jobs, timers), for comparison.
    const idleStart = await redisCommandCalls(redis);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const idleEnd = await redisCommandCalls(redis);
    const redisBefore = await redisCommandCalls(redis);
    const windowStarted = Date.now();
    counting = true;
    const ids: string[] = [];
    for (let i = 0; i < reports; i++) ids.push((await fileReport(system.url, report(100 + i))).ticketId);
    counting = false;
    // The waiting reads the ticket itself: not counted.
    for (const id of ids) await ticketWhen(system, id);
    counting = true;
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    counting = false;
    const redisAfter = await redisCommandCalls(redis);
    const windowSeconds = (Date.now() - windowStarted) / 1000;
    await redis.quit();
    const delta = (after: Map<string, number>, before: Map<string, number>) =>
      // The INFO calls of this count are not the system's.
      new Map([...after].map(([k, n]) => [k, n - (before.get(k) ?? 0) - (k === 'info' ? 1 : 0)]));
    const redisCounts = delta(redisAfter, redisBefore);
    const idleCounts = delta(idleEnd, idleStart);
    const dbRows = perReportRows(counts, reports);
    const redisRows = perReportRows(redisCounts, reports);
    const machine = machineLine();
    const total = printRows(`database commands per report (${reports} reports, ${machine})`, dbRows);
    const redisTotal = printRows('Redis commands per report (the whole server, same window)', redisRows);
    // The idle rate over the counting window, in the same unit (per report).
    const idleScale = windowSeconds / (SETTLE_MS / 1000);
    const idleRows = perReportRows(new Map([...idleCounts].map(([k, n]) => [k, n * idleScale])), reports);
    const redisIdle = printRows('of which an idle system would have sent in as long', idleRows);
    saveResult('db-commands', {
      at: new Date().toISOString(),
      benchmark: 'db-commands',
      machine,
      reports,
      perReport: Object.fromEntries(dbRows),
      total,
      redisPerReport: Object.fromEntries(redisRows),
      redisTotal,
      redisIdle,
      redisIdlePerReport: Object.fromEntries(idleRows),
    });
  } finally {
    await system.destroy();
  }
}

runBenchmark(main);
