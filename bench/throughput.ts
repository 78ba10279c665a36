/**
 * Throughput of the whole system: the all-in-one (as `npm start` runs it) in a child process on the
 * real servers, fed residents' reports through the gateway; each report is timed from its POST to
 * the lead unit's console hearing `ticket.updated` with status dispatched.
 *
 *   npx tsc -b && node bench/dist/throughput.js [--rates 25,50,100,200,400] [--seconds 30] [--no-store]
 *   node bench/dist/throughput.js --fill 100000
 *   node bench/dist/throughput.js --burst 10000 [--clients 64]
 *
 * Default: the store's own ceiling first (16 clients on a database of its own: inserts, updates and
 * finds of ticket-sized documents), then open-loop steps at rising rates, stopping after the first
 * step that falls behind (accepted/s < 90 % of offered, an accepted report not dispatched within
 * 60 s of the step's last POST, or report→console p99 > 5 s).
 * `--fill N`: submit→console p50/p99 at 20 reports/s for 20 s with 1,000, 10,000 … N tickets stored
 * (closed clones of a real ticket, inserted straight into the system's collection).
 * `--burst N`: N reports posted as fast as `--clients` closed-loop clients can, time until all were
 * dispatched, and the district's KPI count of the day checked against them.
 *
 * Isolated like the tests (own database, topic prefix, consumer groups, queue prefix); stops the
 * child by PID (SIGTERM, SIGKILL after 20 s) and removes its data at the end, Ctrl-C too. Prints
 * the figures and appends one JSON line to bench/results/throughput.jsonl.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadSystemConfig, type SystemConfig } from '@grid-dispatch/all-in-one';
import { DEMO_DISTRICT_ID, demoAreas, demoGridCentre } from '@grid-dispatch/bootstrap';
import { LiveEvent, type TicketUpdatedMessage } from '@grid-dispatch/contracts';
import { reportDay } from '@grid-dispatch/domain';
import { createKafkaClient } from '@grid-dispatch/kafka';
import { createLogger } from '@grid-dispatch/logger';
import { cleanupTestData } from '@grid-dispatch/test';
import { BSON, type Collection, type Document, MongoClient } from 'mongodb';
import { io, type Socket } from 'socket.io-client';
import { machineTicks, processTicks, processTreeTicks, TICKS_PER_S } from './proc-stat';
import { runBenchmark } from './results-file';

// ---------------------------------------------------------------- settings

function numberArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!(value > 0)) throw new Error(`--${name} wants a positive number`);
  return value;
}

function listArg(name: string, fallback: number[]): number[] {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const list = (process.argv[i + 1] ?? '').split(',').map(Number);
  if (!list.length || !list.every((x) => x > 0)) throw new Error(`--${name} wants e.g. 25,50,100`);
  return list;
}

function stringArg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
}

const RATES = listArg('rates', [25, 50, 100, 200, 400]);
const SECONDS = numberArg('seconds', 30);
const FILL = numberArg('fill', 0);
const BURST = numberArg('burst', 0);
const CLIENTS = numberArg('clients', 64);
const NO_STORE = process.argv.includes('--no-store');
const MODE = FILL ? 'fill' : BURST ? 'burst' : 'steps';

/** More unanswered POSTs than this means the system stopped answering: later sends are "not sent". */
const IN_FLIGHT_CAP = 2000;
const REQUEST_TIMEOUT_MS = 30_000;
/** An accepted report must reach the console this long after the step's last POST. */
const DRAIN_MS = 60_000;
const KEEP_UP_ACCEPT_SHARE = 0.9;
const KEEP_UP_P99_MS = 5000;
const PROGRESS_MS = 5000;
const START_TIMEOUT_MS = 180_000;
const STOP_GRACE_MS = 20_000;
const STORE_CLIENTS = 16;
const STORE_SECONDS = 5;
const LIGHT_RATE = 20;
const LIGHT_SECONDS = 20;
const FILL_BATCH = 1000;
const BURST_TARGET_MS = 180_000;
/** A burst's dispatches give up when none arrived for this long (or after BURST_MAX_WAIT_MS). */
const BURST_STALL_MS = 60_000;
const BURST_MAX_WAIT_MS = 15 * 60_000;
const KPI_WAIT_MS = 60_000;
const DEMO_PASSWORD = 'bench-demo-password';
const UNIT_USER = 'municipal.member';
const SECRETARY_USER = 'zhongshan.secretary';
/** road_collapse has one district-wide line in the demo responsibility list: lead unit municipal. */
const CATEGORY = 'road_collapse';

const ROOT = path.resolve(__dirname, '..', '..');
const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const round = (x: number, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;
let interrupted = false;

// ---------------------------------------------------------------- figures

interface Spread {
  n: number;
  p50: number | null;
  p99: number | null;
  max: number | null;
}

function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted.length
      ? Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!)
      : null;
  return {
    n: sorted.length,
    p50: at(50),
    p99: at(99),
    max: sorted.length ? Math.round(sorted.at(-1)!) : null,
  };
}

const ms = (x: number | null) => (x === null ? '–' : `${x}`);

/** Math.max/min without spreading (tens of thousands of arguments would overflow the stack). */
const maxOf = (values: readonly number[], floor: number) => values.reduce((a, b) => Math.max(a, b), floor);
const minOf = (values: readonly number[], ceiling: number) =>
  values.reduce((a, b) => Math.min(a, b), ceiling);

function tally(keys: Iterable<string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
}

// ---------------------------------------------------------------- reports

/** Every demo grid, so the tickets spread over all six communities like a district's would. */
const GRIDS = demoAreas()
  .filter((a) => a.level === 'grid')
  .map((g) => ({ id: g.id, centre: demoGridCentre(g.id), areaIds: areaPath(g.id) }));

