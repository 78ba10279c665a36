import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { ConsumerGroup } from '@grid-dispatch/contracts';
import { freePort, REPO_ROOT } from './own-servers';
import { isRunning, killHard, spawnLogged, stopGently } from './processes';

export const SERVICES = ['gateway', 'intake', 'dispatcher', 'sla', 'live', 'kpi', 'workflow'] as const;
export type ServiceName = (typeof SERVICES)[number];

/** The services that consume the events topic, and their consumer groups (sla runs three). */
export const CONSUMER_GROUPS = {
  dispatcher: [ConsumerGroup.Dispatcher],
  sla: [ConsumerGroup.Sla, ConsumerGroup.Webhooks, ConsumerGroup.Sms],
  live: [ConsumerGroup.Live],
  kpi: [ConsumerGroup.Kpi],
} as const satisfies Partial<Record<ServiceName, readonly ConsumerGroup[]>>;
export type ConsumerService = keyof typeof CONSUMER_GROUPS;

/** Where the fleet's servers are, and what sets its data apart from other systems on them. */
export interface FleetServers {
  kafkaBrokers: string;
  mongoUrl: string;
  redisUrl: string;
  topicPrefix: string;
  queuePrefix: string;
  adminPassword: string;
  demoPassword: string;
  logLevel: string;
}

/**
 * The environment every service of a fleet reads (each picks what its config.ts knows), with
 * free ports for the four that listen, a random signing secret and the demo district seeded;
 * and the gateway's address, the fleet's front door.
 */
export async function fleetEnvironment(
  servers: FleetServers,
): Promise<{ env: Record<string, string>; gatewayUrl: string }> {
  const ports = new Set<number>();
  while (ports.size < 4) ports.add(await freePort());
  const [gateway, intake, workflow, live] = [...ports];
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    NODE_ENV: 'test',
    LOG_LEVEL: servers.logLevel,
    KAFKA_BROKERS: servers.kafkaBrokers,
    MONGO_URL: servers.mongoUrl,
    REDIS_URL: servers.redisUrl,
    TOPIC_PREFIX: servers.topicPrefix,
    QUEUE_PREFIX: servers.queuePrefix,
    AUTH_SECRET: randomBytes(36).toString('base64'),
    SEED_DEMO: 'true',
    ADMIN_PASSWORD: servers.adminPassword,
    DEMO_PASSWORD: servers.demoPassword,
    PORT: String(gateway),
    INTAKE_PORT: String(intake),
    WORKFLOW_PORT: String(workflow),
    LIVE_PORT: String(live),
    INTAKE_URL: `http://127.0.0.1:${intake}`,
    WORKFLOW_URL: `http://127.0.0.1:${workflow}`,
    LIVE_URL: `http://127.0.0.1:${live}`,
  };
  return { env, gatewayUrl: `http://127.0.0.1:${gateway}` };
}

/** The line each service logs (pino, `msg`) once it serves: listening, or consuming after joining its groups. */
const READY_MESSAGE: Record<ServiceName, string> = {
  gateway: 'gateway listening',
  intake: 'intake listening',
  workflow: 'workflow listening',
  live: 'live listening',
  dispatcher: 'dispatcher consuming ticket events',
  sla: 'sla consuming ticket events and firing deadlines',
  kpi: 'kpi projecting ticket events',
};

interface Running {
  child: ChildProcess;
  startedAt: number;
  /** When the service logged its ready line; resolves with the time, or null if it exited first. */
  ready: Promise<number | null>;
  readyAt: number | null;
  killed: boolean;
}

export interface FleetEvent {
  service: ServiceName;
  kind: 'killed' | 'started' | 'ready' | 'exited on its own';
  at: number;
  detail?: string;
}

/**
 * The seven services as separate Node processes (`node services/<name>/dist/main.js`), each with the
 * environment its config.ts reads. Like a supervisor (Kubernetes), the fleet starts a service
 * again when it exits on its own, with a growing pause; `kill()` is a kill -9 the test restarts
 * itself.
 */
export class Fleet {
  private readonly running = new Map<ServiceName, Running>();
  readonly events: FleetEvent[] = [];
  private stopping = false;
  /** The supervisor's next wait before restarting a service that exited on its own. */
  private readonly backoff = new Map<ServiceName, number>();

  constructor(
    private readonly env: Record<string, string>,
    private readonly logDir: string,
  ) {}

