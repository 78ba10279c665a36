import { appendFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The machine a figure was measured on, in one line. */
export function machineLine(): string {
  return `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.cpus()[0]?.model ?? ''}`.trim();
}

/** Appends one run's figures to `bench/results/<name>.jsonl`. */
export function saveResult(name: string, result: Record<string, unknown>): void {
  const dir = path.resolve(__dirname, '..', 'results');
  mkdirSync(dir, { recursive: true });
  appendFileSync(path.join(dir, `${name}.jsonl`), `${JSON.stringify(result)}\n`);
}

/**
 * Runs a benchmark's main and ends the process when it is done (open handles of a system under
 * test must not keep it alive), with exit code 1 and the error printed when it failed.
 */
export function runBenchmark(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
