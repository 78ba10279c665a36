/**
 * The Agenda side of the SLA timer benchmark: the same loads as BullMQ, through Agenda 6 on the
 * MongoDB-protocol server the project runs (FerretDB 1.24, SQLite backend).
 *
 * Agenda 6 keeps its MongoDB storage in a separate package (`@agendajs/mongo-backend`) that is not
 * installed here, so `MongoWireRepository` below implements Agenda's `JobRepository` with the same
 * MongoDB commands that package sends (filters, sorts, updates and the `findAndLockNextJobIndex`
 * index as of agenda 6.2): a job's save is an upsert on its unique fields, finding the next job is
 * one `findAndModify` with `{name, disabled: {$ne: true}, $or: [...]}` sorted by
 * `{nextRunAt: 1, priority: -1}`, the state saves are `update` on `{_id, name}`.
 */

import type { DeadlineJobData } from '@grid-dispatch/contracts';
import mongoose from 'mongoose';
import {
  deadlineJob,
  Load,
  type LoadSummary,
  log,
  packageVersion,
  round1,
  runOfTicket,
  type ScheduleFigures,
  sleep,
  waitForLoad,
} from './sla-timers-common';

// Agenda 6 is ESM-only and this bench is CommonJS: types come through import types, the module
// through a dynamic import().
type AgendaModule = typeof import('agenda', { with: { 'resolution-mode': 'import' }});
type AgendaClass = InstanceType<AgendaModule['Agenda']>;
type AgendaBackend = import('agenda', { with: { 'resolution-mode': 'import' }}).AgendaBackend;
type JobId = import('agenda', { with: { 'resolution-mode': 'import' }}).JobId;
type JobParameters<D = unknown> = import('agenda', { with: { 'resolution-mode': 'import' }}).JobParameters<D>;
type JobRepository = import('agenda', { with: { 'resolution-mode': 'import' }}).JobRepository;
type JobRepositoryOptions = import('agenda', { with: { 'resolution-mode': 'import' }}).JobRepositoryOptions;
type JobsOverview = import('agenda', { with: { 'resolution-mode': 'import' }}).JobsOverview;
type JobsQueryOptions = import('agenda', { with: { 'resolution-mode': 'import' }}).JobsQueryOptions;
type JobsResult = import('agenda', { with: { 'resolution-mode': 'import' }}).JobsResult;
type RemoveJobsOptions = import('agenda', { with: { 'resolution-mode': 'import' }}).RemoveJobsOptions;
type Db = mongoose.mongo.Db;
type Collection = mongoose.mongo.Collection<MongoJob>;
type MongoJob = Omit<JobParameters, '_id'> & { _id?: mongoose.mongo.ObjectId };
const { ObjectId } = mongoose.mongo;

const JOB_NAME = 'sla-deadlines';
const SORT = { nextRunAt: 1, priority: -1 } as const;

function toParams(doc: MongoJob & { _id: mongoose.mongo.ObjectId }): JobParameters & { _id: JobId } {
  const { _id, ...rest } = doc;
  return { ...rest, _id: _id.toHexString() as JobId } as JobParameters & { _id: JobId };
}

/** Counts every command the repository sends, and the first error of each kind. */
export interface CommandLog {
  calls: Record<string, number>;
  /** Most calls of one kind outstanding at the same time. */
  maxInFlight: Record<string, number>;
  failures: Record<string, number>;
  errors: Record<string, string>;
}

class MongoWireRepository implements JobRepository {
  collection!: Collection;

  constructor(
    private readonly db: Db,
    private readonly commands: CommandLog,
    /** Send one "find and lock the next job" at a time (not something Agenda's options can do). */
    private readonly serialLock: boolean,
    private readonly computeJobState: (job: JobParameters, now?: Date) => JobsResult['jobs'][number]['state'],
  ) {}

  private readonly inFlight: Record<string, number> = {};
  private lockChain: Promise<unknown> = Promise.resolve();

  /** Set at the end of the run: Agenda's fill loops keep calling after stop(), let them fail fast. */
  closed = false;