function areaPath(id: string): string[] {
  const areas = new Map(demoAreas().map((a) => [a.id, a]));
  const out: string[] = [];
  for (let at = areas.get(id); at; at = at.parentId ? areas.get(at.parentId) : undefined) out.push(at.id);
  return out;
}

const DESCRIPTIONS = [
  '路面塌陷约一米见方，已有车辆绕行',
  '人行道下沉开裂，老人经过容易摔倒',
  '雨后路面出现大坑，夜间没有警示',
  '井盖旁路面塌陷，深约半米',
];

/** A point inside the grid (its centre ±400 m), so the duplicate check sees a real neighbourhood. */
function somewhereIn(grid: (typeof GRIDS)[number]): { lat: number; lng: number } {
  return {
    lat: round(grid.centre.lat + (Math.random() - 0.5) * 0.008, 6),
    lng: round(grid.centre.lng + (Math.random() - 0.5) * 0.01, 6),
  };
}

function reportBody(n: number) {
  return {
    category: CATEGORY,
    description: `${DESCRIPTIONS[n % DESCRIPTIONS.length]}（压测 ${n}）`,
    location: somewhereIn(GRIDS[n % GRIDS.length]!),
  };
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
function trackingCode(): string {
  const raw = Array.from(randomBytes(12), (b) => CROCKFORD[b % 32]).join('');
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

// ---------------------------------------------------------------- HTTP

interface Answer {
  status: number;
  /** The status code, or why there was none (ECONNRESET, TIMEOUT …). */
  outcome: string;
  body: any;
  ms: number;
}

/**
 * node:http with one keep-alive pool for the whole run (undici's Agent is not installed here, and
 * fetch costs the generator more CPU per request). One socket per request in flight, as separate
 * residents would have: queueing in the client would hide the server's own queue.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: IN_FLIGHT_CAP });

function call(
  base: URL,
  method: string,
  route: string,
  options: { body?: unknown; token?: string } = {},
): Promise<Answer> {
  const started = performance.now();
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: http.OutgoingHttpHeaders = {};
  if (payload !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = Buffer.byteLength(payload);
  }
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  return new Promise((resolve) => {
    const done = (status: number, outcome: string, body: unknown) =>
      resolve({ status, outcome, body, ms: performance.now() - started });
    const req = http.request(
      {
        host: base.hostname,
        port: base.port,
        method,
        path: route,
        headers,
        agent,
        timeout: REQUEST_TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e: NodeJS.ErrnoException) => done(0, e.code ?? e.message, null));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : null;
          } catch {
            // not JSON: keep the text
          }
          done(res.statusCode ?? 0, String(res.statusCode), body);
        });
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (e: NodeJS.ErrnoException) => done(0, e.code ?? e.message, null));
    req.end(payload);
  });
}

async function login(base: URL, username: string): Promise<string> {
  const res = await call(base, 'POST', '/api/v1/auth/login', { body: { username, password: DEMO_PASSWORD } });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.outcome} ${JSON.stringify(res.body)}`);
  return res.body.token;
}

// ---------------------------------------------------------------- the system under test

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

/** The same database-name swap as the test support's testConfig. */
const withDatabase = (url: string, name: string) => url.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
const BASE_MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27027/grid-dispatch';

/**
 * The child's output: the all-in-one's start-up lines are shown; log entries (warn and worse, by
 * LOG_LEVEL) are tallied by message and only the first few shown, since an overloaded system can
 * log thousands. A tail is kept for the error when the child dies.
 */
class ChildLog {
  readonly tail: string[] = [];
  readonly entries = new Map<string, number>();
  private shown = 0;
  private partial = '';

  feed(chunk: Buffer): void {
    const lines = (this.partial + chunk.toString()).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) this.line(line);
  }

  private line(line: string): void {
    this.tail.push(line);
    if (this.tail.length > 40) this.tail.shift();
    if (!line.startsWith('{')) {
      say(`[sut] ${line}`);
      return;
    }
    let key = line.slice(0, 120);
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string };
      key = `${entry.level === 40 ? 'warn' : entry.level === 50 ? 'error' : `level ${entry.level}`}: ${entry.msg}`;
    } catch {
      // a partial or foreign line: tallied as it is
    }
    this.entries.set(key, (this.entries.get(key) ?? 0) + 1);
    if (this.shown++ < 10) say(`[sut] ${line.slice(0, 400)}`);
    else if (this.shown === 11) say('[sut] (further log entries only counted: see "system log" at the end)');
  }
}

interface Sut {
  child: ChildProcess;
  base: URL;
  config: SystemConfig;
  log: ChildLog;
}

function spawnSut(id: string, port: number): Sut {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MONGO_URL: withDatabase(BASE_MONGO_URL, `gd_bench_${id}`),
    TOPIC_PREFIX: `bench${id}.`,
    QUEUE_PREFIX: `gd-bench${id}`,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    DEMO_PASSWORD,
    SEED_DEMO: 'true',
  };
  // The internal services of the all-in-one take free ports of their own: only PORT is needed.
  const config = loadSystemConfig(env);
  const main = path.join(ROOT, 'services', 'all-in-one', 'dist', 'main.js');
  // `--profile DIR` writes a V8 CPU profile of the system under test (open it in Chrome's DevTools).
  const profile = stringArg('profile');
  const nodeArgs = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  const child = spawn(process.execPath, [...nodeArgs, main], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = new ChildLog();
  child.stdout!.on('data', (c: Buffer) => log.feed(c));
  child.stderr!.on('data', (c: Buffer) => log.feed(c));
  child.on('error', (e) => say(`[sut] could not start: ${e.message}`));
  return { child, base: new URL(`http://127.0.0.1:${port}`), config, log };
}

