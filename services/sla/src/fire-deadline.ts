import type { DeadlineJobData } from '@grid-dispatch/contracts';
import type { TicketDoc } from '@grid-dispatch/db';
import { isTimerLive, nextEscalationLevel } from '@grid-dispatch/domain';
import { isAppError } from '@grid-dispatch/errors';
import type { SlaPlatform } from './sla-platform';

export type FireOutcome = 'warned' | 'breached' | 'reminded' | 'escalated' | 'stale';

/**
 * Runs when a deadline job comes due. It re-reads the ticket and acts only if this very deadline
 * (kind and version) still runs and this step has not happened yet; the effect is one
 * version-checked write with the event in the outbox. So a job delivered twice has one effect,
 * and a version conflict simply throws for BullMQ to retry against the fresh ticket. Follow-up
 * timers (repeat reminders, the next climb) are scheduled from the event this write emits.
 */
export async function fireDeadline(
  platform: SlaPlatform,
  job: DeadlineJobData,
  now: Date = new Date(),
): Promise<FireOutcome> {
  // Timers of one ticket often come due together (a repeat reminder and a climb): the loser of the
  // version race re-reads and decides again at once, instead of waiting for BullMQ's backoff.
  for (let attempt = 1; ; attempt++) {
    try {
      return await fireOnce(platform, job, now);
    } catch (error) {
      if (!(isAppError(error) && error.code === 'VERSION_CONFLICT') || attempt >= 5) throw error;
    }
  }
}

async function fireOnce(platform: SlaPlatform, job: DeadlineJobData, now: Date): Promise<FireOutcome> {
  const ticket = await platform.tickets.findById(job.ticketId);
  const deadline = ticket?.deadlines[job.kind];
  if (!ticket || !deadline || deadline.seq !== job.seq) return 'stale';
  if (!isTimerLive(job.kind, ticket.status) || deadline.pausedAt) return 'stale';
  const actor = { kind: 'system' as const, service: 'sla' };
  const withDeadline = (patch: Partial<typeof deadline>): Pick<TicketDoc, 'deadlines'> => ({
    deadlines: { ...ticket.deadlines, [job.kind]: { ...deadline, ...patch } },
  });

  switch (job.step) {
    case 'warning': {
      const fraction = job.fraction ?? 0;
      if (deadline.breachedAt || deadline.warned?.includes(fraction)) return 'stale';
      await platform.tickets.applyChange(
        ticket,
        withDeadline({ warned: [...(deadline.warned ?? []), fraction] }),
        {
          type: 'sla.warning',
          payload: { deadline: job.kind, fraction, dueAt: deadline.dueAt },
          actor,
          at: now,
        },
      );
      return 'warned';
    }
    case 'breach': {
      if (deadline.breachedAt) return 'stale';
      const escalationLevel = nextEscalationLevel(ticket.escalationLevel);
      await platform.tickets.applyChange(
        ticket,
        { escalationLevel, ...withDeadline({ breachedAt: now.toISOString(), reminded: 0 }) },
        {
          type: 'sla.breached',
          payload: { deadline: job.kind, dueAt: deadline.dueAt, escalationLevel },
          actor,
          at: now,
        },
      );
      return 'breached';
    }
    case 'remind': {
      const repeat = job.repeat ?? 0;
      if (!deadline.breachedAt || (deadline.reminded ?? 0) >= repeat) return 'stale';
      await platform.tickets.applyChange(ticket, withDeadline({ reminded: repeat }), {
        type: 'sla.reminder',
        payload: {
          deadline: job.kind,
          dueAt: deadline.dueAt,
          escalationLevel: ticket.escalationLevel,
          repeat,
        },
        actor,
        at: now,
      });
      return 'reminded';
    }
    case 'escalate': {
      const level = job.level ?? 0;
      if (!deadline.breachedAt || ticket.escalationLevel >= level) return 'stale';
      await platform.tickets.applyChange(
        ticket,
        { escalationLevel: level },
        { type: 'ticket.escalated', payload: { deadline: job.kind, escalationLevel: level }, actor, at: now },
      );
      return 'escalated';
    }
  }
}