  private async op<T>(name: string, work: () => Promise<T>): Promise<T> {
    if (this.closed) throw new Error('benchmark finished');
    this.commands.calls[name] = (this.commands.calls[name] ?? 0) + 1;
    this.inFlight[name] = (this.inFlight[name] ?? 0) + 1;
    this.commands.maxInFlight[name] = Math.max(this.commands.maxInFlight[name] ?? 0, this.inFlight[name]);
    const t0 = performance.now();
    try {
      return await work();
    } catch (error) {
      this.commands.failures[name] = (this.commands.failures[name] ?? 0) + 1;
      this.commands.errors[name] ??=
        `${(error as Error).message} (after ${Math.round(performance.now() - t0)} ms)`;
      throw error;
    } finally {
      this.inFlight[name] = (this.inFlight[name] ?? 1) - 1;
    }
  }

  async connect(): Promise<void> {
    this.collection = this.db.collection<MongoJob>('agendaJobs');
    await this.op('createIndex', () =>
      this.collection.createIndex(
        { name: 1, ...SORT, lockedAt: 1, disabled: 1 },
        { name: 'findAndLockNextJobIndex' },
      ),
    );
  }

  async queryJobs(options: JobsQueryOptions = {}): Promise<JobsResult> {
    const filter: Record<string, unknown> = {};
    if (options.name) filter.name = options.name;
    if (options.id) filter._id = new ObjectId(options.id);
    if (options.ids) filter._id = { $in: options.ids.map((id) => new ObjectId(id)) };
    const docs = await this.op('find', () =>
      this.collection.find(filter).sort({ nextRunAt: -1, lastRunAt: -1 }).toArray(),
    );
    const now = new Date();
    const jobs = docs.map((d) => {
      const p = toParams(d as MongoJob & { _id: mongoose.mongo.ObjectId });
      return { ...p, state: this.computeJobState(p, now) };
    });
    return { jobs, total: jobs.length };
  }

  async getJobsOverview(): Promise<JobsOverview[]> {
    return [];
  }

  async getDistinctJobNames(): Promise<string[]> {
    return this.op('distinct', () => this.collection.distinct('name'));
  }

  async getJobById(id: string): Promise<JobParameters | null> {
    const doc = await this.op('findOne', () => this.collection.findOne({ _id: new ObjectId(id) }));
    return doc ? toParams(doc) : null;
  }

  async getQueueSize(): Promise<number> {
    return this.op('count', () => this.collection.countDocuments({ nextRunAt: { $lt: new Date() } }));
  }

  private filterOf(options: RemoveJobsOptions): Record<string, unknown> | null {
    const filter: Record<string, unknown> = {};
    if (options.id) filter._id = new ObjectId(String(options.id));
    else if (options.ids?.length) filter._id = { $in: options.ids.map((id) => new ObjectId(String(id))) };
    if (options.name) filter.name = options.name;
    else if (options.names?.length) filter.name = { $in: options.names };
    else if (options.notNames?.length) filter.name = { $nin: options.notNames };
    if (options.data !== undefined) filter.data = options.data;
    return Object.keys(filter).length > 0 ? filter : null;
  }

  async removeJobs(options: RemoveJobsOptions): Promise<number> {
    const filter = this.filterOf(options);
    if (!filter) return 0;
    return (await this.op('delete', () => this.collection.deleteMany(filter))).deletedCount;
  }

  async disableJobs(options: RemoveJobsOptions): Promise<number> {
    const filter = this.filterOf(options);
    if (!filter) return 0;
    return (await this.op('update', () => this.collection.updateMany(filter, { $set: { disabled: true } })))
      .modifiedCount;
  }

  async enableJobs(options: RemoveJobsOptions): Promise<number> {
    const filter = this.filterOf(options);
    if (!filter) return 0;
    return (await this.op('update', () => this.collection.updateMany(filter, { $set: { disabled: false } })))
      .modifiedCount;
  }

  async purgeAllJobs(): Promise<number> {
    return (await this.op('delete', () => this.collection.deleteMany({}))).deletedCount;
  }