const exited = (c: ChildProcess) => c.exitCode !== null || c.signalCode !== null;

/** Healthy (GET /healthz 200) and the demo data loaded (the unit member can log in). */
async function waitReady(sut: Sut): Promise<void> {
  const started = Date.now();
  let lastSay = started;
  for (;;) {
    if (exited(sut.child)) {
      throw new Error(
        `the system exited (${sut.child.exitCode ?? sut.child.signalCode}) while starting:\n${sut.log.tail.join('\n')}`,
      );
    }
    if ((await call(sut.base, 'GET', '/healthz')).status === 200) {
      const res = await call(sut.base, 'POST', '/api/v1/auth/login', {
        body: { username: UNIT_USER, password: DEMO_PASSWORD },
      });
      if (res.status === 200) return;
    }
    if (Date.now() - started > START_TIMEOUT_MS) throw new Error('the system was not ready in 180 s');
    if (Date.now() - lastSay >= PROGRESS_MS) {
      lastSay = Date.now();
      say(`  waiting for /healthz and the demo data (${Math.round((lastSay - started) / 1000)} s)…`);
    }
    await sleep(500);
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (exited(child) || child.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      say(`  the system did not stop in ${STOP_GRACE_MS / 1000} s: SIGKILL`);
      process.kill(child.pid!, 'SIGKILL');
    }, STOP_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    process.kill(child.pid!, 'SIGTERM');
  });
}

/** cleanupTestData removes topics but not consumer groups: this run's (its prefix) go too. */
async function deleteConsumerGroups(config: SystemConfig): Promise<void> {
  const logger = createLogger({ level: 'error', name: 'bench-cleanup' });
  const admin = createKafkaClient({
    brokers: config.KAFKA_BROKERS,
    clientId: 'bench-cleanup',
    logger,
  }).admin();
  await admin.connect();
  try {
    const { groups } = await admin.listGroups();
    const mine = groups.map((g) => g.groupId).filter((g) => g.startsWith(config.TOPIC_PREFIX));
    if (mine.length) await admin.deleteGroups(mine);
  } finally {
    await admin.disconnect();
  }
}

// ---------------------------------------------------------------- the unit's console

interface UnitConsole {
  /** First `dispatched` push per ticket id (performance.now()); a push may beat the POST's answer. */
  arrivals: Map<string, number>;
  disconnects: number;
  close(): void;
}

async function openConsole(base: URL, token: string): Promise<UnitConsole> {
  const socket: Socket = io(base.origin, { auth: { token }, transports: ['websocket'] });
  const unit: UnitConsole = { arrivals: new Map(), disconnects: 0, close: () => socket.disconnect() };
  socket.on(LiveEvent.TicketUpdated, (m: TicketUpdatedMessage) => {
    if (m.status === 'dispatched' && !unit.arrivals.has(m.id)) unit.arrivals.set(m.id, performance.now());
  });
  socket.on('disconnect', (reason) => {
    if (reason !== 'io client disconnect') {
      unit.disconnects++;
      say(`  console socket disconnected (${reason}): pushes may be missed`);
    }
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('console socket: no connection in 10 s')), 10_000);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('connect_error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
  return unit;
}

// ---------------------------------------------------------------- CPU, from /proc

function serverPid(name: string): number | null {
  try {
    return Number(readFileSync(path.join(ROOT, '.run', `${name}.pid`), 'utf8').trim()) || null;
  } catch {
    return null;
  }
}

/** CPU % of one core per process between two snapshots, and of the whole machine (of cores × 100). */
function cpuMeter(sutPid: number) {
  const watched: Array<[string, number | null, boolean]> = [
    ['all-in-one', sutPid, false],
    ['generator', process.pid, false],
    ['ferretdb', serverPid('mongo'), false],
    ['postgres', serverPid('postgres'), true],
    ['kafka', serverPid('kafka'), false],
    ['redis', serverPid('redis'), false],
  ];
  const snapshot = () => ({
    at: performance.now(),
    machine: machineTicks(),
    ticks: watched.map(([, pid, tree]) =>
      pid === null ? null : tree ? processTreeTicks(pid) : processTicks(pid),
    ),
  });
  return () => {
    const start = snapshot();
    return (): Record<string, number> => {
      const end = snapshot();
      const seconds = (end.at - start.at) / 1000;
      const out: Record<string, number> = {};
      watched.forEach(([name], i) => {
        const a = start.ticks[i];
        const b = end.ticks[i];
        if (a != null && b != null) out[name] = Math.round((100 * (b - a)) / TICKS_PER_S / seconds);
      });
      out.machine = Math.round(
        (100 * os.cpus().length * (end.machine.busy - start.machine.busy)) /
          Math.max(1, end.machine.total - start.machine.total),
      );
      // CPU the watched processes do not account for (another build or suite, the kernel): a
      // large figure here means the step did not have the machine to itself.
      const watchedSum = Object.entries(out)
        .filter(([name]) => name !== 'machine')
        .reduce((a, [, pct]) => a + pct, 0);
      out.others = Math.max(0, out.machine - watchedSum);
      return out;
    };
  };
}

// ---------------------------------------------------------------- the store's own ceiling

interface OpRate {
  ops: number;
  perS: number;
  errors: number;
  firstError?: string;
  latencyMs: Spread;
}

/** `clients` loops doing `op` back to back for `seconds`. */
async function closedLoop(clients: number, seconds: number, op: () => Promise<unknown>): Promise<OpRate> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end && !interrupted) {
        const t0 = performance.now();
        try {
          await op();
          latencies.push(performance.now() - t0);
        } catch (e) {
          errors++;
          firstError ??= String(e);
        }
      }
    }),
  );
  const perS = round(latencies.length / ((performance.now() - started) / 1000));
  return {
    ops: latencies.length,
    perS,
    errors,
    ...(firstError && { firstError }),
    latencyMs: spread(latencies),
  };
}

