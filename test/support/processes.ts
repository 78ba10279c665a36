import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { createConnection } from 'node:net';

/**
 * Every process a suite or a benchmark starts, so none outlives its run: mocha exits with
 * `exit: true`, and the 'exit' hook below kills what is left (only these PIDs, never by name).
 */
const started = new Set<ChildProcess>();

function killAllStarted(): void {
  for (const child of started) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
  }
}

process.on('exit', killAllStarted);
// Ctrl-C or a kill of the test run: Node would end without 'exit' handlers.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAllStarted();
    process.exit(130);
  });
}

/** Spawns a process whose stdout and stderr are appended to `logFile`; tracked for cleanup. */
export function spawnLogged(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; logFile: string; onLine?: (line: string) => void },
): ChildProcess {
  const fd = openSync(options.logFile, 'a');
  writeSync(fd, `\n=== ${new Date().toISOString()} start: ${command} ${args.join(' ')}\n`);
  const child = spawn(command, args, {
    env: options.env ?? process.env,
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  let pending = '';
  const onData = (chunk: Buffer) => {
    writeSync(fd, chunk);
    if (!options.onLine) return;
    pending += chunk.toString('utf8');
    let nl = pending.indexOf('\n');
    while (nl >= 0) {
      options.onLine(pending.slice(0, nl));
      pending = pending.slice(nl + 1);
      nl = pending.indexOf('\n');
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', (chunk: Buffer) => writeSync(fd, chunk));
  child.once('exit', () => started.delete(child));
  // After 'close' no more output arrives: only then is the log closed.
  child.once('close', (code, signal) => {
    try {
      writeSync(fd, `=== ${new Date().toISOString()} exit: code ${code} signal ${signal}\n`);
    } finally {
      closeSync(fd);
    }
  });
  return child;
}

export function isRunning(child: ChildProcess | null): child is ChildProcess {
  return child !== null && child.exitCode === null && child.signalCode === null;
}

/** kill -9, resolved once the process is gone. */
export async function killHard(child: ChildProcess | null): Promise<void> {
  if (!isRunning(child)) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** SIGTERM, then SIGKILL after `graceMs`; resolved once the process is gone. */
export async function stopGently(child: ChildProcess | null, graceMs = 10000): Promise<void> {
  if (!isRunning(child)) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function portOpen(port: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Resolves when something listens on the port; rejects when `child` exits first or time runs out. */
export async function waitForPort(port: number, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await portOpen(port)) return;
    if (child && !isRunning(child)) throw new Error(`the process for port ${port} exited while starting`);
    if (Date.now() > deadline) throw new Error(`nothing listens on ${port} after ${timeoutMs} ms`);
    await sleep(100);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
