import { type DeadlineJobPayload, ticketIdOfJob } from '@grid-dispatch/contracts';
import type { TicketDoc } from '@grid-dispatch/db';
import { STATUSES_WITH_LIVE_TIMERS } from '@grid-dispatch/domain';
import type { Logger } from '@grid-dispatch/logger';
import type { Queue } from 'bullmq';
import { type DeadlineScheduler, schedulableFrom } from './deadline-scheduler';
import type { SlaPlatform } from './sla-platform';

const PAGE = 1000;

export interface ReconcileReport {
  tickets: number;
  scheduled: number;
  removed: number;
  ms: number;
}

/**
 * The tickets are the truth and Redis only a cache of timers: at start and at every interval this
 * recreates any missing job from the tickets (after a FLUSHALL, a lost AOF, a crash between a
 * write and its scheduling) and removes jobs that no ticket owes any more. Re-adding an existing
 * job id is a no-op, and a job that fires twice has one effect, so a pass is always safe.
 */
export class TimerReconciler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<ReconcileReport> | null = null;

  constructor(
    private readonly platform: SlaPlatform,
    private readonly queue: Queue<DeadlineJobPayload>,
    private readonly scheduler: DeadlineScheduler,
    private readonly logger: Logger,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    const tick = () => {
      this.reconcile()
        .catch((err) =>
          this.logger.warn({ err: String(err) }, 'timer reconcile failed; retrying at the next interval'),
        )
        .finally(() => {
          if (this.timer !== null) this.timer = setTimeout(tick, this.intervalMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  reconcile(): Promise<ReconcileReport> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(): Promise<ReconcileReport> {
    const t0 = Date.now();
    // One equality query per status rather than one `$in`: FerretDB passes equality down to the
    // database, where the status index serves it, but filters `$in` itself after reading every
    // ticket ever filed.
    const perStatus = await Promise.all(
      STATUSES_WITH_LIVE_TIMERS.map((status) =>
        this.platform.models.tickets
          .find({ status }, { _id: 1, status: 1, escalationLevel: 1, deadlines: 1, category: 1 })
          .lean<Array<Pick<TicketDoc, '_id' | 'status' | 'escalationLevel' | 'deadlines' | 'category'>>>()
          .exec(),
      ),
    );
    const tickets = perStatus.flat();
    let scheduled = 0;
    const expected = new Map<string, Set<string>>();
    for (const t of tickets) {
      const ticket = schedulableFrom(t._id, t);
      scheduled += await this.scheduler.schedule(ticket);
      expected.set(t._id, await this.scheduler.expectedJobIds(ticket));
    }
    const removed = await this.removeOrphans(expected);
    const report = { tickets: tickets.length, scheduled, removed, ms: Date.now() - t0 };
    if (removed > 0) this.logger.info(report, 'timers reconciled');
    else this.logger.debug(report, 'timers reconciled');
    return report;
  }

  /** Delayed jobs whose ticket no longer owes them (moved, paused, acted on, closed). */
  private async removeOrphans(expectedByTicket: Map<string, Set<string>>): Promise<number> {
    const jobs = [];
    for (let start = 0; ; start += PAGE) {
      const page = await this.queue.getDelayed(start, start + PAGE - 1);
      jobs.push(...page);
      if (page.length < PAGE) break;
    }
    const byTicket = new Map<string, typeof jobs>();
    for (const job of jobs) {
      const id = ticketIdOfJob(job.id ?? '');
      byTicket.set(id, [...(byTicket.get(id) ?? []), job]);
    }
    let removed = 0;
    for (const [ticketId, ticketJobs] of byTicket) {
      const listed = expectedByTicket.get(ticketId);
      if (listed && ticketJobs.every((job) => job.id && listed.has(job.id))) continue;
      // A suspect: read the ticket again now, by id — a job scheduled for a change made since the
      // pass read its list must not be taken for an orphan.
      const ticket = await this.platform.tickets.findById(ticketId);
      const expected = ticket
        ? await this.scheduler.expectedJobIds(schedulableFrom(ticket._id, ticket))
        : new Set<string>();
      for (const job of ticketJobs) {
        if (job.id && !expected.has(job.id)) {
          await job.remove().catch(() => undefined);
          removed++;
        }
      }
    }
    return removed;
  }
}