  async saveJob<DATA = unknown>(
    job: JobParameters<DATA>,
    options?: JobRepositoryOptions,
  ): Promise<JobParameters<DATA>> {
    const { _id, unique, uniqueOpts, ...props } = job;
    const fields = { ...props, lastModifiedBy: options?.lastModifiedBy } as MongoJob;
    if (_id) {
      const doc = await this.op('findAndModify', () =>
        this.collection.findOneAndUpdate(
          { _id: new ObjectId(String(_id)), name: props.name },
          { $set: fields },
          { returnDocument: 'after' },
        ),
      );
      return doc ? (toParams(doc) as JobParameters<DATA>) : job;
    }
    if (unique) {
      // The deterministic-id equivalent: insert unless a job with the same unique fields exists.
      const filter = { ...unique, name: props.name };
      const update = uniqueOpts?.insertOnly ? { $setOnInsert: fields } : { $set: fields };
      const doc = await this.op('findAndModify(upsert)', () =>
        this.collection.findOneAndUpdate(filter, update, { upsert: true, returnDocument: 'after' }),
      );
      if (!doc) throw new Error('upsert returned no document');
      return toParams(doc) as JobParameters<DATA>;
    }
    const inserted = await this.op('insert', () => this.collection.insertOne(fields));
    return { ...job, _id: inserted.insertedId.toHexString() as JobId };
  }

  async saveJobState(job: JobParameters, options?: JobRepositoryOptions): Promise<void> {
    if (!job._id) throw new Error('Cannot save job state without job ID');
    const date = (d: Date | null | undefined) => (d ? new Date(d) : undefined);
    const $set = {
      lockedAt: date(job.lockedAt),
      nextRunAt: date(job.nextRunAt),
      lastRunAt: date(job.lastRunAt),
      progress: job.progress,
      failReason: job.failReason,
      failCount: job.failCount,
      failedAt: date(job.failedAt),
      lastFinishedAt: date(job.lastFinishedAt),
      lastModifiedBy: options?.lastModifiedBy,
    };
    const result = await this.op('update', () =>
      this.collection.updateOne({ _id: new ObjectId(String(job._id)), name: job.name }, { $set }),
    );
    if (result.matchedCount !== 1) throw new Error(`job ${job._id} cannot be updated, removed?`);
  }

  async lockJob(job: JobParameters, options?: JobRepositoryOptions): Promise<JobParameters | undefined> {
    if (!job._id) return undefined;
    const doc = await this.op('findAndModify', () =>
      this.collection.findOneAndUpdate(
        {
          _id: new ObjectId(String(job._id)),
          name: job.name,
          lockedAt: null,
          nextRunAt: job.nextRunAt,
          disabled: { $ne: true },
        } as Record<string, unknown>,
        { $set: { lockedAt: new Date(), lastModifiedBy: options?.lastModifiedBy } },
        { returnDocument: 'after', sort: SORT },
      ),
    );
    return doc ? toParams(doc) : undefined;
  }

  async unlockJob(job: JobParameters): Promise<void> {
    if (!job._id) return;
    await this.op('update', () =>
      this.collection.updateOne(
        { _id: new ObjectId(String(job._id)), nextRunAt: { $ne: null } } as Record<string, unknown>,
        { $unset: { lockedAt: true } },
      ),
    );
  }

  async unlockJobs(jobIds: (JobId | string)[]): Promise<void> {
    if (jobIds.length === 0) return;
    const ids = jobIds.map((id) => new ObjectId(String(id)));
    await this.op('update', () =>
      this.collection.updateMany({ _id: { $in: ids } }, { $unset: { lockedAt: true } }),
    );
  }

  async getNextJobToRun(
    jobName: string,
    nextScanAt: Date,
    lockDeadline: Date,
    now: Date | undefined,
    options: JobRepositoryOptions | undefined,
  ): Promise<JobParameters | undefined> {
    if (this.serialLock) {
      const turn = this.lockChain.then(() => this.nextJob(jobName, nextScanAt, lockDeadline, now, options));
      this.lockChain = turn.catch(() => undefined);
      return turn;
    }
    return this.nextJob(jobName, nextScanAt, lockDeadline, now, options);
  }

