import { type ChildProcess, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isRunning, killHard, sleep, spawnLogged, stopGently, waitForPort } from './processes';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const FERRETDB_BIN = path.join(REPO_ROOT, '.cache', 'bin', 'ferretdb-v1.24.2');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

export const KAFKA_VERSION = '4.1.1';
const KAFKA_LIBS = path.join(REPO_ROOT, '.cache', `kafka-${KAFKA_VERSION}`, 'libs');
const KAFKA_LOG_CONFIG = path.join(REPO_ROOT, 'infra', 'kafka', 'log4j2.yaml');

/**
 * A server a test owns and may crash and restart at will (to prove behaviour while one is down),
 * run from the binaries and configuration templates scripts/infra.sh uses, so a kill -9 hits only
 * it and never the shared servers. `kill()` is the crash; `start()` the restart on the same port
 * and data. Each keeps its data and log in `dir` (the caller's folder) or, without one, in a
 * temporary folder of its own that `remove()` deletes.
 */
export class OwnServer {
  private child: ChildProcess | null = null;
  /** The folder holding its data (and, unless told otherwise, its log). */
  folder = '';
  /** Whether `folder` is the server's own, removed with `remove()`. */
  private ownsFolder = false;

  private constructor(
    readonly name: string,
    readonly port: number,
    private readonly command: string,
    private readonly args: string[],
    private readonly logFile: string,
    private readonly readyTimeoutMs: number,
    private readonly afterStart: () => Promise<void> = async () => undefined,
  ) {}