/** A document the size and shape of a dispatched ticket (~3 KB): history of three events, deadlines. */
function storeDoc(n: number): Document {
  const grid = GRIDS[n % GRIDS.length]!;
  const at = new Date();
  const iso = at.toISOString();
  const actor = { kind: 'system', userId: null, role: null };
  const event = (type: string, version: number, payload: Record<string, unknown>) => ({
    eventId: randomUUID(),
    type,
    version,
    at,
    actor,
    payload,
  });
  const deadline = { dueAt: iso, startedAt: iso, seq: 1, warned: [], breached: false, clock: 'calendar' };
  return {
    _id: randomUUID(),
    trackingCode: trackingCode(),
    reporterTokenHash: randomBytes(32).toString('hex'),
    version: 3,
    status: 'dispatched',
    category: CATEGORY,
    priority: 'P1',
    clock: 'calendar',
    description: `${DESCRIPTIONS[n % DESCRIPTIONS.length]!.repeat(6)}（压测 ${n}）`,
    address: '中山区春海街12号附近',
    location: somewhereIn(grid),
    photos: [],
    contact: { name: '王先生', phone: '13800000000' },
    areaIds: grid.areaIds,
    unitId: 'municipal',
    assistUnitIds: ['water'],
    escalationLevel: 0,
    deadlines: { ack: deadline, resolve: deadline },
    pendingRequest: null,
    mergedInto: null,
    clockPauses: [],
    rating: null,
    events: [
      event('ticket.submitted', 1, {
        category: CATEGORY,
        areaIds: grid.areaIds,
        description: 'x'.repeat(300),
      }),
      event('ticket.dispatched', 2, {
        unitId: 'municipal',
        assistUnitIds: ['water'],
        rule: `${CATEGORY}@zhongshan`,
      }),
      event('sla.scheduled', 3, { deadlines: { ack: deadline, resolve: deadline } }),
    ],
    outbox: [],
    outboxPending: false,
    createdAt: at,
    updatedAt: at,
  };
}

interface StoreCeiling {
  docBytes: number;
  tableSize: number;
  insertPerS: OpRate;
  updateByIdPerS: OpRate;
  findByIdPerS: OpRate;
  findByTrackingCodePerS: OpRate;
}

/**
 * What the database alone does for 16 clients, on a collection as large as the steps will leave
 * the system's tickets collection (the inserts, topped up with batches): the ceiling the pipeline's
 * few writes per report are bounded by.
 */
async function storeCeiling(id: string, tableSize: number): Promise<StoreCeiling> {
  const client = new MongoClient(withDatabase(BASE_MONGO_URL, `gd_bench_store_${id}`), {
    maxPoolSize: STORE_CLIENTS,
  });
  await client.connect();
  const db = client.db();
  try {
    const tickets = db.collection('tickets');
    await tickets.createIndex({ trackingCode: 1 }, { unique: true });
    const ids: string[] = [];
    const codes: string[] = [];
    const add = (doc: Document) => {
      ids.push(doc._id);
      codes.push(doc.trackingCode);
      return doc;
    };
    const docBytes = BSON.calculateObjectSize(storeDoc(0));
    say(
      `store ceiling: ${STORE_CLIENTS} clients × ${STORE_SECONDS} s per operation, documents of ${docBytes} bytes`,
    );
    const insertPerS = await closedLoop(STORE_CLIENTS, STORE_SECONDS, () =>
      tickets.insertOne(add(storeDoc(ids.length))),
    );
    say(`  insertOne                ${opLine(insertPerS)}`);
    await topUp(tickets, tableSize, ids.length, (n) => add(storeDoc(n)));
    const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;
    const updateByIdPerS = await closedLoop(STORE_CLIENTS, STORE_SECONDS, () =>
      tickets.updateOne(
        { _id: pick(ids) as any },
        { $set: { status: 'accepted', updatedAt: new Date() }, $inc: { version: 1 } },
      ),
    );
    say(`  updateOne by _id         ${opLine(updateByIdPerS)}`);
    const findByIdPerS = await closedLoop(STORE_CLIENTS, STORE_SECONDS, () =>
      tickets.findOne({ _id: pick(ids) as any }),
    );
    say(`  findOne by _id           ${opLine(findByIdPerS)}`);
    const findByTrackingCodePerS = await closedLoop(STORE_CLIENTS, STORE_SECONDS, () =>
      tickets.findOne({ trackingCode: pick(codes) }),
    );
    say(`  findOne by trackingCode  ${opLine(findByTrackingCodePerS)}`);
    const size = await tickets.estimatedDocumentCount();
    return { docBytes, tableSize: size, insertPerS, updateByIdPerS, findByIdPerS, findByTrackingCodePerS };
  } finally {
    await db.dropDatabase().catch((e) => say(`  could not drop the store database: ${e}`));
    await client.close();
  }
}

const opLine = (r: OpRate) =>
  `${String(r.perS).padStart(6)}/s  (p50 ${ms(r.latencyMs.p50)} ms, p99 ${ms(r.latencyMs.p99)} ms` +
  `${r.errors ? `, ${r.errors} errors, first: ${r.firstError?.slice(0, 160)}` : ''})`;

