/**
 * SLA timers: how the product's deadline jobs (one BullMQ delayed job per deadline, deterministic
 * job id `<ticket>.<kind><seq>.due` from contracts' deadlineJobId, no payload — the worker reads the
 * deadline from the id —, removeOnComplete on the worker) behave at volume, side by
 * side with Agenda (MongoDB-based scheduler) on the project's MongoDB-protocol server.
 *
 *   node bench/dist/sla-timers.js [--deadlines 100000] [--window-s 60] [--burst 10000] [--million]
 *     [--only bullmq|agenda] [--lead-s S] [--concurrency 32] [--workers 1] [--drain-delay S]
 *     [--batch 1000] [--agenda-budget-s 120] [--agenda-process-every-ms 1000] [--agenda-concurrency 10]
 *     [--agenda-lock-limit 10] [--agenda-serial-lock] [--slim-opts] [--max-minutes 15]
 *
 * Load 1: N deadlines scheduled as fast as possible (addBulk in batches), due spread evenly from
 * +lead to +lead+window after scheduling starts. Load 2: a burst of deadlines all due at the same
 * instant. Lateness = when the handler ran − due time. Every job is counted by its id.
 * Uses its own BullMQ prefix (`b<random>`) and database (`bench-sla-<random>`) and removes them at the end.
 * Prints a table and appends one JSON line to bench/results/sla-timers.jsonl.
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRedisConnection } from '@grid-dispatch/redis';
import { runBenchmark } from './results-file';
import { type AgendaLoadResult, type AgendaResult, runAgenda } from './sla-timers-agenda';
import { type BullmqLoadResult, type BullmqResult, runBullmq } from './sla-timers-bullmq';
import { log } from './sla-timers-common';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}
function num(name: string, fallback: number): number {
  const v = arg(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} expects a number, got ${v}`);
  return n;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const TARGETS = {
  p99At100kMs: 100,
  burstAllFiredWithinMs: 1000,
  redisBytesPerDeadline: 500,
  p99At1MMs: 1000,
};

async function main() {
  const deadlines = flag('million') ? 1_000_000 : Math.round(num('deadlines', 100_000));
  const windowS = num('window-s', 60);
  const burst = Math.round(num('burst', 10_000));
  const only = arg('only');
  if (only && only !== 'bullmq' && only !== 'agenda') throw new Error('--only expects bullmq or agenda');
  // Deadlines 30 s out (the scenario of docs/performance.md#sla-timers), plus room to add the
  // jobs at ≥ 20,000/s so none falls due while adding.
  const leadS = num('lead-s', 30 + Math.ceil(deadlines / 20_000));
  const maxMinutes = num('max-minutes', 15);
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6389';
  const mongoUrl = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27027';
  const runId = `bench-sla-${randomBytes(4).toString('hex')}`;
  const drainDelay = arg('drain-delay');

  // Redis has maxmemory-policy noeviction: refuse a run that could exhaust the machine.
  const needBytes = deadlines * 1000;
  if (needBytes > os.freemem() / 2) {
    throw new Error(
      `${deadlines} deadlines need ~${Math.round(needBytes / 2 ** 20)} MiB of Redis; too little free memory`,
    );
  }

  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? '',
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    freeGiB: Math.round(os.freemem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    redis: await redisVersion(redisUrl),
  };
  log(
    `machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memGiB} GiB, Node ${machine.node}, Redis ${machine.redis}`,
  );
  log(`run ${runId}: ${deadlines} deadlines over ${windowS} s from +${leadS} s, burst ${burst}`);

  const abort = new AbortController();
  const watchdog = setTimeout(
    () => {
      log(`run time limit of ${maxMinutes} min reached: stopping and cleaning up`);
      abort.abort();
    },
    // Leaves two minutes to stop cleanly and remove the run's keys and database.
    maxMinutes * 60_000 - 120_000,
  );
  watchdog.unref();
  process.once('SIGINT', () => abort.abort());

  let bullmq: BullmqResult | undefined;
  let agenda: AgendaResult | undefined;
  if (only !== 'agenda') {
    bullmq = await runBullmq({
      redisUrl,
      // Short, like the product's default QUEUE_PREFIX (`gd`): the prefix is part of every job's key.
      prefix: `b${runId.slice(-6)}`,
      deadlines,
      windowS,
      leadS,
      burst,
      concurrency: num('concurrency', 32),
      workers: num('workers', 1),
      drainDelayS: drainDelay === undefined ? undefined : Number(drainDelay),
      batch: num('batch', 1000),
      slimOpts: flag('slim-opts'),
      signal: abort.signal,
    });
  }
  if (only !== 'bullmq' && !abort.signal.aborted) {
    agenda = await runAgenda({
      mongoUrl,
      dbName: runId,
      deadlines,
      windowS,
      leadS: 30,
      burst,
      budgetS: num('agenda-budget-s', 120),
      // Defaults that keep Agenda's lock lookups from overlapping on FerretDB (see docs/performance.md):
      // a low-lateness setting (100 ms, 32, no lock limit) fires jobs twice there.
      processEveryMs: num('agenda-process-every-ms', 1000),
      concurrency: num('agenda-concurrency', 10),
      lockLimit: num('agenda-lock-limit', 10),
      serialLock: flag('agenda-serial-lock'),
      signal: abort.signal,
    });
  }
  clearTimeout(watchdog);

  const targets = bullmq ? checkTargets(bullmq) : undefined;
  printTable(machine, bullmq, agenda, targets);
  const result = {
    at: new Date().toISOString(),
    benchmark: 'sla-timers',
    args: process.argv.slice(2).join(' '),
    machine,
    bullmq,
    agenda,
    targets,
    aborted: abort.signal.aborted,
  };
  const dir = path.resolve(__dirname, '..', 'results');
  mkdirSync(dir, { recursive: true });
  appendFileSync(path.join(dir, 'sla-timers.jsonl'), `${JSON.stringify(result)}\n`);
  log('appended to bench/results/sla-timers.jsonl');
}

/** Version and the settings that move the figures (timer tick, hash encoding), with the address. */
async function redisVersion(url: string): Promise<string> {
  const redis = createRedisConnection(url, { maxRetriesPerRequest: 1 });
  try {
    const version = /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? '?';
    const settings: string[] = [];
    for (const name of ['hz', 'hash-max-listpack-value']) {
      const reply = (await redis.config('GET', name).catch(() => [])) as string[];
      if (reply[1] !== undefined) settings.push(`${name} ${reply[1]}`);
    }
    return `${version} at ${new URL(url).host} (${settings.join(', ')})`;
  } finally {
    await redis.quit().catch(() => redis.disconnect());
  }
}

