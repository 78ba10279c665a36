/**
 * Live fan-out: ONE live service process (services/live/dist/main.js, in its own
 * child process) on the real Kafka, fed ticket updates at a fixed rate straight into its
 * ticket-events topic (envelopes built and checked with @grid-dispatch/contracts), with thousands of
 * dashboard sockets (socket.io-client, websocket transport, one connection each) held by separate
 * generator processes. Measures, per update, deliveries against what the room membership says
 * should arrive; push latency (the message's `at` is the produce time: receive − produce on one
 * machine clock); the live consumer group's lag; CPU and RSS of every process (from /proc).
 *
 *   npx tsc -b && node bench/dist/live-fanout.js [--sockets 5000] [--rate 1000] [--seconds 60]
 *       [--clients 2] [--districts 5] [--tickets 2000] [--connect-in-flight 50] [--quick] [--shared-redis] [--live-nice -10] [--no-kpi]
 *
 * `--quick` = 10 s feed (smoke run). Stops by itself. Isolated like the tests (own topic prefix,
 * consumer groups, queue prefix, database name); removes its topics, Redis keys and database at the
 * end and stops its child processes by PID (Ctrl-C too). Prints a table and appends one JSON line
 * to bench/results/live-fanout.jsonl. Env: BENCH_LIVE_LOG=<file> keeps the live process's log,
 * BENCH_LIVE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/p" passes node flags to it.
 *
 * `--live-nice N` sets the live process's scheduling priority (negative needs root), meant to give it
 * precedence on a machine shared with other work (it did not help here: docs/performance.md).
 *
 * Redis: by default the live process gets a private, throw-away redis-server (same binary and
 * settings as infra) for its socket.io adapter, locks and outbox index, so other systems on the
 * shared server (their load, their restarts) stay out of the figures. `--shared-redis` uses
 * REDIS_URL instead.
 * By default the kpi service (the KPI projection) runs beside live as its own process; `--no-kpi`
 * leaves it out, as a deployment whose projection runs on another machine would.
 *
 * Room layout (a city on one live instance; see docs/performance.md): `--districts` districts of
 * 8 sub-districts of 10 communities of 2 grids; per district 10 district-wide units, per community
 * one property unit. Sockets (staff tokens signed with the deployment's secret, as login does; the
 * live service reads no user for a staff socket, so nothing is seeded): 1 % district secretaries,
 * 4 % sub-district, 16 % community secretaries, 20 % members of district-wide units, 59 % members of
 * property units, round-robin over the rooms of their kind. Each ticket lies in one grid (areaIds
 * grid, community, sub-district, district), is led by its community's property unit or one of its
 * district's units (half each), and 10 % have an assisting unit: an update reaches its unit room(s)
 * and three area rooms, ~32 sockets on average with the defaults.
 */