/** insertMany batches until the collection holds `target` documents, with progress. */
async function topUp(
  tickets: Collection,
  target: number,
  have: number,
  make: (n: number) => Document,
): Promise<void> {
  if (have >= target) return;
  say(`  filling to ${target} documents…`);
  const started = performance.now();
  let lastSay = started;
  for (let n = have; n < target && !interrupted; ) {
    const batch = Array.from({ length: Math.min(FILL_BATCH, target - n) }, (_, i) => make(n + i));
    await tickets.insertMany(batch, { ordered: false });
    n += batch.length;
    if (performance.now() - lastSay >= PROGRESS_MS || n >= target) {
      lastSay = performance.now();
      const perS = Math.round((n - have) / ((lastSay - started) / 1000));
      say(`    ${n}/${target} (${perS} documents/s)`);
    }
  }
}

// ---------------------------------------------------------------- open-loop steps

interface Sent {
  t0: number;
  status?: number;
  outcome?: string;
  postMs?: number;
  answeredAt?: number;
  id?: string;
}

interface StepResult {
  label: string;
  offeredPerS: number;
  seconds: number;
  sent: number;
  notSent: number;
  accepted: number;
  acceptedPerS: number;
  otherStatuses: Record<string, number>;
  postMs: Spread;
  consoleMs: Spread;
  dispatched: number;
  /** From the step's last POST to the last dispatch push; null when not all were dispatched. */
  drainMs: number | null;
  keptUp: boolean;
  why: string[];
  cpuPct: Record<string, number>;
}

interface Run {
  sut: Sut;
  unit: UnitConsole;
  meter: ReturnType<typeof cpuMeter>;
  /** Report number across the run: descriptions and grids keep varying from step to step. */
  next: number;
  /** Reports answered 201 in the whole run, warm-up included: what the KPI projection counts. */
  filed: number;
}

/** Files the run's next report; its answer goes into `record` (never rejects: `call` does not). */
async function postReport(run: Run, record: Sent): Promise<void> {
  const a = await call(run.sut.base, 'POST', '/api/v1/reports', { body: reportBody(run.next++) });
  Object.assign(record, {
    status: a.status,
    outcome: a.outcome,
    postMs: a.ms,
    answeredAt: performance.now(),
  });
  if (a.status === 201) {
    record.id = a.body?.ticketId;
    run.filed++;
  }
}

/**
 * Sends `rate` reports a second for `seconds`, scheduled by the clock whatever the answers
 * (open loop: a slow system meets the load it would meet, instead of slowing the senders),
 * then waits up to DRAIN_MS after the last POST for every accepted report to be dispatched.
 */
async function openLoop(run: Run, rate: number, seconds: number, label: string): Promise<StepResult> {
  const total = Math.round(rate * seconds);
  const sent: Sent[] = [];
  let inFlight = 0;
  let notSent = 0;
  const issue = () => {
    if (inFlight >= IN_FLIGHT_CAP) {
      notSent++;
      return;
    }
    const record: Sent = { t0: performance.now() };
    sent.push(record);
    inFlight++;
    void postReport(run, record).then(() => inFlight--);
  };
  const accepted = () => sent.filter((s) => s.id !== undefined);
  const dispatchedCount = () => accepted().filter((s) => run.unit.arrivals.has(s.id!)).length;
  const progress = (since: number, what: string) =>
    say(
      `  [${label}] ${Math.round((performance.now() - since) / 1000)} s ${what}: sent ${sent.length}, ` +
        `in flight ${inFlight}, accepted ${accepted().length}, dispatched ${dispatchedCount()}` +
        `${notSent ? `, not sent ${notSent}` : ''}`,
    );

  const cpu = run.meter();
  const start = performance.now();
  let issued = 0;
  let nextSay = start + PROGRESS_MS;
  while (issued < total && !interrupted) {
    const due = Math.min(total, Math.floor((rate * (performance.now() - start)) / 1000) + 1);
    for (; issued < due; issued++) issue();
    if (performance.now() >= nextSay) {
      nextSay += PROGRESS_MS;
      progress(start, 'sending');
    }
    await sleep(Math.max(0, start + (issued * 1000) / rate - performance.now()));
  }
  const lastPostAt = sent.at(-1)?.t0 ?? start;
  const cpuPct = cpu();

  const drainEnd = lastPostAt + DRAIN_MS;
  nextSay = performance.now() + PROGRESS_MS;
  while (
    !interrupted &&
    performance.now() < drainEnd &&
    (inFlight > 0 || dispatchedCount() < accepted().length)
  ) {
    if (performance.now() >= nextSay) {
      nextSay += PROGRESS_MS;
      progress(lastPostAt, 'after the last POST');
    }
    await sleep(100);
  }
  return stepResult(run, { label, rate, seconds, start, lastPostAt, sent, notSent, cpuPct });
}

