import {
  type DeadlineJobData,
  type DeadlineJobPayload,
  deadlineJobId,
  QueueName,
  type TicketSummary,
} from '@grid-dispatch/contracts';
import type { CalendarStore, CategoryDoc, Models } from '@grid-dispatch/db';
import { clockSpecFor, type PlannedTimer, planTimers, type TimerInput } from '@grid-dispatch/domain';
import type { Queue } from 'bullmq';

const LIMIT_FIELD = { ack: 'ackWithin', resolve: 'resolveWithin', verify: null } as const;

export interface SchedulerSettings {
  fractions: readonly number[];
  remindEveryMs: number;
}

/** What the scheduler needs of a ticket: its id and the timer-relevant state (an envelope's summary, or the stored ticket). */
export type SchedulableTicket = TimerInput & { id: string; category: string };

export function schedulableFrom(
  ticketId: string,
  summary: Pick<TicketSummary, 'status' | 'escalationLevel' | 'deadlines' | 'category'>,
): SchedulableTicket {
  return {
    id: ticketId,
    status: summary.status,
    escalationLevel: summary.escalationLevel,
    deadlines: summary.deadlines,
    category: summary.category,
  };
}

/**
 * Gives every timer a ticket still owes (domain `planTimers`) its BullMQ delayed job. Job ids are
 * deterministic (ticket, kind, deadline version, step), so scheduling the same state again — a
 * redelivered event, a reconcile pass — adds nothing; a moved deadline has a new version and so
 * new ids, and the old jobs find nothing to do when they fire.
 */
export class DeadlineScheduler {
  /** Category limits only place reminders on working clocks; a few seconds' staleness is harmless. */
  private readonly categories = new Map<string, { at: number; value: CategoryDoc | null }>();

  constructor(
    private readonly queue: Queue<DeadlineJobPayload>,
    private readonly models: Models,
    private readonly settings: SchedulerSettings,
    private readonly calendars: CalendarStore,
  ) {}

  async plan(ticket: SchedulableTicket): Promise<PlannedTimer[]> {
    if (!Object.values(ticket.deadlines).some(Boolean)) return [];
    const [category, calendar] = await Promise.all([this.category(ticket.category), this.calendars.get()]);
    return planTimers(ticket, {
      fractions: this.settings.fractions,
      remindEveryMs: this.settings.remindEveryMs,
      calendar,
      specFor: (kind) => {
        const field = LIMIT_FIELD[kind];
        return field && category ? clockSpecFor(category[field], category.calendar) : null;
      },
    });
  }

  private async category(code: string): Promise<CategoryDoc | null> {
    const cached = this.categories.get(code);
    if (cached && Date.now() - cached.at < 10_000) return cached.value;
    const value = await this.models.categories.findById(code).lean<CategoryDoc>().exec();
    this.categories.set(code, { at: Date.now(), value });
    return value;
  }

  /** Adds the jobs for everything the ticket still owes; returns how many were asked for. */
  async schedule(ticket: SchedulableTicket): Promise<number> {
    const plan = await this.plan(ticket);
    if (plan.length === 0) return 0;
    const now = Date.now();
    await this.queue.addBulk(
      plan.map((p) => {
        // Ids only, and the id is all of it: the worker reads the deadline from the job id.
        return {
          name: QueueName.SlaDeadlines,
          data: {},
          opts: { jobId: deadlineJobId(jobData(ticket.id, p)), delay: Math.max(0, p.at.getTime() - now) },
        };
      }),
    );
    return plan.length;
  }

  /** The job ids a ticket should have right now (the reconciler removes any other). */
  async expectedJobIds(ticket: SchedulableTicket): Promise<Set<string>> {
    return new Set((await this.plan(ticket)).map((p) => deadlineJobId(jobData(ticket.id, p))));
  }
}

export function jobData(ticketId: string, p: PlannedTimer): DeadlineJobData {
  return {
    ticketId,
    kind: p.kind,
    seq: p.seq,
    step: p.step,
    ...(p.fraction !== undefined ? { fraction: p.fraction } : {}),
    ...(p.level !== undefined ? { level: p.level } : {}),
    ...(p.repeat !== undefined ? { repeat: p.repeat } : {}),
  };
}