import { type ChildProcess, fork, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { signStaffToken } from '@grid-dispatch/auth';
import {
  ConsumerGroup,
  CURRENT_SCHEMA_VERSION,
  checkEnvelope,
  type EventEnvelope,
  groupName,
  rooms,
  type TicketSummary,
  Topic,
  topicName,
} from '@grid-dispatch/contracts';
import { connectDatabase, createModels } from '@grid-dispatch/db';
import { createKafkaClient, ensureTopics } from '@grid-dispatch/kafka';
import { createLogger } from '@grid-dispatch/logger';
import { cleanupTestData, testConfig } from '@grid-dispatch/test';
import type { Producer } from 'kafkajs';
import type { FromReceiver, ToReceiver } from './live-fanout-receiver';
import { processTicks, TICKS_PER_S } from './proc-stat';
import { runBenchmark } from './results-file';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const QUICK = process.argv.includes('--quick');
const SOCKETS = arg('sockets', 5000);
const RATE = arg('rate', 1000);
const SECONDS = arg('seconds', QUICK ? 10 : 60);
const CLIENTS = arg('clients', 2);
const DISTRICTS = arg('districts', 5);
const TICKETS = arg('tickets', 2000);
const IN_FLIGHT = arg('connect-in-flight', 50);
const SHARED_REDIS = process.argv.includes('--shared-redis');
/** No kpi service beside live: the KPI projection runs on another machine. */
const NO_KPI = process.argv.includes('--no-kpi');
/** Scheduling priority (nice) for the live process; < 0 needs root. Unset: the default, 0. */
const LIVE_NICE = process.argv.includes('--live-nice') ? arg('live-nice', 0) : null;
const SUBS_PER_DISTRICT = 8;
const COMMUNITIES_PER_SUB = 10;
const UNITS_PER_DISTRICT = 10;

const say = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- room layout and tokens

interface Community {
  district: string;
  sub: string;
  id: string;
  property: string;
}

function cityLayout() {
  const communities: Community[] = [];
  const districtUnits = new Map<string, string[]>();
  for (let d = 1; d <= DISTRICTS; d++) {
    const district = `d${d}`;
    districtUnits.set(
      district,
      Array.from({ length: UNITS_PER_DISTRICT }, (_, u) => `${district}-u${u + 1}`),
    );
    for (let s = 1; s <= SUBS_PER_DISTRICT; s++) {
      const sub = `${district}-s${s}`;
      for (let c = 1; c <= COMMUNITIES_PER_SUB; c++) {
        const id = `${sub}-c${c}`;
        communities.push({ district, sub, id, property: `${id}-prop` });
      }
    }
  }
  const districts = [...districtUnits.keys()];
  const subs = [...new Set(communities.map((c) => c.sub))];
  return { communities, districtUnits, districts, subs };
}

interface Member {
  role: 'unit_member' | 'community_secretary' | 'subdistrict_secretary' | 'district_secretary';
  unitId: string | null;
  areaId: string | null;
  room: string;
}

function members(layout: ReturnType<typeof cityLayout>): Member[] {
  const kinds: { share: number; make: (i: number) => Member }[] = [
    {
      share: 0.01,
      make: (i) => area('district_secretary', layout.districts[i % layout.districts.length]!),
    },
    { share: 0.04, make: (i) => area('subdistrict_secretary', layout.subs[i % layout.subs.length]!) },
    {
      share: 0.16,
      make: (i) => area('community_secretary', layout.communities[i % layout.communities.length]!.id),
    },
    {
      share: 0.2,
      make: (i) => {
        const all = [...layout.districtUnits.values()].flat();
        return unit(all[i % all.length]!);
      },
    },
    {
      share: 0.59,
      make: (i) => unit(layout.communities[i % layout.communities.length]!.property),
    },
  ];
  const out: Member[] = [];
  kinds.forEach((kind, k) => {
    const n = k === kinds.length - 1 ? SOCKETS - out.length : Math.round(kind.share * SOCKETS);
    for (let i = 0; i < n; i++) out.push(kind.make(i));
  });
  return out;
  function area(role: Member['role'], areaId: string): Member {
    return { role, unitId: null, areaId, room: rooms.area(areaId) };
  }
  function unit(unitId: string): Member {
    return { role: 'unit_member', unitId, areaId: null, room: rooms.unit(unitId) };
  }
}

// ---------------------------------------------------------------- tickets and envelopes

interface BenchTicket {
  id: string;
  version: number;
  staffRooms: string[];
  summary: TicketSummary;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
function trackingCode(): string {
  const part = () => Array.from({ length: 4 }, () => CROCKFORD[Math.floor(Math.random() * 32)]).join('');
  return `${part()}-${part()}-${part()}`;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;

function makeTickets(layout: ReturnType<typeof cityLayout>): BenchTicket[] {
  const now = Date.now();
  return Array.from({ length: TICKETS }, (_, i) => {
    const c = pick(layout.communities);
    const units = layout.districtUnits.get(c.district)!;
    const unitId = Math.random() < 0.5 ? c.property : pick(units);
    const assistUnitIds = Math.random() < 0.1 ? [pick(units.filter((u) => u !== unitId))] : [];
    const areaIds = [`${c.id}-g${1 + (i % 2)}`, c.id, c.sub, c.district];
    const staffRooms = [
      ...new Set([rooms.unit(unitId), ...assistUnitIds.map(rooms.unit), ...areaIds.map(rooms.area)]),
    ];
    const startedAt = new Date(now - 60_000).toISOString();
    return {
      id: `bench-${i.toString(36)}-${randomUUID().slice(0, 8)}`,
      version: 2,
      staffRooms,
      summary: {
        trackingCode: trackingCode(),
        status: 'accepted',
        category: pick(['road_collapse', 'water_burst', 'gas_smell', 'power_outage', 'lift_trapped']),
        priority: pick(['P1', 'P2', 'P3', 'P4'] as const),
        unitId,
        assistUnitIds,
        areaIds,
        escalationLevel: 0,
        deadlines: {
          ack: { dueAt: new Date(now + 3_600_000).toISOString(), startedAt, seq: 1 },
          resolve: { dueAt: new Date(now + 86_400_000).toISOString(), startedAt, seq: 1, warned: [] },
        },
        createdAt: startedAt,
      },
    };
  });
}

function envelopeFor(t: BenchTicket): EventEnvelope {
  t.version++;
  const envelope: EventEnvelope<'ticket.progress_reported'> = {
    eventId: randomUUID(),
    type: 'ticket.progress_reported',
    schemaVersion: CURRENT_SCHEMA_VERSION,
    ticketId: t.id,
    ticketVersion: t.version,
    occurredAt: new Date().toISOString(),
    actor: { kind: 'staff', userId: 'bench', role: 'unit_member' },
    payload: { note: 'benchmark progress' },
    ticket: t.summary,
  };
  const check = checkEnvelope(envelope);
  if (!check.ok) throw new Error(`benchmark built an invalid envelope: ${check.reason}`);
  return envelope;
}

// ---------------------------------------------------------------- /proc sampling

function rssMiB(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}
/** Nanoseconds the process's main thread (the event loop) spent runnable but waiting for a core. */
function runDelayNs(pid: number): number | null {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]);
  } catch {
    return null;
  }
}
/** All cores: busy and total ticks, and interrupt time (irq + softirq: loopback TCP is mostly softirq). */
function machineTicks(): { busy: number; total: number; irq: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = line[3]! + line[4]!;
  const total = line.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - idle, total, irq: line[5]! + line[6]! };
}
function serverPid(name: string): number | null {
  try {
    return (
      Number(readFileSync(path.resolve(__dirname, '..', '..', '.run', `${name}.pid`), 'utf8').trim()) || null
    );
  } catch {
    return null;
  }
}