function stepResult(
  run: Run,
  s: {
    label: string;
    rate: number;
    seconds: number;
    start: number;
    lastPostAt: number;
    sent: Sent[];
    notSent: number;
    cpuPct: Record<string, number>;
  },
): StepResult {
  const accepted = s.sent.filter((x) => x.id !== undefined);
  const arrivedAt = (x: Sent) => run.unit.arrivals.get(x.id!);
  const dispatched = accepted.filter((x) => arrivedAt(x) !== undefined);
  const consoleMs = spread(dispatched.map((x) => arrivedAt(x)! - x.t0));
  // Accepted per second over the span of their answers (plus one send interval: n answers span
  // n − 1): a system that queues requests answers late, which stretches the span, so it cannot
  // pass by answering eventually.
  const answers = accepted.map((x) => x.answeredAt!);
  const answerSpan = maxOf(answers, 0) - minOf(answers, Number.POSITIVE_INFINITY) + 1000 / s.rate;
  const acceptedPerS = round(accepted.length / Math.max(s.seconds, answerSpan / 1000), 1);
  const allDispatched = dispatched.length === accepted.length;
  const lastPush = maxOf(
    dispatched.map((x) => arrivedAt(x)!),
    s.lastPostAt,
  );
  const why: string[] = interrupted ? ['interrupted'] : [];
  if (acceptedPerS < KEEP_UP_ACCEPT_SHARE * s.rate)
    why.push(`accepted ${acceptedPerS}/s < 90 % of ${s.rate}/s`);
  if (!allDispatched)
    why.push(`${accepted.length - dispatched.length} accepted not dispatched within ${DRAIN_MS / 1000} s`);
  if ((consoleMs.p99 ?? 0) > KEEP_UP_P99_MS) why.push(`report→console p99 ${consoleMs.p99} ms > 5 s`);
  return {
    label: s.label,
    offeredPerS: s.rate,
    seconds: s.seconds,
    sent: s.sent.length,
    notSent: s.notSent,
    accepted: accepted.length,
    acceptedPerS,
    otherStatuses: tally(s.sent.filter((x) => x.status !== 201).map((x) => x.outcome ?? 'unanswered')),
    postMs: spread(s.sent.filter((x) => x.postMs !== undefined).map((x) => x.postMs!)),
    consoleMs,
    dispatched: dispatched.length,
    drainMs: allDispatched ? Math.round(lastPush - s.lastPostAt) : null,
    keptUp: why.length === 0,
    why,
    cpuPct: s.cpuPct,
  };
}

