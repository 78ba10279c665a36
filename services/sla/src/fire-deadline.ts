import type { DeadlineJobData } from '@grid-dispatch/contracts';
import { nextEscalationLevel } from '@grid-dispatch/domain';
import type { Platform } from '@grid-dispatch/runtime';
import { isDeadlineLive } from './live-deadlines';

export type FireOutcome = 'warned' | 'breached' | 'stale';

/**
 * Runs when a deadline job comes due. It re-reads the ticket and acts only if this very deadline
 * (kind and version) still runs and this step has not happened yet; the effect is one
 * version-checked write with the event in the outbox. So a job delivered twice has one effect,
 * and a version conflict simply throws for BullMQ to retry against the fresh ticket.
 */
export async function fireDeadline(
  platform: Platform,
  job: DeadlineJobData,
  now: Date = new Date(),
): Promise<FireOutcome> {
  const ticket = await platform.tickets.findById(job.ticketId);
  const deadline = ticket?.deadlines[job.kind];
  if (!ticket || !deadline || deadline.seq !== job.seq) return 'stale';
  if (!isDeadlineLive(job.kind, ticket.status) || deadline.pausedAt || deadline.breachedAt) return 'stale';
  const actor = { kind: 'system' as const, service: 'sla' };

  if (job.step === 'warning') {
    const fraction = job.fraction ?? 0;
    if (deadline.warned?.includes(fraction)) return 'stale';
    await platform.tickets.applyChange(
      ticket,
      {
        deadlines: {
          ...ticket.deadlines,
          [job.kind]: { ...deadline, warned: [...(deadline.warned ?? []), fraction] },
        },
      },
      {
        type: 'sla.warning',
        payload: { deadline: job.kind, fraction, dueAt: deadline.dueAt },
        actor,
        at: now,
      },
    );
    return 'warned';
  }

  const escalationLevel = nextEscalationLevel(ticket.escalationLevel);
  await platform.tickets.applyChange(
    ticket,
    {
      escalationLevel,
      deadlines: { ...ticket.deadlines, [job.kind]: { ...deadline, breachedAt: now.toISOString() } },
    },
    {
      type: 'sla.breached',
      payload: { deadline: job.kind, dueAt: deadline.dueAt, escalationLevel },
      actor,
      at: now,
    },
  );
  return 'breached';
}