  private async nextJob(
    jobName: string,
    nextScanAt: Date,
    lockDeadline: Date,
    now: Date | undefined,
    options: JobRepositoryOptions | undefined,
  ): Promise<JobParameters | undefined> {
    const doc = await this.op('findAndModify(next)', () =>
      this.collection.findOneAndUpdate(
        {
          name: jobName,
          disabled: { $ne: true },
          $or: [
            { lockedAt: { $eq: null }, nextRunAt: { $lte: nextScanAt } },
            { lockedAt: { $lte: lockDeadline } },
          ],
        } as Record<string, unknown>,
        { $set: { lockedAt: now ?? new Date(), lastModifiedBy: options?.lastModifiedBy } },
        { returnDocument: 'after', sort: SORT },
      ),
    );
    return doc ? toParams(doc) : undefined;
  }
}

export interface AgendaRunOptions {
  mongoUrl: string;
  dbName: string;
  /** Deadlines asked for; the run scales down when the calibration says they would not fit. */
  deadlines: number;
  windowS: number;
  leadS: number;
  burst: number;
  /** Estimated seconds of database work the main load and the burst may each take. */
  budgetS: number;
  processEveryMs: number;
  concurrency: number;
  /** Agenda `lockLimit` (global) and the job definition's: at most this many jobs locked at once; 0 = no limit. */
  lockLimit: number;
  /** Bench-side mutex around the lock lookup (what a FerretDB-safe backend would need). */
  serialLock: boolean;
  signal: AbortSignal;
}

export interface AgendaResult {
  ok: boolean;
  reason?: string;
  config: Record<string, unknown>;
  calibration?: { docs: number; scanMs: number; usPerDocScanned: number };
  scaledDown?: string;
  main?: AgendaLoadResult;
  burst?: AgendaLoadResult;
  commands: CommandLog;
}

export interface AgendaLoadResult extends LoadSummary {
  requested: number;
  windowS: number;
  leadS: number;
  schedule: ScheduleFigures;
  /** FerretDB `dbStats` totalSize growth (documents + both indexes, on disk in SQLite) per job. */
  storageBytesPerJob: number | null;
  avgObjSize: number | null;
  duplicateAddIsNoop: boolean | null;
  errors: string[];
}

/** Sizes tried, largest first, when the requested one would not finish in the budget. */
const LADDER = [1_000_000, 100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100];