function printStep(r: StepResult): void {
  const others = Object.entries(r.otherStatuses).map(([k, n]) => `${k}×${n}`);
  say(
    `  ${r.label}: offered ${r.offeredPerS}/s for ${r.seconds} s, sent ${r.sent}` +
      `${r.notSent ? ` (not sent ${r.notSent})` : ''}, accepted ${r.accepted} = ${r.acceptedPerS}/s` +
      `${others.length ? `, other ${others.join(' ')}` : ''}`,
  );
  say(
    `    POST p50/p99 ${ms(r.postMs.p50)}/${ms(r.postMs.p99)} ms; report→console p50/p99/max ` +
      `${ms(r.consoleMs.p50)}/${ms(r.consoleMs.p99)}/${ms(r.consoleMs.max)} ms; dispatched ${r.dispatched}/${r.accepted}; ` +
      `drain ${r.drainMs === null ? `> ${DRAIN_MS / 1000} s` : `${r.drainMs} ms`}`,
  );
  say(
    `    CPU % of one core while sending: ${Object.entries(r.cpuPct)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  say(`    ${r.keptUp ? 'kept up' : `FELL BEHIND: ${r.why.join('; ')}`}`);
}

/** Not measured: connections, JIT, consumer fetch loops and the first Kafka round trips. */
async function warmUp(run: Run): Promise<void> {
  say('warm-up: 20 reports at 10/s (not counted)');
  const r = await openLoop(run, 10, 2, 'warm-up');
  if (r.dispatched < r.accepted || r.accepted === 0) {
    throw new Error(
      `warm-up: ${r.accepted}/${r.sent} accepted, ${r.dispatched} dispatched: ${JSON.stringify(r)}`,
    );
  }
}

// ---------------------------------------------------------------- the three modes

async function risingSteps(run: Run) {
  const steps: StepResult[] = [];
  for (const rate of RATES) {
    say(`step ${rate}/s for ${SECONDS} s…`);
    const step = await openLoop(run, rate, SECONDS, `${rate}/s`);
    printStep(step);
    steps.push(step);
    if (!step.keptUp || interrupted) break;
  }
  return steps;
}

async function fillLevels(run: Run) {
  const client = new MongoClient(run.sut.config.MONGO_URL, { maxPoolSize: 4 });
  await client.connect();
  try {
    const tickets = client.db().collection('tickets');
    // Real shape: the warm-up's first dispatched ticket, cloned as a closed one.
    const [someId] = run.unit.arrivals.keys();
    const template = await tickets.findOne({ _id: someId as any });
    if (!template) throw new Error(`ticket ${someId} not found in ${run.sut.config.MONGO_URL}`);
    const templateBytes = BSON.calculateObjectSize(template);
    say(`fill: closed clones of ticket ${someId} (${templateBytes} bytes as stored)`);
    const levels = [...[1000, 10_000, 100_000].filter((l) => l < FILL), FILL];
    const results = [];
    for (const level of levels) {
      if (interrupted) break;
      const have = await tickets.countDocuments();
      await topUp(tickets, level, have, () => closedClone(template));
      const vacuumMs = vacuumAfterFill();
      const stored = await tickets.countDocuments();
      say(`${stored} tickets stored: ${LIGHT_RATE} reports/s for ${LIGHT_SECONDS} s…`);
      const step = await openLoop(run, LIGHT_RATE, LIGHT_SECONDS, `${level} tickets`);
      printStep(step);
      results.push({ level, stored, vacuumMs, step });
    }
    const first = results[0]?.step.consoleMs.p99;
    const last = results.at(-1)?.step.consoleMs.p99;
    const p99Ratio = first && last ? round(last / first, 2) : null;
    return { templateBytes, levels: results, p99Ratio };
  } finally {
    await client.close();
  }
}

/**
 * A bulk load leaves PostgreSQL work to do: autovacuum and analyze of the filled table start
 * within a minute and took a third of a core from a step measured after 100,000 tickets. A
 * district's tickets accumulate over months, with that work spread thin, so the bench does it
 * before measuring (only when the store runs on this checkout's PostgreSQL).
 */
function vacuumAfterFill(): number | null {
  if (serverPid('postgres') === null) return null;
  const url = process.env.POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:27029/ferretdb';
  say('  vacuum and analyze after the fill (as autovacuum would have over months)…');
  const start = performance.now();
  execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', url, '-c', 'VACUUM (ANALYZE)'], {
    stdio: 'inherit',
  });
  return Math.round(performance.now() - start);
}

function closedClone(template: Document): Document {
  const grid = GRIDS[Math.floor(Math.random() * GRIDS.length)]!;
  // Spread over the past year, as a district's closed tickets would be.
  const at = new Date(Date.now() - Math.random() * 365 * 86_400_000);
  return {
    ...template,
    _id: randomUUID(),
    trackingCode: trackingCode(),
    status: 'closed',
    location: somewhereIn(grid),
    areaIds: grid.areaIds,
    outbox: [],
    outboxPending: false,
    createdAt: at,
    updatedAt: at,
  };
}

async function burst(run: Run) {
  const secretary = await login(run.sut.base, SECRETARY_USER);
  const firstDay = reportDay(new Date().toISOString());
  const sent: Sent[] = [];
  let next = 0;
  say(`burst: ${BURST} reports from ${CLIENTS} closed-loop clients…`);
  const start = performance.now();
  const dispatchedOf = () => sent.filter((s) => s.id !== undefined && run.unit.arrivals.has(s.id)).length;
  const accepted = () => sent.filter((s) => s.id !== undefined);
  const ticker = setInterval(() => {
    const t = Math.round((performance.now() - start) / 1000);
    say(
      `  ${t} s: answered ${sent.filter((s) => s.status !== undefined).length}/${BURST}, accepted ${accepted().length}, dispatched ${dispatchedOf()}`,
    );
  }, PROGRESS_MS);
  try {
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < BURST && !interrupted) {
          const record: Sent = { t0: performance.now() };
          sent.push(record);
          next++;
          await postReport(run, record);
        }
      }),
    );
    const postSeconds = (performance.now() - start) / 1000;
    const ok = accepted();
    let lastCount = -1;
    let stillSince = performance.now();
    while (!interrupted && dispatchedOf() < ok.length && performance.now() - start < BURST_MAX_WAIT_MS) {
      const n = dispatchedOf();
      if (n !== lastCount) [lastCount, stillSince] = [n, performance.now()];
      else if (performance.now() - stillSince > BURST_STALL_MS) break;
      await sleep(200);
    }
    clearInterval(ticker);
    const arrivals = ok.map((s) => run.unit.arrivals.get(s.id!)).filter((t) => t !== undefined);
    const allDispatched = arrivals.length === ok.length;
    const allDispatchedMs = allDispatched ? Math.round(maxOf(arrivals, start) - start) : null;
    const kpi = await kpiDispatched(run.sut.base, secretary, firstDay, run.filed);
    return {
      reports: BURST,
      clients: CLIENTS,
      accepted: ok.length,
      otherStatuses: tally(sent.filter((s) => s.status !== 201).map((s) => s.outcome ?? 'unanswered')),
      postSeconds: round(postSeconds, 1),
      postsPerS: round(sent.length / postSeconds, 1),
      postMs: spread(sent.filter((s) => s.postMs !== undefined).map((s) => s.postMs!)),
      consoleMs: spread(
        ok.filter((s) => run.unit.arrivals.has(s.id!)).map((s) => run.unit.arrivals.get(s.id!)! - s.t0),
      ),
      dispatched: arrivals.length,
      allDispatchedMs,
      targetMet: allDispatchedMs !== null && allDispatchedMs <= BURST_TARGET_MS,
      kpi,
    };
  } finally {
    clearInterval(ticker);
  }
}

/** The district's dispatch count for the run's day(s), polled until it reaches `expected` or 60 s. */
async function kpiDispatched(base: URL, token: string, from: string, expected: number) {
  const started = performance.now();
  let lastSay = started;
  let count: number | null = null;
  let outcome = '';
  while (performance.now() - started < KPI_WAIT_MS && !interrupted) {
    const to = reportDay(new Date().toISOString());
    const res = await call(base, 'GET', `/api/v1/kpis?areaId=${DEMO_DISTRICT_ID}&from=${from}&to=${to}`, {
      token,
    });
    outcome = res.outcome;
    count = res.status === 200 ? res.body.counts.dispatched : null;
    if (count === expected) break;
    if (performance.now() - lastSay >= PROGRESS_MS) {
      lastSay = performance.now();
      say(`  KPI dispatched count ${count ?? `(${outcome})`}, expecting ${expected}…`);
    }
    await sleep(1000);
  }
  return {
    dispatched: count,
    expected,
    matched: count === expected,
    waitedMs: Math.round(performance.now() - started),
  };
}

// ---------------------------------------------------------------- the run

function machine() {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  };
  return {
    commit: git('rev-parse', '--short', 'HEAD'),
    // Another change may be in the tree: the commit alone would not say what ran.
    uncommittedChanges: git('status', '--porcelain', '--untracked-files=no') !== '',
    machine: {
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? '',
      memGiB: round(os.totalmem() / 2 ** 30, 1),
      node: process.version,
      // A busy machine (a build, another suite) shows here before it shows in the figures.
      loadavgAtStart: os.loadavg().map((x) => round(x, 2)),
    },
  };
}

/** Tickets the steps will leave at most: the store ceiling is measured on a table that large. */
const plannedTickets = () => 20 + RATES.reduce((a, rate) => a + Math.round(rate * SECONDS), 0);

async function main() {
  const id = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const result: Record<string, any> = { at: new Date().toISOString(), benchmark: 'throughput', mode: MODE };
  Object.assign(result, machine());
  say(
    `throughput (${MODE}), run ${id}, ${os.cpus().length} cores, node ${process.version}, ` +
      `load average ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
  );

  let sut: Sut | null = null;
  let cleaning: Promise<void> | null = null;
  const cleanup = () =>
    (cleaning ??= (async () => {
      if (!sut) return;
      say(
        `stopping the system (pid ${sut.child.pid}); removing its database, topics, groups and queue keys…`,
      );
      await stopChild(sut.child);
      await cleanupTestData(sut.config).catch((e) => say(`cleanup failed: ${e}`));
      await deleteConsumerGroups(sut.config).catch((e) => say(`could not delete consumer groups: ${e}`));
    })());
  process.once('SIGINT', () => {
    interrupted = true;
    say('interrupted: cleaning up…');
    // Without a system yet, the store phase stops at its next operation and drops its database.
    if (sut) void cleanup().then(() => process.exit(130));
  });

  if (MODE === 'steps' && !NO_STORE) result.store = await storeCeiling(id, plannedTickets());
  if (interrupted) throw new Error('interrupted');

  let unit: UnitConsole | null = null;
  try {
    sut = spawnSut(id, await freePort());
    say(`starting the system under test (pid ${sut.child.pid}) at ${sut.base.origin}…`);
    await waitReady(sut);
    unit = await openConsole(sut.base, await login(sut.base, UNIT_USER));
    const run: Run = { sut, unit, meter: cpuMeter(sut.child.pid!), next: 0, filed: 0 };
    await warmUp(run);
    if (MODE === 'steps') {
      result.steps = await risingSteps(run);
      Object.assign(result, sustainedFigures(result.steps, result.store));
    } else if (MODE === 'fill') result.fill = await fillLevels(run);
    else result.burst = await burst(run);
    result.consoleDisconnects = unit.disconnects;
    result.systemLog = Object.fromEntries([...sut.log.entries].sort((a, b) => b[1] - a[1]).slice(0, 10));
  } finally {
    unit?.close();
    agent.destroy();
    await cleanup();
  }
  summarise(result);
  const dir = path.join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  appendFileSync(path.join(dir, 'throughput.jsonl'), `${JSON.stringify(result)}\n`);
  say('appended to bench/results/throughput.jsonl');
}

