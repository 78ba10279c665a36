/**
 * BullMQ queue and job names. NEVER rename a value: pending jobs live in Redis under these names.
 */
export enum QueueName {
  SlaDeadlines = 'sla-deadlines',
}

export type DeadlineKind = 'ack' | 'resolve' | 'verify';

/**
 * A deadline job carries ids only; the worker re-reads the ticket when it fires and acts only
 * if the deadline still stands (architecture.md, Timers).
 */
export interface DeadlineJobData {
  ticketId: string;
  kind: DeadlineKind;
  /** Which version of this deadline the job was made for; a moved deadline has a new seq. */
  seq: number;
  /**
   * What the job does when it fires: a reminder at a fraction of the limit, the breach itself, a
   * repeat reminder after the breach, or a climb to the next escalation level.
   */
  step: 'warning' | 'breach' | 'remind' | 'escalate';
  fraction?: number;
  /** The level an `escalate` step climbs to. */
  level?: number;
  /** Which repeat reminder a `remind` step is (1, 2, …). */
  repeat?: number;
}

export interface QueueJobs {
  [QueueName.SlaDeadlines]: DeadlineJobData;
}

/** Deterministic job id: the same deadline is never scheduled twice, a moved one gets a new id. */
export function deadlineJobId(data: DeadlineJobData): string {
  const step = {
    warning: () => `w${Math.round((data.fraction ?? 0) * 1000)}`,
    breach: () => 'due',
    remind: () => `r${data.repeat ?? 0}`,
    escalate: () => `e${data.level ?? 0}`,
  }[data.step]();
  return `${data.ticketId}.${data.kind}.${data.seq}.${step}`;
}

/** The ticket a deadline job id belongs to (the reconciler groups jobs by it). */
export function ticketIdOfJob(jobId: string): string {
  return jobId.split('.')[0] ?? '';
}