/** CPU % of one core per process over each 1 s window, and RSS, while `recording` is on. */
class Sampler {
  private timer: NodeJS.Timeout;
  private last = new Map<string, { ticks: number; at: number; wait: number }>();
  private lastMachine = machineTicks();
  recording = false;
  readonly cpu = new Map<string, number[]>();
  readonly rss = new Map<string, number>();
  /** % of wall time the event loop thread waited in the run queue (CPU starvation), Node processes. */
  readonly waiting = new Map<string, number[]>();
  latest = new Map<string, number>();
  constructor(
    private readonly pids: Map<string, number>,
    private readonly nodeProcesses: Set<string>,
  ) {
    this.timer = setInterval(() => this.sample(), 1000);
  }
  private sample(): void {
    const now = performance.now();
    for (const [name, pid] of this.pids) {
      const ticks = processTicks(pid);
      const rss = rssMiB(pid);
      if (rss !== null) this.rss.set(name, Math.max(this.rss.get(name) ?? 0, rss));
      const wait = runDelayNs(pid) ?? 0;
      if (ticks === null) continue;
      const prev = this.last.get(name);
      this.last.set(name, { ticks, at: now, wait });
      if (!prev) continue;
      const pct = (((ticks - prev.ticks) / TICKS_PER_S) * 1000 * 100) / (now - prev.at);
      this.latest.set(name, pct);
      if (this.recording) this.cpu.set(name, [...(this.cpu.get(name) ?? []), pct]);
      const waitPct = ((wait - prev.wait) / 1e6 / (now - prev.at)) * 100;
      if (this.recording && this.nodeProcesses.has(name))
        this.waiting.set(name, [...(this.waiting.get(name) ?? []), waitPct]);
    }
    const m = machineTicks();
    const pct =
      (100 * os.cpus().length * (m.busy - this.lastMachine.busy)) / (m.total - this.lastMachine.total);
    const irq =
      (100 * os.cpus().length * (m.irq - this.lastMachine.irq)) / (m.total - this.lastMachine.total);
    this.lastMachine = m;
    this.latest.set('machine', pct);
    if (this.recording) {
      this.cpu.set('machine', [...(this.cpu.get('machine') ?? []), pct]);
      this.cpu.set('interrupts', [...(this.cpu.get('interrupts') ?? []), irq]);
    }
  }
  stop(): void {
    clearInterval(this.timer);
  }
}