  /** Provisions topics, indexes, the admin and the demo district (the all-in-one's SETUP_ONLY run), then exits. */
  async provision(timeoutMs = 120000): Promise<void> {
    const child = spawnLogged(process.execPath, [path.join(REPO_ROOT, 'services/all-in-one/dist/main.js')], {
      env: { ...this.env, SETUP_ONLY: 'true' },
      cwd: REPO_ROOT,
      logFile: path.join(this.logDir, 'setup.log'),
    });
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`setup did not finish in ${timeoutMs} ms; see ${this.logDir}/setup.log`));
      }, timeoutMs);
      child.once('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    if (code !== 0) throw new Error(`setup exited with ${code}; see ${this.logDir}/setup.log`);
  }

  logFile(name: ServiceName): string {
    return path.join(this.logDir, `${name}.log`);
  }

  /** Running, and said it serves since it last started. */
  isServing(name: ServiceName): boolean {
    const r = this.running.get(name);
    return r !== undefined && isRunning(r.child) && r.readyAt !== null;
  }

  /** Starts the service (unless it runs); returns at once with a promise of its readiness. */
  start(name: ServiceName): Promise<number | null> {
    const existing = this.running.get(name);
    if (existing && isRunning(existing.child)) return existing.ready;
    const startedAt = Date.now();
    let markReady: (at: number | null) => void = () => undefined;
    const ready = new Promise<number | null>((resolve) => {
      markReady = resolve;
    });
    const child = spawnLogged(
      process.execPath,
      [
        // e.g. FLEET_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof': a CPU profile of each service.
        ...(process.env.FLEET_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
        path.join(REPO_ROOT, `services/${name}/dist/main.js`),
      ],
      {
        env: this.env,
        cwd: REPO_ROOT,
        logFile: this.logFile(name),
        onLine: (line) => {
          if (!line.includes(READY_MESSAGE[name])) return;
          try {
            if ((JSON.parse(line) as { msg?: string }).msg === READY_MESSAGE[name]) {
              const at = Date.now();
              this.events.push({ service: name, kind: 'ready', at });
              entry.readyAt = at;
              this.backoff.delete(name);
              markReady(at);
            }
          } catch {
            // not a log line of ours
          }
        },
      },
    );
    const entry: Running = { child, startedAt, ready, readyAt: null, killed: false };
    this.running.set(name, entry);
    this.events.push({ service: name, kind: 'started', at: startedAt });
    child.once('exit', (code, signal) => {
      markReady(null);
      if (entry.killed || this.stopping) return;
      // Exited by itself: note it and start it again, as a supervisor would, backing off as
      // Kubernetes does with a crash loop (10 s, then twice as long each time, at most 40 s;
      // back to 10 s once the service has served).
      const wait = this.backoff.get(name) ?? 10000;
      this.backoff.set(name, Math.min(wait * 2, 40000));
      this.events.push({
        service: name,
        kind: 'exited on its own',
        at: Date.now(),
        detail: `code ${code} signal ${signal}, restarted after ${wait / 1000} s`,
      });
      setTimeout(() => {
        if (!this.stopping && this.running.get(name) === entry) this.start(name);
      }, wait);
    });
    return ready;
  }

  /** Starts every service and waits until each serves. */
  async startAll(timeoutMs = 120000): Promise<void> {
    for (const name of SERVICES) this.start(name);
    await this.allReady(timeoutMs);
  }

  /** Waits until every service runs and has said it serves (restarted ones included). */
  async allReady(timeoutMs = 120000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const late = SERVICES.filter((name) => {
        const r = this.running.get(name);
        return !r || !isRunning(r.child) || r.readyAt === null;
      });
      if (late.length === 0) return;
      if (Date.now() > deadline)
        throw new Error(
          `services not ready within ${timeoutMs} ms: ${late.join(', ')} (logs in ${this.logDir})`,
        );
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** kill -9 the service's process. */
  async kill(name: ServiceName): Promise<void> {
    const entry = this.running.get(name);
    if (!entry || !isRunning(entry.child)) return;
    entry.killed = true;
    this.events.push({ service: name, kind: 'killed', at: Date.now() });
    await killHard(entry.child);
  }

  unplannedExits(): FleetEvent[] {
    return this.events.filter((e) => e.kind === 'exited on its own');
  }

  async stopAll(): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.running.values()].map((r) => stopGently(r.child, 10000)));
  }
}
