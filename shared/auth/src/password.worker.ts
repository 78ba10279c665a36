import { parentPort } from 'node:worker_threads';
import bcrypt from 'bcryptjs';

/** One bcrypt job: compare a password with a hash, or hash a password. */
export type PasswordWork =
  | { op: 'compare'; password: string; hash: string }
  | { op: 'hash'; password: string; rounds: number };
export type PasswordJob = PasswordWork & { id: number };

export type PasswordAnswer = { id: number; result: boolean | string } | { id: number; error: string };

// Runs in a worker thread (see PasswordHasher): bcrypt's deliberate slowness spends this thread's
// time, never the event loop that serves every other request.
parentPort?.on('message', (job: PasswordJob) => {
  try {
    const result =
      job.op === 'compare'
        ? bcrypt.compareSync(job.password, job.hash)
        : bcrypt.hashSync(job.password, job.rounds);
    parentPort!.postMessage({ id: job.id, result } satisfies PasswordAnswer);
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: String(error) } satisfies PasswordAnswer);
  }
});
