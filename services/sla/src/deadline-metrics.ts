import type { DeadlineJobData } from '@grid-dispatch/contracts';
import { type ServiceMetrics, scrapedGauge } from '@grid-dispatch/metrics';
import type { Queue } from 'bullmq';
import { Counter } from 'prom-client';
import type { FireOutcome } from './fire-deadline';

/** The `kind` label of a firing that changed a ticket; stale jobs did nothing and are not counted. */
const FIRED_KIND: Record<Exclude<FireOutcome, 'stale'>, string> = {
  warned: 'warning',
  breached: 'breach',
  reminded: 'reminder',
  escalated: 'escalation',
};

/**
 * `sla_pending_deadlines` (delayed BullMQ jobs, read at scrape time) and
 * `sla_deadlines_fired_total{kind,deadline}`. Returns what the worker calls after each job.
 */
export function registerDeadlineMetrics(
  metrics: ServiceMetrics,
  queue: Queue,
): (job: DeadlineJobData, outcome: FireOutcome) => void {
  scrapedGauge(
    metrics.registry,
    { name: 'sla_pending_deadlines', help: 'Deadline timers scheduled and not yet due (delayed jobs).' },
    async () => [{ labels: {}, value: await queue.getDelayedCount() }],
  );
  // A restarted sla service on the same platform keeps counting where the last one stopped.
  const existing = metrics.registry.getSingleMetric('sla_deadlines_fired_total');
  const fired =
    (existing as Counter<'kind' | 'deadline'> | undefined) ??
    new Counter({
      name: 'sla_deadlines_fired_total',
      help: 'Deadlines that fired and changed a ticket, by step (warning, breach, reminder, escalation) and deadline.',
      labelNames: ['kind', 'deadline'],
      registers: [metrics.registry],
    });
  return (job, outcome) => {
    if (outcome !== 'stale') fired.inc({ kind: FIRED_KIND[outcome], deadline: job.kind });
  };
}