  /**
   * PostgreSQL as `scripts/infra.sh up postgres` runs it: infra/postgres/postgresql.conf.template
   * (500 connections, synchronous commit), the database `ferretdb` and the GIN-index trigger of
   * infra/postgres/gin-beside-btree.sql; run as `postgres` when the tests run as root. Always a
   * folder of its own (owned by `postgres`), since the caller's is private to the test's user;
   * its log goes to `logDir` when given.
   */
  static async postgres(logDir?: string): Promise<OwnServer> {
    const bin = postgresBinDir();
    const port = await freePort();
    const dir = mkdtempSync(path.join(tmpdir(), 'gd-chaos-pg-'));
    const data = path.join(dir, 'data');
    const sockets = path.join(dir, 'sockets');
    mkdirSync(data, { mode: 0o700 });
    mkdirSync(sockets);
    const asRoot = process.getuid?.() === 0;
    const asOwner = asRoot ? ['setpriv', '--reuid=postgres', '--regid=postgres', '--init-groups', '--'] : [];
    if (asRoot) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']));
      const gid = Number(execFileSync('id', ['-g', 'postgres']));
      for (const d of [dir, data, sockets]) chownSync(d, uid, gid);
    }
    const conf = path.join(dir, 'postgresql.conf');
    writeFileSync(
      conf,
      readFileSync(path.join(REPO_ROOT, 'infra', 'postgres', 'postgresql.conf.template'), 'utf8')
        .replaceAll('@@PORT@@', String(port))
        .replaceAll('@@SOCKET_DIR@@', sockets),
    );
    const initdb = [
      ...asOwner,
      path.join(bin, 'initdb'),
      '-D',
      data,
      '--username=postgres',
      '--auth=trust',
      '--encoding=UTF8',
      '--locale=C.UTF-8',
    ];
    execFileSync(initdb[0]!, initdb.slice(1), { stdio: 'ignore' });
    const server = [...asOwner, path.join(bin, 'postgres'), '-D', data, '-c', `config_file=${conf}`];
    const psql = (database: string, args: string[]) =>
      execFileSync(
        'psql',
        [
          '-X',
          '-q',
          '-v',
          'ON_ERROR_STOP=1',
          '-h',
          '127.0.0.1',
          '-p',
          String(port),
          '-U',
          'postgres',
          '-d',
          database,
          ...args,
        ],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, PGOPTIONS: '-c client_min_messages=warning' },
        },
      ).toString();
    const pg = new OwnServer(
      'postgres',
      port,
      server[0]!,
      server.slice(1),
      path.join(logDir ?? dir, 'postgres.log'),
      60000,
      async () => {
        // Listening is not accepting yet while it recovers from a crash.
        for (let i = 0; ; i++) {
          try {
            execFileSync(path.join(bin, 'pg_isready'), ['-q', '-h', '127.0.0.1', '-p', String(port)]);
            break;
          } catch (error) {
            if (i > 300) throw error;
            await sleep(100);
          }
        }
        if (!psql('postgres', ['-tAc', "SELECT 1 FROM pg_database WHERE datname = 'ferretdb'"]).trim())
          psql('postgres', ['-c', 'CREATE DATABASE ferretdb']);
        psql('ferretdb', ['-f', path.join(REPO_ROOT, 'infra', 'postgres', 'gin-beside-btree.sql')]);
      },
    );
    return pg.keptIn(dir, true);
  }

  /** FerretDB on that PostgreSQL as `scripts/infra.sh up mongo` runs it (a pool of 400 connections). */
  static async ferretdb(postgres: OwnServer, folder?: string): Promise<OwnServer> {
    const dir = folder ?? mkdtempSync(path.join(tmpdir(), 'gd-ferret-'));
    if (!existsSync(FERRETDB_BIN))
      throw new Error(`${FERRETDB_BIN} is missing: run 'bash scripts/infra.sh prepare mongo'`);
    const port = await freePort();
    const state = path.join(dir, 'ferretdb-state');
    mkdirSync(state, { recursive: true });
    const server = new OwnServer(
      'ferretdb',
      port,
      FERRETDB_BIN,
      [
        '--handler=postgresql',
        `--postgresql-url=postgres://postgres@127.0.0.1:${postgres.port}/ferretdb?pool_max_conns=400`,
        `--state-dir=${state}`,
        `--listen-addr=127.0.0.1:${port}`,
        '--telemetry=disable',
        '--debug-addr=-',
        '--log-level=warn',
      ],
      path.join(dir, 'ferretdb.log'),
      30000,
    );
    return server.keptIn(dir, folder === undefined);
  }

  /**
   * Apache Kafka in KRaft mode, one node (broker and controller), as `scripts/infra.sh up kafka`
   * runs it: infra/kafka/server.properties.template on free ports, its own log directory.
   */
  static async kafka(folder?: string): Promise<OwnServer> {
    const dir = folder ?? mkdtempSync(path.join(tmpdir(), 'gd-kafka-'));
    if (!existsSync(path.join(KAFKA_LIBS, '.complete')))
      throw new Error(`${KAFKA_LIBS} is missing: run 'bash scripts/infra.sh prepare kafka'`);
    const port = await freePort();
    let controllerPort = await freePort();
    while (controllerPort === port) controllerPort = await freePort();
    const data = path.join(dir, 'kafka-data');
    mkdirSync(data, { recursive: true });
    const conf = path.join(dir, 'kafka.properties');
    writeFileSync(
      conf,
      readFileSync(path.join(REPO_ROOT, 'infra', 'kafka', 'server.properties.template'), 'utf8')
        .replaceAll('@@PORT@@', String(port))
        .replaceAll('@@CONTROLLER_PORT@@', String(controllerPort))
        .replaceAll('@@DATA_DIR@@', data),
    );
    const classpath = `${KAFKA_LIBS}/*`;
    execFileSync(
      'java',
      [
        '-cp',
        classpath,
        `-Dlog4j2.configurationFile=${KAFKA_LOG_CONFIG}`,
        'kafka.tools.StorageTool',
        'format',
        '-t',
        kafkaClusterId(),
        '-c',
        conf,
      ],
      { stdio: 'ignore' },
    );
    const server = new OwnServer(
      'kafka',
      port,
      'java',
      [
        '-Xms256m',
        '-Xmx512m',
        '-XX:+UseG1GC',
        `-Dlog4j2.configurationFile=${KAFKA_LOG_CONFIG}`,
        '-cp',
        classpath,
        'kafka.Kafka',
        conf,
      ],
      path.join(dir, 'kafka.log'),
      90000,
    );
    return server.keptIn(dir, folder === undefined);
  }

  /** redis-server with infra/redis/redis.conf.template (append-only file on, fsync every second). */
  static async redis(folder?: string): Promise<OwnServer> {
    const dir = folder ?? mkdtempSync(path.join(tmpdir(), 'gd-redis-'));
    const port = await freePort();
    const data = path.join(dir, 'redis-data');
    mkdirSync(data, { recursive: true });
    const conf = path.join(dir, 'redis.conf');
    writeFileSync(
      conf,
      readFileSync(path.join(REPO_ROOT, 'infra', 'redis', 'redis.conf.template'), 'utf8')
        .replaceAll('@@PORT@@', String(port))
        .replaceAll('@@DATA_DIR@@', data),
    );
    const server = new OwnServer('redis', port, 'redis-server', [conf], path.join(dir, 'redis.log'), 20000);
    return server.keptIn(dir, folder === undefined);
  }

  private keptIn(folder: string, owned: boolean): this {
    this.folder = folder;
    this.ownsFolder = owned;
    return this;
  }

  get running(): boolean {
    return isRunning(this.child);
  }

  /** Starts the server unless it runs; resolves once it listens. */
  async start(): Promise<void> {
    if (isRunning(this.child)) return;
    this.child = spawnLogged(this.command, this.args, { logFile: this.logFile });
    await waitForPort(this.port, this.readyTimeoutMs, this.child);
    await this.afterStart();
  }

  /** kill -9: the crash. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = null;
    await killHard(child);
  }

  /** Deletes the server's own folder (after it stopped); a folder the caller gave stays. */
  remove(): void {
    if (this.ownsFolder) rmSync(this.folder, { recursive: true, force: true });
  }

  /** A clean stop at the end of the suite. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    await stopGently(child, 15000);
  }
}

/** A cluster id as Kafka's StorageTool random-uuid prints it (16 random bytes, base64url, no leading '-'). */
function kafkaClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/** The newest PostgreSQL server Debian installed, as scripts/infra.sh picks it. */
function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions
    .map((v) => path.join(root, v, 'bin'))
    .find((d) => existsSync(path.join(d, 'initdb')));
  if (!found) throw new Error("PostgreSQL's server is missing: run 'bash scripts/infra.sh prepare postgres'");
  return found;
}