export async function runAgenda(o: AgendaRunOptions): Promise<AgendaResult> {
  const commands: CommandLog = { calls: {}, maxInFlight: {}, failures: {}, errors: {} };
  const config = {
    agenda: `${packageVersion('agenda')} (storage: the MongoDB commands of @agendajs/mongo-backend, reimplemented in bench)`,
    server: 'FerretDB 1.24 (SQLite)',
    // A number: human-interval 2.0.1 (Agenda's parser) reads '100 milliseconds' as 100 s.
    processEvery: o.processEveryMs,
    maxConcurrency: o.concurrency,
    defaultConcurrency: o.concurrency,
    lockLimit: o.lockLimit,
    removeOnComplete: true,
    uniqueInsertOnly: true,
    serialLockLookups: o.serialLock,
  };
  let agendaModule: typeof import('agenda', { with: { 'resolution-mode': 'import' }});
  try {
    agendaModule = await import('agenda');
  } catch (error) {
    return { ok: false, reason: `cannot load agenda: ${(error as Error).message}`, config, commands };
  }
  const client = await mongoose.mongo.MongoClient.connect(o.mongoUrl, { serverSelectionTimeoutMS: 3000 });
  const db = client.db(o.dbName);
  let agenda: AgendaClass | undefined;
  let repository: MongoWireRepository | undefined;
  const result: AgendaResult = { ok: false, config, commands };
  try {
    // Calibrate: how long one "find the next due job" takes per pending document on this server.
    const calibration = await calibrate(db);
    result.calibration = calibration;
    const usPerDoc = calibration.usPerDocScanned;
    // A save scans the pending jobs once (unique upsert) and a firing scans the rest about 1.5 times
    // (findAndModify for the next job, two state updates on {_id, name}, the delete): n² · c in all.
    const estimate = (n: number) => (n * n * usPerDoc * 1.3) / 1e6;
    const sizeFor = (wanted: number) => LADDER.find((n) => n <= wanted && estimate(n) <= o.budgetS) ?? 100;
    const mainN = Math.min(o.deadlines, sizeFor(o.deadlines));
    const burstN = Math.min(o.burst, sizeFor(o.burst));
    if (mainN < o.deadlines || burstN < o.burst) {
      result.scaledDown =
        `scaled down to ${mainN} deadlines (asked ${o.deadlines}) and a burst of ${burstN} (asked ${o.burst}): ` +
        `each lookup scans every pending job (${usPerDoc.toFixed(1)} µs per job), so ${o.deadlines} would take ` +
        `~${Math.round(estimate(o.deadlines) / 60)} min of database time against a budget of ${o.budgetS} s`;
      log(`agenda: ${result.scaledDown}`);
    }

    const repo = new MongoWireRepository(db, commands, o.serialLock, agendaModule.computeJobState);
    repository = repo;
    agenda = new agendaModule.Agenda({
      name: 'bench-sla',
      backend: {
        name: 'MongoDB wire (FerretDB)',
        repository: repo,
        ownsConnection: false,
        connect: () => repo.connect(),
        disconnect: async () => undefined,
      } satisfies AgendaBackend,
      processEvery: config.processEvery,
      maxConcurrency: o.concurrency,
      defaultConcurrency: o.concurrency,
      lockLimit: o.lockLimit,
      defaultLockLimit: o.lockLimit,
      removeOnComplete: true,
    });
    const loads = new Map<number, Load>();
    const errors: string[] = [];
    agenda.on('error', (error: Error) => {
      if (errors.length < 5) errors.push(error.message);
    });
    agenda.define<DeadlineJobData>(
      JOB_NAME,
      async (job) => {
        const ticketId = job.attrs.data.ticketId;
        loads.get(runOfTicket(ticketId))?.record(ticketId);
      },
      { concurrency: o.concurrency },
    );
    await agenda.start();

    const one = async (run: number, n: number, windowS: number, leadS: number, label: string) => {
      const before = await storageSize(db);
      const t0 = Date.now();
      // Lead: deadlines 30 s out, plus the time the saves are estimated to take here.
      const lead = Math.max(leadS, 30 + Math.ceil(estimate(n) * 0.5)) * 1000;
      const base = t0 + lead;
      const load = new Load(run, n, (i) => base + Math.floor((i * windowS * 1000) / n));
      loads.set(run, load);
      log(
        `agenda ${label}: saving ${n} deadlines (due from +${Math.round(lead / 1000)} s over ${windowS} s)`,
      );
      const save = (i: number) => {
        const { data } = deadlineJob(run, i);
        return agenda!
          .create(JOB_NAME, data)
          .unique(
            {
              'data.ticketId': data.ticketId,
              'data.kind': data.kind,
              'data.seq': data.seq,
              'data.step': data.step,
            },
            { insertOnly: true },
          )
          .schedule(new Date(load.due[i]!))
          .save();
      };
      let next = 0;
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          while (next < n && !o.signal.aborted) await save(next++);
        }),
      );
      const seconds = (Date.now() - t0) / 1000;
      const schedule: ScheduleFigures = {
        seconds: round1(seconds),
        jobsPerS: Math.round(n / seconds),
        doneBeforeFirstDue: Date.now() < load.firstDue,
        slackMs: load.firstDue - Date.now(),
      };
      log(`agenda ${label}: ${schedule.jobsPerS} jobs/s, ${schedule.slackMs} ms before the first due`);
      const after = await storageSize(db);
      let duplicateAddIsNoop: boolean | null = null;
      if (schedule.slackMs > 5000 && !o.signal.aborted) {
        const count = await db.collection('agendaJobs').countDocuments({});
        for (let i = 0; i < Math.min(20, n); i++) await save(i);
        duplicateAddIsNoop = (await db.collection('agendaJobs').countDocuments({})) === count;
      }
      // With a lock limit Agenda takes at most lockLimit jobs per processEvery.
      const drain = o.lockLimit > 0 ? (1.5 * n * o.processEveryMs) / o.lockLimit : 0;
      const grace = Math.max(60_000, estimate(n) * 2000, drain);
      await waitForLoad(load, load.lastDue + grace, o.signal, `agenda ${label}`);
      loads.delete(run);
      return {
        requested: run === 1 ? o.deadlines : o.burst,
        windowS,
        leadS: Math.round(lead / 1000),
        schedule,
        storageBytesPerJob: after && before ? Math.round((after.totalSize - before.totalSize) / n) : null,
        avgObjSize: after?.avgObjSize ?? null,
        duplicateAddIsNoop,
        errors: [...errors.splice(0)],
        ...load.summary(),
      } satisfies AgendaLoadResult;
    };

    result.main = await one(1, mainN, o.windowS, o.leadS, 'main');
    if (!o.signal.aborted) result.burst = await one(2, burstN, 0, 10, 'burst');
    result.ok = !o.signal.aborted;
    if (o.signal.aborted) result.reason = 'aborted by the run time limit';
  } catch (error) {
    result.reason = `${(error as Error).message}`;
  } finally {
    // Bounded: a busy server must not hold the run up.
    await withTimeout(agenda?.stop(), 10_000);
    if (repository) repository.closed = true;
    for (let attempt = 0; attempt < 10; attempt++) {
      if (await withTimeout(db.dropDatabase(), 10_000)) break;
      await sleep(1000);
    }
    await withTimeout(client.close(true), 5000);
  }
  return result;
}