function checkTargets(b: BullmqResult) {
  const m = b.main;
  const p99 = m?.latenessMs?.p99;
  const out: Record<string, string> = {};
  if (m && m.deadlines >= 1_000_000) {
    out['1M pending, p99 ≤ 1 s'] = verdict(
      p99 !== undefined && p99 <= TARGETS.p99At1MMs && m.exactlyOnce,
      `p99 ${p99} ms`,
    );
  } else if (m && m.deadlines >= 100_000) {
    out['100k pending, p99 ≤ 100 ms'] = verdict(
      p99 !== undefined && p99 <= TARGETS.p99At100kMs && m.exactlyOnce,
      `p99 ${p99} ms`,
    );
  }
  if (b.burst && b.burst.deadlines >= 10_000) {
    const done = b.burst.lastFiredAfterLastDueMs;
    out['10k due at once, all fired ≤ 1 s'] = verdict(
      done !== null && done <= TARGETS.burstAllFiredWithinMs && b.burst.exactlyOnce,
      `last fired +${done} ms`,
    );
  }
  const bytes = m?.memory?.usedMemoryBytesPerJob;
  if (bytes !== undefined) {
    out['≤ 500 B Redis per pending deadline'] = verdict(bytes <= TARGETS.redisBytesPerDeadline, `${bytes} B`);
  }
  return out;
}

function verdict(ok: boolean, figure: string): string {
  return `${ok ? 'met' : 'MISSED'} (${figure})`;
}

