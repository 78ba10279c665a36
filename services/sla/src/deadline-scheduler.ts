import { type DeadlineJobData, deadlineJobId, type EventEnvelope, QueueName } from '@grid-dispatch/contracts';
import type { Models } from '@grid-dispatch/db';
import { clockSpecFor, DEFAULT_CALENDAR, reminderInstants } from '@grid-dispatch/domain';
import type { Queue } from 'bullmq';
import { liveDeadlines } from './live-deadlines';

const LIMIT_FIELD = { ack: 'ackWithin', resolve: 'resolveWithin', verify: null } as const;

/**
 * Makes sure each live deadline of a ticket has its delayed jobs: one per reminder and one for the
 * breach. Job ids are deterministic (ticket, kind, deadline version, step), so scheduling the same
 * deadline again — a redelivered event, a reconcile — adds nothing.
 */
export class DeadlineScheduler {
  constructor(
    private readonly queue: Queue<DeadlineJobData>,
    private readonly models: Models,
    private readonly fractions: readonly number[],
  ) {}

  async scheduleFor(envelope: EventEnvelope): Promise<number> {
    const live = liveDeadlines(envelope.ticket);
    if (live.length === 0) return 0;
    const category = await this.models.categories.findById(envelope.ticket.category).lean().exec();
    const now = Date.now();
    const jobs: Array<{ data: DeadlineJobData; at: number }> = [];
    for (const { kind, deadline } of live) {
      const start = new Date(deadline.startedAt);
      const due = new Date(deadline.dueAt);
      const field = LIMIT_FIELD[kind];
      const within = field && category ? category[field] : null;
      const clock = category?.calendar ?? 'calendar';
      const reminders =
        within && clock === 'working'
          ? reminderInstants(
              clockSpecFor(within, clock),
              start,
              due,
              [...this.fractions],
              DEFAULT_CALENDAR,
            ).map((r) => ({
              fraction: r.fraction,
              at: r.at.getTime(),
            }))
          : this.fractions.map((fraction) => ({
              fraction,
              at: start.getTime() + fraction * (due.getTime() - start.getTime()),
            }));
      for (const r of reminders) {
        if (deadline.warned?.includes(r.fraction)) continue;
        jobs.push({
          data: {
            ticketId: envelope.ticketId,
            kind,
            seq: deadline.seq,
            step: 'warning',
            fraction: r.fraction,
          },
          at: r.at,
        });
      }
      jobs.push({
        data: { ticketId: envelope.ticketId, kind, seq: deadline.seq, step: 'breach' },
        at: due.getTime(),
      });
    }
    await this.queue.addBulk(
      jobs.map((j) => ({
        name: QueueName.SlaDeadlines,
        data: j.data,
        opts: { jobId: deadlineJobId(j.data), delay: Math.max(0, j.at - now) },
      })),
    );
    return jobs.length;
  }
}
