/**
 * Shared parts of the SLA timer benchmark (bench/sla-timers.ts): synthetic deadline ids, the
 * lateness recorder and the result shapes. Nothing here talks to a server.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type DeadlineJobData, deadlineJobId } from '@grid-dispatch/contracts';
import { createLogger } from '@grid-dispatch/logger';

/** Where the benchmark's queues and workers report their errors (warnings and worse). */
export const queueLogger = createLogger({ level: 'warn', name: 'bench' });

/**
 * A ticket id shaped like the product's (a UUID, 36 characters) whose last 12 digits are the
 * deadline's index, so the worker can find the due time and the counter without a lookup table.
 */
export function ticketIdOf(run: number, index: number): string {
  return `00000000-0000-4000-8${String(run).padStart(3, '0')}-${String(index).padStart(12, '0')}`;
}

export function runOfTicket(ticketId: string): number {
  return Number(ticketId.slice(20, 23));
}

export function indexOfTicket(ticketId: string): number {
  return Number(ticketId.slice(-12));
}

/** The job the sla service adds for a breach: deterministic job id `<ticket>.<kind><seq>.due` (deadlineJobId); `data` is what the id names. */
export function deadlineJob(run: number, index: number): { data: DeadlineJobData; jobId: string } {
  const data: DeadlineJobData = { ticketId: ticketIdOf(run, index), kind: 'resolve', seq: 1, step: 'breach' };
  return { data, jobId: deadlineJobId(data) };
}

/** One load: `count` deadlines with known due times (epoch ms) and how each one fired. */
export class Load {
  readonly due: Float64Array;
  readonly lateness: Float64Array;
  readonly fired: Uint8Array;
  firedTotal = 0;
  lastFiredAt = 0;

  constructor(
    readonly run: number,
    readonly count: number,
    dueOf: (index: number) => number,
  ) {
    this.due = new Float64Array(count);
    for (let i = 0; i < count; i++) this.due[i] = dueOf(i);
    this.lateness = new Float64Array(count).fill(Number.NaN);
    this.fired = new Uint8Array(count);
  }

  /** Called by the job handler with the ticket id from the payload. */
  record(ticketId: string, now = Date.now()): void {
    const i = indexOfTicket(ticketId);
    if (!(i >= 0 && i < this.count)) return;
    if (this.fired[i] === 0) this.lateness[i] = now - this.due[i]!;
    if (this.fired[i]! < 255) this.fired[i]!++;
    this.firedTotal++;
    this.lastFiredAt = now;
  }

  get firstDue(): number {
    return this.due[0]!;
  }

  get lastDue(): number {
    return this.due[this.count - 1]!;
  }

  summary(): LoadSummary {
    let once = 0;
    let duplicated = 0;
    let missing = 0;
    for (let i = 0; i < this.count; i++) {
      const n = this.fired[i]!;
      if (n === 0) missing++;
      else if (n === 1) once++;
      else duplicated++;
    }
    const sorted = this.lateness.filter((v) => !Number.isNaN(v)).sort();
    return {
      deadlines: this.count,
      firedOnce: once,
      firedMoreThanOnce: duplicated,
      neverFired: missing,
      exactlyOnce: once === this.count,
      latenessMs:
        sorted.length === 0
          ? null
          : {
              p50: round1(percentile(sorted, 50)),
              p99: round1(percentile(sorted, 99)),
              max: round1(sorted[sorted.length - 1]!),
              min: round1(sorted[0]!),
            },
      lastFiredAfterLastDueMs: this.firedTotal > 0 ? this.lastFiredAt - this.lastDue : null,
    };
  }
}

export interface LoadSummary {
  deadlines: number;
  firedOnce: number;
  firedMoreThanOnce: number;
  neverFired: number;
  exactlyOnce: boolean;
  latenessMs: { p50: number; p99: number; max: number; min: number } | null;
  /** For the burst: time from the (single) due instant until the last one fired. */
  lastFiredAfterLastDueMs: number | null;
}

export interface ScheduleFigures {
  seconds: number;
  jobsPerS: number;
  /** Whether scheduling ended before the first deadline fell due (else lateness includes scheduling). */
  doneBeforeFirstDue: boolean;
  slackMs: number;
}

export function percentile(sorted: ArrayLike<number>, p: number): number {
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function round1(v: number): number {
  return Math.round(v * 10) / 10;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Waits (bounded) until every deadline of the load has fired, nothing more arrives, the deadline
 * `until` passes or the run is aborted. Prints progress every 10 s.
 */
export async function waitForLoad(
  load: Load,
  until: number,
  signal: AbortSignal,
  label: string,
): Promise<void> {
  let lastPrint = Date.now();
  while (!signal.aborted && Date.now() < until) {
    if (load.firedTotal >= load.count && Date.now() > load.lastDue) {
      // Give a duplicate a moment to show up before calling it exactly-once.
      await sleep(1000, signal);
      return;
    }
    await sleep(100, signal);
    if (Date.now() - lastPrint >= 10000) {
      lastPrint = Date.now();
      const dueSoFar = countDue(load, Date.now());
      log(`  ${label}: ${load.firedTotal}/${load.count} fired, ${dueSoFar} due so far`);
    }
  }
}

function countDue(load: Load, now: number): number {
  let lo = 0;
  let hi = load.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (load.due[mid]! <= now) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function log(line: string): void {
  process.stdout.write(`[${new Date().toISOString().slice(11, 23)}] ${line}\n`);
}

/** The installed version of a package (its entry point may not export package.json). */
export function packageVersion(name: string): string {
  let dir = path.dirname(require.resolve(name));
  for (let up = 0; up < 6; up++) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name) return pkg.version ?? '?';
    }
    dir = path.dirname(dir);
  }
  return '?';
}