// ---------------------------------------------------------------- child processes

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts `services/<name>/dist/main.js` and resolves once it logs `ready`. */
function startService(name: 'live' | 'kpi', ready: string, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const main = path.resolve(__dirname, '..', '..', 'services', name, 'dist', 'main.js');
  // BENCH_LIVE_NODE_ARGS: extra node flags for the live process only (e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`).
  const extra = name === 'live' ? (process.env.BENCH_LIVE_NODE_ARGS ?? '').split(' ').filter(Boolean) : [];
  const child = spawn(process.execPath, [...extra, main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(
      () => reject(new Error(`${name} did not start in 60 s:\n${log.slice(-3000)}`)),
      60_000,
    );
    const onData = (chunk: Buffer) => {
      if (log.length < 100_000) log += chunk.toString();
      if (log.includes(`"${ready}"`)) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        // Keep draining the pipes (a full pipe would block the service), but only keep warnings.
        // With BENCH_LIVE_LOG=<file> live's whole log goes to that file.
        const file = name === 'live' ? process.env.BENCH_LIVE_LOG : undefined;
        if (file) writeFileSync(file, log);
        child.stdout!.on('data', (c: Buffer) => {
          const s = c.toString();
          if (file) appendFileSync(file, s);
          if (/"level":(40|50|60)/.test(s)) process.stderr.write(`[${name}] ${s}`);
        });
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => process.stderr.write(`[${name}] ${c}`));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before it was ready:\n${log.slice(-3000)}`));
    });
  });
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined)
    return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
    }, 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    process.kill(child.pid!, signal);
  });
}

/**
 * A throw-away redis-server with the project's settings (infra/redis/redis.conf.template) on a free
 * loopback port. The socket.io Redis adapter's channels are not prefixed per deployment (they are
 * `socket.io#/#…` on every instance), so on the shared server this run's 2,000 publishes a second
 * would reach every other live instance on the machine, and another system stopping
 * (`io.disconnectSockets(true)` goes through the adapter) would disconnect this run's sockets.
 */
async function startPrivateRedis(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  mkdirSync(dir, { recursive: true });
  const template = readFileSync(
    path.resolve(__dirname, '..', '..', 'infra', 'redis', 'redis.conf.template'),
    'utf8',
  );
  const conf = path.join(dir, 'redis.conf');
  writeFileSync(conf, template.replaceAll('@@PORT@@', String(port)).replaceAll('@@DATA_DIR@@', dir));
  const child = spawn('redis-server', [conf], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.end();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (up) return { child, url: `redis://127.0.0.1:${port}` };
    await sleep(100);
  }
  throw new Error(`private redis-server did not start on port ${port}`);
}

interface Receiver {
  child: ChildProcess;
  progress: Extract<FromReceiver, { type: 'progress' }>;
  connected: Promise<number[]>;
  nextReport: ((r: Extract<FromReceiver, { type: 'report' }>) => void) | null;
}

function startReceiver(): Receiver {
  const child = fork(path.join(__dirname, 'live-fanout-receiver.js'), [], { stdio: 'inherit' });
  const r: Receiver = {
    child,
    progress: { type: 'progress', connected: 0, failed: 0, deliveries: 0, disconnects: 0 },
    connected: Promise.resolve([]),
    nextReport: null,
  };
  r.connected = new Promise((resolve) => {
    child.on('message', (m: FromReceiver) => {
      if (m.type === 'progress') r.progress = m;
      else if (m.type === 'connected') resolve(m.failed);
      else if (m.type === 'report') r.nextReport?.(m);
    });
  });
  return r;
}

const tell = (r: Receiver, m: ToReceiver) => r.child.send(m);
function report(r: Receiver): Promise<Extract<FromReceiver, { type: 'report' }>> {
  return new Promise((resolve) => {
    r.nextReport = resolve;
    tell(r, { type: 'report' });
  });
}

// ---------------------------------------------------------------- the run

const stats = (xs: number[]) => ({
  avg: xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0,
  max: xs.length ? Math.max(...xs) : 0,
});

async function main() {
  // The live service runs as deployed (NODE_ENV=production), which takes only a secret of its own.
  const { config, id } = testConfig({ LOG_LEVEL: 'info', AUTH_SECRET: randomBytes(36).toString('base64') });
  const logger = createLogger({ level: 'warn', name: 'bench' });
  const kafka = createKafkaClient({ brokers: config.KAFKA_BROKERS, clientId: 'bench-live-fanout', logger });
  const children: ChildProcess[] = [];
  let producer: Producer | null = null;
  let sampler: Sampler | null = null;
  let cleaning: Promise<void> | null = null;
  let privateRedis: ChildProcess | null = null;
  const redisDir = path.join(os.tmpdir(), `bench-live-fanout-${id}`);
  const cleanup = () =>
    (cleaning ??= (async () => {
      sampler?.stop();
      await producer?.disconnect().catch(() => undefined);
      await Promise.all(children.map((c) => stopChild(c)));
      await cleanupTestData(config).catch((e) => say(`cleanup failed: ${e}`));
      if (privateRedis) {
        await stopChild(privateRedis);
        rmSync(redisDir, { recursive: true, force: true });
      }
    })());
  let interrupted = false;
  process.once('SIGINT', () => {
    interrupted = true;
    say('interrupted: cleaning up…');
    void cleanup().then(() => process.exit(130));
  });

  try {
    const layout = cityLayout();
    const people = members(layout);
    const tickets = makeTickets(layout);
    say(
      `live fan-out: ${SOCKETS} sockets in ${CLIENTS} generator process(es), ${RATE} updates/s for ${SECONDS} s, ` +
        `${DISTRICTS} district(s) × ${SUBS_PER_DISTRICT} sub-districts × ${COMMUNITIES_PER_SUB} communities, ` +
        `${tickets.length} tickets (run ${id})`,
    );
    await ensureTopics(kafka, config.TOPIC_PREFIX, logger);
    let redisUrl = config.REDIS_URL;
    if (!SHARED_REDIS) {
      const redis = await startPrivateRedis(redisDir);
      privateRedis = redis.child;
      redisUrl = redis.url;
      say(`private redis-server (pid ${redis.child.pid}) at ${redis.url} for the socket.io adapter`);
    }
    const port = await freePort();
    const serviceEnv = {
      ...process.env,
      MONGO_URL: config.MONGO_URL,
      KAFKA_BROKERS: config.KAFKA_BROKERS.join(','),
      REDIS_URL: redisUrl,
      TOPIC_PREFIX: config.TOPIC_PREFIX,
      QUEUE_PREFIX: config.QUEUE_PREFIX,
      AUTH_SECRET: config.AUTH_SECRET,
      LIVE_PORT: String(port),
      LIVE_HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
    };
    const live = await startService('live', 'live listening', serviceEnv);
    children.push(live);
    // The KPI projection is a service of its own; `--no-kpi` leaves it out, as a deployment whose
    // projection runs on another machine would.
    const kpi = NO_KPI ? null : await startService('kpi', 'kpi projecting ticket events', serviceEnv);
    if (kpi) {
      children.push(kpi);
      say(`kpi service started (pid ${kpi.pid})`);
    }
    if (LIVE_NICE !== null) {
      os.setPriority(live.pid!, LIVE_NICE);
      say(`live process nice ${LIVE_NICE}`);
    }
    const url = `http://127.0.0.1:${port}`;
    say(`live service started (pid ${live.pid}) at ${url}`);

    const receivers = Array.from({ length: CLIENTS }, () => startReceiver());
    children.push(...receivers.map((r) => r.child));
    const pids = new Map<string, number>([['live', live.pid!]]);
    if (kpi) pids.set('kpi', kpi.pid!);
    receivers.forEach((r, i) => {
      pids.set(`generator ${i + 1}`, r.child.pid!);
    });
    pids.set('producer (this process)', process.pid);
    const nodeProcesses = new Set(pids.keys());
    for (const name of ['kafka', 'redis', 'mongo']) {
      const pid = serverPid(name);
      if (pid) pids.set(name === 'mongo' ? 'ferretdb' : name === 'redis' ? 'redis (shared)' : name, pid);
    }
    if (privateRedis?.pid) pids.set('redis (private)', privateRedis.pid);
    sampler = new Sampler(pids, nodeProcesses);

    // The staff accounts the sockets speak for: live checks each token's session against them.
    const db = await connectDatabase(config.MONGO_URL, { serverSelectionTimeoutMS: 5000 });
    await createModels(db).users.collection.insertMany(
      people.map((p, i) => ({
        _id: `bench-${i}` as never,
        username: `bench${i}`,
        passwordHash: '-',
        displayName: `bench ${i}`,
        role: p.role,
        unitId: p.unitId,
        areaId: p.areaId,
        active: true,
        sessionVersion: 0,
      })),
    );
    await db.close();
    // Connect gradually, each generator its share (every CLIENTS-th member), with progress.
    const tokens = people.map(
      (p, i) =>
        signStaffToken(
          {
            userId: `bench-${i}`,
            username: `bench${i}`,
            role: p.role,
            unitId: p.unitId,
            areaId: p.areaId,
            sessionVersion: 0,
          },
          config.AUTH_SECRET,
          3600,
        ).token,
    );
    const shares = receivers.map((_, k) => people.map((_, i) => i).filter((i) => i % CLIENTS === k));
    receivers.forEach((r, k) => {
      tell(r, { type: 'connect', url, tokens: shares[k]!.map((i) => tokens[i]!), inFlight: IN_FLIGHT });
    });
    const connectStarted = performance.now();
    let allConnected = false;
    const connectedAll = Promise.all(receivers.map((r) => r.connected)).then((f) => {
      allConnected = true;
      return f;
    });
    while (!allConnected) {
      await Promise.race([connectedAll, sleep(2000)]);
      const n = receivers.reduce((a, r) => a + r.progress.connected, 0);
      const failed = receivers.reduce((a, r) => a + r.progress.failed, 0);
      if (!allConnected)
        say(
          `  connecting: ${n}/${SOCKETS}${failed ? ` (${failed} failed)` : ''}, live RSS ${rssMiB(live.pid!)} MiB`,
        );
    }
    const failedIdx = (await connectedAll).flatMap((f, k) => f.map((j) => shares[k]![j]!));
    const connectSeconds = (performance.now() - connectStarted) / 1000;
    const failed = new Set(failedIdx);
    const roomSize = new Map<string, number>();
    people.forEach((p, i) => {
      if (!failed.has(i)) roomSize.set(p.room, (roomSize.get(p.room) ?? 0) + 1);
    });
    const connectedCount = SOCKETS - failed.size;
    const liveRssConnected = rssMiB(live.pid!);
    say(
      `connected ${connectedCount}/${SOCKETS} sockets in ${connectSeconds.toFixed(1)} s ` +
        `(${roomSize.size} rooms); live RSS ${liveRssConnected} MiB`,
    );
    if (failed.size > 0) say(`  ${failed.size} sockets failed to connect; expected counts leave them out`);
    const fanOutOf = (t: BenchTicket) => t.staffRooms.reduce((a, room) => a + (roomSize.get(room) ?? 0), 0);
    const meanFanOut = tickets.reduce((a, t) => a + fanOutOf(t), 0) / tickets.length;
    say(
      `mean fan-out ${meanFanOut.toFixed(1)} sockets per update → ~${Math.round(meanFanOut * RATE)} pushes/s expected`,
    );

    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    const topic = topicName(config.TOPIC_PREFIX, Topic.TicketEvents);
    let inFlightSends = 0;
    let sendErrors = 0;
    const sendBatch = (batch: EventEnvelope[]) => {
      if (interrupted) return;
      inFlightSends++;
      producer!
        .send({
          topic,
          acks: -1,
          messages: batch.map((e) => ({
            key: e.ticketId,
            value: JSON.stringify(e),
            headers: { 'event-type': e.type, 'event-id': e.eventId },
          })),
        })
        .catch((e) => {
          sendErrors++;
          say(`  send failed: ${e}`);
        })
        .finally(() => inFlightSends--);
    };

    // Warm-up (not measured): two seconds at a tenth of the rate, then drain and reset counters.
    for (let i = 0; i < 20; i++) {
      sendBatch(Array.from({ length: Math.max(1, RATE / 100) }, () => envelopeFor(pick(tickets))));
      await sleep(100);
    }
    await sleep(2000);
    for (const r of receivers) tell(r, { type: 'reset' });
    await sleep(200);

    // The measured feed: every 10 ms, produce what is due so far (rate × elapsed), as one batch.
    const expected = new Map<string, number>();
    let produced = 0;
    say(`feeding ${RATE} updates/s for ${SECONDS} s…`);
    sampler.recording = true;
    const feedStart = performance.now();
    const feedStartEpoch = Date.now();
    // The live consumer group's lag (events produced but not yet handed to fanOut), once a second.
    const admin = kafka.admin();
    await admin.connect();
    const groupId = groupName(config.TOPIC_PREFIX, ConsumerGroup.Live);
    const lags: number[] = [];
    let sampling = true;
    const lagLoop = (async () => {
      while (sampling) {
        try {
          const [ends, committed] = await Promise.all([
            admin.fetchTopicOffsets(topic),
            admin.fetchOffsets({ groupId, topics: [topic] }),
          ]);
          const done = new Map(committed[0]!.partitions.map((p) => [p.partition, Number(p.offset)]));
          lags.push(
            ends.reduce(
              (a, p) => a + Math.max(0, Number(p.offset) - Math.max(0, done.get(p.partition) ?? 0)),
              0,
            ),
          );
        } catch {
          // a missed sample is fine
        }
        await sleep(1000);
      }
    })();
    const liveTicksStart = processTicks(live.pid!) ?? 0;
    const total = RATE * SECONDS;
    let lastSay = feedStart;
    while (produced < total && !interrupted) {
      const due = Math.min(total, Math.floor((RATE * (performance.now() - feedStart)) / 1000));
      if (due > produced) {
        const batch: EventEnvelope[] = [];
        for (; produced < due; produced++) {
          const t = pick(tickets);
          const e = envelopeFor(t);
          expected.set(`${e.ticketId}:${e.ticketVersion}`, fanOutOf(t));
          batch.push(e);
        }
        sendBatch(batch);
      }
      if (performance.now() - lastSay >= 5000) {
        lastSay = performance.now();
        const got = receivers.reduce((a, r) => a + r.progress.deliveries, 0);
        say(
          `  ${((lastSay - feedStart) / 1000).toFixed(0)} s: produced ${produced}, pushes received ${got}, ` +
            `live CPU ${Math.round(sampler.latest.get('live') ?? 0)} %, machine ${Math.round(sampler.latest.get('machine') ?? 0)} % of ${os.cpus().length * 100} %, ` +
            `live RSS ${rssMiB(live.pid!)} MiB`,
        );
      }
      await sleep(10 - ((performance.now() - feedStart) % 10));
    }
    const feedSeconds = (performance.now() - feedStart) / 1000;
    while (inFlightSends > 0) await sleep(10);
    const expectedTotal = [...expected.values()].reduce((a, b) => a + b, 0);

    // Drain: until everything expected arrived, or nothing new for 5 s (at most 60 s).
    say(`produced ${produced} in ${feedSeconds.toFixed(1)} s; waiting for the pushes to drain…`);
    let lastGot = -1;
    let stillSince = performance.now();
    const drainStart = performance.now();
    for (;;) {
      await sleep(1000);
      const got = receivers.reduce((a, r) => a + r.progress.deliveries, 0);
      if (got >= expectedTotal) break;
      if (got !== lastGot) {
        lastGot = got;
        stillSince = performance.now();
      } else if (performance.now() - stillSince > 5000) break;
      if (performance.now() - drainStart > 60_000) break;
      say(`  draining: ${got}/${expectedTotal}`);
    }
    const drainSeconds = (performance.now() - drainStart) / 1000;
    sampler.recording = false;
    const liveCpuSeconds = ((processTicks(live.pid!) ?? 0) - liveTicksStart) / TICKS_PER_S;
    sampling = false;
    await lagLoop;
    await admin.disconnect();

    // Collect and compare.
    const reports = await Promise.all(receivers.map(report));
    const delivered = new Map<string, number>();
    const hist = new Map<number, number>();
    for (const r of reports) {
      for (const [k, n] of r.counts) delivered.set(k, (delivered.get(k) ?? 0) + n);
      for (const [ms, n] of r.histogram) hist.set(ms, (hist.get(ms) ?? 0) + n);
    }
    let deliveredTotal = 0;
    let missing = 0;
    let extra = 0;
    let updatesShort = 0;
    for (const [k, exp] of expected) {
      const got = delivered.get(k) ?? 0;
      deliveredTotal += got;
      if (got < exp) {
        missing += exp - got;
        updatesShort++;
      } else extra += got - exp;
    }
    const stray = [...delivered].filter(([k]) => !expected.has(k)).reduce((a, [, n]) => a + n, 0);
    const seconds = new Map<number, [number, number, number]>();
    for (const r of reports)
      for (const [sec, sum, n, max] of r.timeline) {
        const t = seconds.get(sec) ?? [0, 0, 0];
        seconds.set(sec, [t[0] + sum, t[1] + n, Math.max(t[2], max)]);
      }
    const firstSecond = Math.floor(feedStartEpoch / 1000);
    const latencyBySecond = [...seconds]
      .filter(([sec]) => sec >= firstSecond)
      .sort((a, b) => a[0] - b[0])
      .map(([sec, [sum, n, max]]) => ({ s: sec - firstSecond, meanMs: Math.round(sum / n), maxMs: max }));
    const buckets = [...hist].sort((a, b) => a[0] - b[0]);
    const nLat = buckets.reduce((a, [, n]) => a + n, 0);
    const pct = (p: number) => {
      const rank = Math.ceil((p / 100) * nLat);
      let seen = 0;
      for (const [ms, n] of buckets) {
        seen += n;
        if (seen >= rank) return ms;
      }
      return buckets.at(-1)?.[0] ?? 0;
    };
    const cpu = Object.fromEntries(
      [...sampler.cpu].map(([name, xs]) => [
        name,
        { avgPct: Math.round(stats(xs).avg), maxPct: Math.round(stats(xs).max) },
      ]),
    );
    const sampledAvg = Object.entries(cpu)
      // Interrupt ticks are already charged to whichever process was running (tick accounting).
      .filter(([name]) => name !== 'machine' && name !== 'interrupts')
      .reduce((a, [, c]) => a + c.avgPct, 0);
    const unsampledAvgPct = Math.max(0, (cpu.machine?.avgPct ?? 0) - sampledAvg);
    const rss = Object.fromEntries(sampler.rss);
    const runQueueWait = Object.fromEntries(
      [...sampler.waiting].map(([name, xs]) => [
        name,
        { avgPct: Math.round(stats(xs).avg), maxPct: Math.round(stats(xs).max) },
      ]),
    );
    const result = {
      at: new Date().toISOString(),
      benchmark: 'live-fanout',
      quick: QUICK,
      sockets: SOCKETS,
      connected: connectedCount,
      generators: CLIENTS,
      redis: SHARED_REDIS ? 'shared' : 'private',
      liveNice: LIVE_NICE ?? 0,
      kpiProjection: !NO_KPI,
      liveNodeArgs: process.env.BENCH_LIVE_NODE_ARGS ?? '',
      rate: RATE,
      seconds: SECONDS,
      layout: {
        districts: DISTRICTS,
        subdistricts: DISTRICTS * SUBS_PER_DISTRICT,
        communities: DISTRICTS * SUBS_PER_DISTRICT * COMMUNITIES_PER_SUB,
        units: DISTRICTS * (UNITS_PER_DISTRICT + SUBS_PER_DISTRICT * COMMUNITIES_PER_SUB),
        rooms: roomSize.size,
        tickets: tickets.length,
        meanFanOut: Math.round(meanFanOut * 10) / 10,
      },
      connectSeconds: Math.round(connectSeconds * 10) / 10,
      produced,
      produceRatePerS: Math.round(produced / feedSeconds),
      sendErrors,
      expected: expectedTotal,
      delivered: deliveredTotal,
      missing,
      extra,
      updatesShort,
      strayDeliveries: stray,
      disconnects: reports.reduce((a, r) => a + r.disconnects, 0),
      pushesPerS: Math.round(deliveredTotal / (feedSeconds + drainSeconds)),
      drainSeconds: Math.round(drainSeconds * 10) / 10,
      latencyMs: { p50: pct(50), p90: pct(90), p99: pct(99), max: buckets.at(-1)?.[0] ?? 0 },
      generatorLoopDelayMs: reports.map((r) => ({ p99: r.loopDelayP99Ms, max: r.loopDelayMaxMs })),
      latencyBySecond,
      liveConsumerLag: {
        max: Math.max(0, ...lags),
        mean: Math.round(lags.reduce((a, b) => a + b, 0) / Math.max(1, lags.length)),
      },
      liveCpuSeconds: Math.round(liveCpuSeconds * 10) / 10,
      liveCpuMicrosPerPush: Math.round((liveCpuSeconds * 1e6) / Math.max(1, deliveredTotal)),
      cpu,
      eventLoopRunQueueWait: runQueueWait,
      /** Machine CPU not used by a sampled process: other processes, kernel threads (ksoftirqd…). */
      unsampledCpuAvgPct: unsampledAvgPct,
      rssMiB: { ...rss, liveWhenConnected: liveRssConnected },
      machine: {
        cores: os.cpus().length,
        cpu: os.cpus()[0]?.model ?? '',
        memGiB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100),
      },
    };

    const row = (k: string, v: string) => say(`  ${k.padEnd(34)} ${v}`);
    say('');
    row('sockets connected', `${connectedCount} / ${SOCKETS} in ${result.connectSeconds} s`);
    row('updates produced', `${produced} in ${feedSeconds.toFixed(1)} s (${result.produceRatePerS}/s)`);
    row('mean fan-out per update', `${result.layout.meanFanOut} sockets`);
    row(
      'delivered / expected',
      `${deliveredTotal} / ${expectedTotal} (${((100 * deliveredTotal) / Math.max(1, expectedTotal)).toFixed(3)} %)`,
    );
    row('missing / extra / stray', `${missing} / ${extra} / ${stray} (updates short: ${updatesShort})`);
    row(
      'socket disconnects',
      `${result.disconnects} ${JSON.stringify(reports.map((r) => r.disconnectReasons))}`,
    );
    row('pushes per second (received)', String(result.pushesPerS));
    row(
      'push latency p50 / p90 / p99 / max',
      `${result.latencyMs.p50} / ${result.latencyMs.p90} / ${result.latencyMs.p99} / ${result.latencyMs.max} ms`,
    );
    for (const [name, c] of Object.entries(cpu))
      row(
        `CPU ${name} (avg / max)`,
        `${c.avgPct} / ${c.maxPct} % ${name === 'machine' ? `of ${os.cpus().length * 100} %` : name === 'interrupts' ? 'of one core (irq + softirq ticks, within the figures above)' : 'of one core'}`,
      );
    row('CPU of everything else (avg)', `${unsampledAvgPct} % (processes outside the run, kernel threads)`);
    row(
      'live consumer lag (events) max',
      `${result.liveConsumerLag.max} (mean ${result.liveConsumerLag.mean}; ${lags.length} samples, one a second)`,
    );
    row(
      'live CPU time, feed + drain',
      `${result.liveCpuSeconds} s = ${result.liveCpuMicrosPerPush} µs per push delivered (incl. Kafka, KPI, adapter)`,
    );
    for (const [name, w] of Object.entries(runQueueWait))
      row(`waiting for a core: ${name}`, `${w.avgPct} / ${w.maxPct} % of the time (avg / max)`);
    for (const [name, m] of Object.entries(rss)) row(`RSS ${name} (max)`, `${m} MiB`);
    row(
      'generator event-loop delay p99/max',
      reports.map((r) => `${r.loopDelayP99Ms}/${r.loopDelayMaxMs} ms`).join(', '),
    );
    const step = Math.max(1, Math.round(SECONDS / 12));
    row(
      'mean latency by second of the feed',
      latencyBySecond
        .filter((x) => x.s % step === 0)
        .map((x) => `${x.s}s:${x.meanMs}`)
        .join(' '),
    );
    row(
      'target: nothing lost, p99 ≤ 200 ms',
      missing === 0 && result.latencyMs.p99 <= 200 ? 'met' : 'NOT met',
    );
    say('');
    say(JSON.stringify(result));
    const dir = path.resolve(__dirname, '..', 'results');
    mkdirSync(dir, { recursive: true });
    appendFileSync(path.join(dir, 'live-fanout.jsonl'), `${JSON.stringify(result)}\n`);

    for (const r of receivers) tell(r, { type: 'stop' });
    await sleep(500);
  } finally {
    say('cleaning up (child processes, topics, Redis keys, database)…');
    await cleanup();
  }
}

runBenchmark(main);