function printTable(
  machine: Record<string, unknown>,
  bullmq: BullmqResult | undefined,
  agenda: AgendaResult | undefined,
  targets: Record<string, string> | undefined,
) {
  const bm = bullmq?.main;
  const bb = bullmq?.burst;
  const am = agenda?.main;
  const ab = agenda?.burst;
  const na = (why = '—') => why;
  const agendaCell = (f: (l: AgendaLoadResult) => string, l: AgendaLoadResult | undefined) =>
    l ? f(l) : agenda ? na(agenda.ok ? '—' : 'cannot run') : 'not run';
  const bullCell = (f: (l: BullmqLoadResult) => string, l: BullmqLoadResult | undefined) =>
    l ? f(l) : bullmq ? '—' : 'not run';
  const lat = (l: { latenessMs: { p50: number; p99: number; max: number } | null }) =>
    l.latenessMs ? `${l.latenessMs.p50} / ${l.latenessMs.p99} / ${l.latenessMs.max}` : 'none fired';
  const scaled = (l: AgendaLoadResult) =>
    l.requested === l.deadlines ? `${l.deadlines}` : `${l.deadlines} (scaled down from ${l.requested})`;
  const once = (l: { exactlyOnce: boolean; firedMoreThanOnce: number; neverFired: number }) =>
    l.exactlyOnce ? 'yes' : `no (${l.firedMoreThanOnce} twice+, ${l.neverFired} never)`;
  const rows: [string, string, string][] = [
    ['deadlines (load 1)', bullCell((l) => `${l.deadlines}`, bm), agendaCell(scaled, am)],
    [
      'scheduling, jobs/s',
      bullCell((l) => `${l.schedule.jobsPerS}`, bm),
      agendaCell((l) => `${l.schedule.jobsPerS} (unique upsert, 4 in flight)`, am),
    ],
    [
      'bytes per pending deadline',
      bullCell(
        (l) =>
          l.memory
            ? `${l.memory.usedMemoryBytesPerJob} Redis RAM (hash ${l.memory.jobHashBytes} + zset ${l.memory.delayedZsetBytesPerJob})`
            : '?',
        bm,
      ),
      agendaCell((l) => `${l.storageBytesPerJob ?? '?'} SQLite disk incl. indexes (doc ${l.avgObjSize})`, am),
    ],
    ['lateness p50 / p99 / max, ms', bullCell(lat, bm), agendaCell(lat, am)],
    ['fired exactly once', bullCell(once, bm), agendaCell(once, am)],
    [
      'burst size (all due at one instant)',
      bullCell((l) => `${l.deadlines}`, bb),
      agendaCell((l) => `${l.deadlines}`, ab),
    ],
    [
      'burst: last fired after due, ms',
      bullCell((l) => `${l.lastFiredAfterLastDueMs}`, bb),
      agendaCell((l) => `${l.lastFiredAfterLastDueMs ?? 'none fired'}`, ab),
    ],
    ['burst lateness p50 / p99 / max, ms', bullCell(lat, bb), agendaCell(lat, ab)],
    ['burst fired exactly once', bullCell(once, bb), agendaCell(once, ab)],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(6, ...rows.map((r) => r[1].length));
  console.log('');
  console.log(`machine: ${JSON.stringify(machine)}`);
  console.log(`${'metric'.padEnd(w0)} | ${'BullMQ'.padEnd(w1)} | Agenda`);
  console.log(`${'-'.repeat(w0)}-|-${'-'.repeat(w1)}-|-${'-'.repeat(20)}`);
  for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)} | ${b.padEnd(w1)} | ${c}`);
  console.log('');
  if (bullmq)
    console.log(`BullMQ settings: ${JSON.stringify(bullmq.config)}; failed jobs: ${bullmq.failedJobs}`);
  if (agenda) {
    console.log(`Agenda settings: ${JSON.stringify(agenda.config)}`);
    if (agenda.calibration) console.log(`Agenda calibration: ${JSON.stringify(agenda.calibration)}`);
    if (agenda.scaledDown) console.log(`Agenda ${agenda.scaledDown}`);
    if (!agenda.ok) console.log(`Agenda could not complete: ${agenda.reason}`);
    if (Object.keys(agenda.commands.errors).length > 0) {
      console.log(`Agenda commands that failed on the server: ${JSON.stringify(agenda.commands.failures)}`);
      console.log(`  first error of each: ${JSON.stringify(agenda.commands.errors)}`);
    }
    console.log(`Agenda commands sent: ${JSON.stringify(agenda.commands.calls)}`);
    console.log(`Agenda commands at once (max): ${JSON.stringify(agenda.commands.maxInFlight)}`);
  }
  if (targets) for (const [k, v] of Object.entries(targets)) console.log(`target ${k}: ${v}`);
}

runBenchmark(main);