/** The best rate a step kept up with, and how it compares with what the store alone does. */
function sustainedFigures(steps: StepResult[], store: StoreCeiling | undefined) {
  const kept = steps.filter((s) => s.keptUp).map((s) => s.acceptedPerS);
  const sustained = kept.length ? maxOf(kept, 0) : null;
  return {
    sustainedReportsPerS: sustained,
    sustainedToStore:
      store && sustained !== null
        ? {
            updates: round(sustained / store.updateByIdPerS.perS, 3),
            inserts: round(sustained / store.insertPerS.perS, 3),
          }
        : null,
  };
}

function summarise(result: Record<string, any>): void {
  say('');
  say(`commit ${result.commit}${result.uncommittedChanges ? ' (+ uncommitted changes)' : ''}`);
  if (result.steps) {
    say(
      `steps: ${(result.steps as StepResult[]).map((s) => `${s.label} ${s.keptUp ? 'kept up' : 'fell behind'}`).join(', ')}`,
    );
    say(`best sustained: ${result.sustainedReportsPerS ?? '–'} reports/s`);
    const store = result.store as StoreCeiling | undefined;
    if (store) {
      say(
        `store ceiling: ${store.insertPerS.perS} inserts/s, ${store.updateByIdPerS.perS} updates/s, ` +
          `${store.findByIdPerS.perS} finds by _id/s, ${store.findByTrackingCodePerS.perS} finds by trackingCode/s ` +
          `(${store.tableSize} documents)`,
      );
      const ratio = result.sustainedToStore;
      if (ratio)
        say(`sustained ÷ store: ${ratio.updates} of the update rate, ${ratio.inserts} of the insert rate`);
    }
  }
  if (result.fill) {
    for (const l of result.fill.levels)
      say(
        `  ${String(l.stored).padStart(7)} tickets: report→console p50 ${ms(l.step.consoleMs.p50)} ms, p99 ${ms(l.step.consoleMs.p99)} ms`,
      );
    say(`p99 at the largest ÷ p99 at the smallest level: ${result.fill.p99Ratio ?? '–'} (target ≤ 1.5)`);
  }
  if (result.burst) {
    const b = result.burst;
    say(
      `burst: ${b.accepted}/${b.reports} answered 201 in ${b.postSeconds} s (${b.postsPerS} POST/s, p50/p99 ` +
        `${ms(b.postMs.p50)}/${ms(b.postMs.p99)} ms)${Object.keys(b.otherStatuses).length ? `, other ${JSON.stringify(b.otherStatuses)}` : ''}`,
    );
    say(
      `  all dispatched after ${b.allDispatchedMs === null ? `– (${b.dispatched}/${b.accepted})` : `${round(b.allDispatchedMs / 1000, 1)} s`} ` +
        `(target 180 s: ${b.targetMet ? 'met' : 'NOT met'}); report→console p50/p99 ${ms(b.consoleMs.p50)}/${ms(b.consoleMs.p99)} ms`,
    );
    say(
      `  KPI dispatched today ${b.kpi.dispatched}, reports filed ${b.kpi.expected} (burst + warm-up): ` +
        `${b.kpi.matched ? 'matches' : 'DOES NOT match'}`,
    );
  }
  const log = Object.entries(result.systemLog ?? {});
  if (log.length) say(`system log: ${log.map(([k, n]) => `${n}× ${k}`).join('; ')}`);
  say(JSON.stringify(result));
}

runBenchmark(main);
