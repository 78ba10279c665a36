import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
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

  static async ferretdb(): Promise<OwnServer> {
    if (!existsSync(FERRETDB_BIN))
      throw new Error(`${FERRETDB_BIN} is missing: run 'bash scripts/infra.sh prepare mongo'`);
    const port = await freePort();
    const dir = mkdtempSync(path.join(tmpdir(), 'gd-ferret-'));
    return new OwnServer(port, FERRETDB_BIN, [
      '--handler=sqlite',
      `--sqlite-url=file:${dir}/`,
      `--state-dir=${dir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--telemetry=disable',
      '--debug-addr=-',
      '--log-level=error',
    ]);
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
