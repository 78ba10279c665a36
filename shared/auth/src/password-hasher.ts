import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PasswordAnswer, PasswordJob, PasswordWork } from './password.worker';

type Pending = { resolve: (value: boolean | string) => void; reject: (error: Error) => void };

/**
 * bcrypt off the event loop. A bcrypt comparison costs tens of milliseconds of CPU by design; on
 * the event loop, a few dozen logins at once stalled every other request of the service for
 * seconds. Here they run on worker threads (one by default: the other core keeps serving), queued
 * in order; a worker that dies fails its jobs and is replaced.
 */
export class PasswordHasher {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private nextWorker = 0;
  private closed = false;

  constructor(private readonly size = 1) {
    for (let i = 0; i < size; i++) this.workers.push(this.spawn());
  }

  compare(password: string, hash: string): Promise<boolean> {
    return this.run({ op: 'compare', password, hash }) as Promise<boolean>;
  }

  hash(password: string, rounds = 10): Promise<string> {
    return this.run({ op: 'hash', password, rounds }) as Promise<string>;
  }

  /** The worker threads' ids (a test checks the work leaves the main thread). */
  get threadIds(): number[] {
    return this.workers.map((w) => w.threadId);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private run(job: PasswordWork): Promise<boolean | string> {
    if (this.closed) return Promise.reject(new Error('password hasher closed'));
    const id = this.nextId++;
    const worker = this.workers[this.nextWorker++ % this.size]!;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...job, id } as PasswordJob);
    });
  }

  private spawn(): Worker {
    const worker = new Worker(path.join(__dirname, 'password.worker.js'));
    worker.unref();
    worker.on('message', (answer: PasswordAnswer) => {
      const pending = this.pending.get(answer.id);
      if (!pending) return;
      this.pending.delete(answer.id);
      if ('error' in answer) pending.reject(new Error(answer.error));
      else pending.resolve(answer.result);
    });
    worker.on('error', (error) => this.replace(worker, error));
    worker.on('exit', () => this.replace(worker, new Error('password worker exited')));
    return worker;
  }

  /** Fails every job in flight (their ids are not tracked per worker) and starts a new worker. */
  private replace(worker: Worker, error: Error): void {
    const index = this.workers.indexOf(worker);
    if (index < 0 || this.closed) return;
    for (const [id, pending] of this.pending) {
      this.pending.delete(id);
      pending.reject(error);
    }
    this.workers[index] = this.spawn();
  }
}