/** Whether the promise settled successfully within `ms`. */
async function withTimeout(promise: Promise<unknown> | undefined, ms: number): Promise<boolean> {
  if (!promise) return true;
  let timer: NodeJS.Timeout | undefined;
  const ok = await Promise.race([
    promise.then(
      () => true,
      () => false,
    ),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    }),
  ]);
  clearTimeout(timer);
  return ok;
}

async function storageSize(db: Db): Promise<{ totalSize: number; avgObjSize: number } | null> {
  try {
    const s = await db.command({ dbStats: 1 });
    return { totalSize: Number(s.totalSize ?? s.storageSize ?? 0), avgObjSize: Number(s.avgObjSize ?? 0) };
  } catch {
    return null;
  }
}

/** Fills a scratch collection like Agenda's and times the lookup Agenda does for the next job. */
async function calibrate(db: Db): Promise<{ docs: number; scanMs: number; usPerDocScanned: number }> {
  const docs = 2000;
  const scratch = db.collection('calibration');
  const far = Date.now() + 3_600_000;
  for (let i = 0; i < docs; i += 500) {
    await scratch.insertMany(
      Array.from({ length: 500 }, (_, k) => ({
        name: JOB_NAME,
        data: deadlineJob(0, i + k).data,
        type: 'normal',
        priority: 0,
        nextRunAt: new Date(far + i + k),
      })),
    );
  }
  const tries = 5;
  const t0 = performance.now();
  for (let i = 0; i < tries; i++) {
    await scratch.findOneAndUpdate(
      {
        name: JOB_NAME,
        disabled: { $ne: true },
        $or: [
          { lockedAt: { $eq: null }, nextRunAt: { $lte: new Date() } },
          { lockedAt: { $lte: new Date(0) } },
        ],
      },
      { $set: { lockedAt: new Date() } },
      { sort: SORT, returnDocument: 'after' },
    );
  }
  const scanMs = (performance.now() - t0) / tries;
  await scratch.drop();
  await sleep(200);
  return { docs, scanMs: round1(scanMs), usPerDocScanned: round1((scanMs * 1000) / docs) };
}
