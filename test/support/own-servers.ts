import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Servers a test owns and may stop and start at will (to prove behaviour while one is down),
 * run from the same binaries scripts/infra.sh provisions.
 */
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

async function waitForPort(port: number, timeoutMs = 20000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host: '127.0.0.1' });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on ${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export class OwnServer {
  private child: ChildProcess | null = null;

  private constructor(
    readonly port: number,
    private readonly command: string,
    private readonly args: string[],
  ) {}

  /** FerretDB on a PostgreSQL of the test's own (`OwnServer.postgres()`), as infra runs it. */
  static async ferretdb(postgres: OwnServer): Promise<OwnServer> {
    if (!existsSync(FERRETDB_BIN))
      throw new Error(`${FERRETDB_BIN} is missing: run 'bash scripts/infra.sh prepare mongo'`);
    const port = await freePort();
    const dir = mkdtempSync(path.join(tmpdir(), 'gd-ferret-'));
    return new OwnServer(port, FERRETDB_BIN, [
      '--handler=postgresql',
      `--postgresql-url=postgres://postgres@127.0.0.1:${postgres.port}/postgres?pool_max_conns=100`,
      `--state-dir=${dir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--telemetry=disable',
      '--debug-addr=-',
      '--log-level=error',
    ]);
  }

  /**
   * A PostgreSQL cluster of the test's own in a temporary folder (Debian's server, which
   * scripts/infra.sh installs), run as `postgres` when the tests run as root, as infra does.
   */
  static async postgres(): Promise<OwnServer> {
    const bin = postgresBinDir();
    const port = await freePort();
    const dir = mkdtempSync(path.join(tmpdir(), 'gd-pg-'));
    const data = path.join(dir, 'data');
    mkdirSync(data, { mode: 0o700 });
    const asOwner =
      process.getuid?.() === 0
        ? ['setpriv', '--reuid=postgres', '--regid=postgres', '--init-groups', '--']
        : [];
    if (asOwner.length > 0) {
      const { uid, gid } = postgresUser();
      chownSync(dir, uid, gid);
      chownSync(data, uid, gid);
    }
    const initdb = [
      ...asOwner,
      path.join(bin, 'initdb'),
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
    ];
    execFileSync(initdb[0]!, initdb.slice(1), { stdio: 'ignore' });
    const server = [
      ...asOwner,
      path.join(bin, 'postgres'),
      '-D',
      data,
      '-p',
      String(port),
      '-k',
      dir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
    ];
    return new OwnServer(port, server[0]!, server.slice(1));
  }

  static async redis(): Promise<OwnServer> {
    const port = await freePort();
    const dir = mkdtempSync(path.join(tmpdir(), 'gd-redis-'));
    return new OwnServer(port, 'redis-server', [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
    ]);
  }

  /** Starts the server unless it is already running (so a restart in a test and in its cleanup never start two). */
  async start(): Promise<void> {
    if (this.child && this.child.exitCode === null) return;
    this.child = spawn(this.command, this.args, { stdio: 'ignore' });
    await waitForPort(this.port);
  }

  /** Kills the server at once, as a crash would. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}

function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions
    .map((v) => path.join(root, v, 'bin'))
    .find((d) => existsSync(path.join(d, 'initdb')));
  if (!found) throw new Error("PostgreSQL's server is missing: run 'bash scripts/infra.sh prepare postgres'");
  return found;
}

function postgresUser(): { uid: number; gid: number } {
  return {
    uid: Number(execFileSync('id', ['-u', 'postgres'])),
    gid: Number(execFileSync('id', ['-g', 'postgres'])),
  };
}
