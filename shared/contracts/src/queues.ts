import type { DeadlineKind } from '@grid-dispatch/domain';

/**
 * BullMQ queue and job names. NEVER rename a value: pending jobs live in Redis under these names.
 */
export enum QueueName {
  SlaDeadlines = 'sla-deadlines',
  /** One job per webhook delivery (and per replay of it); the job names the logged delivery. */
  WebhookDeliveries = 'webhook-deliveries',
  /** One job per resident SMS (a ticket and a state); the job names the logged message. */
  SmsMessages = 'sms-messages',
  /** One delayed job per planned works, due at its end (another at once when ended early or cancelled). */
  PlannedWorksEnds = 'planned-works-ends',
  /** Two delayed jobs per project milestone: a reminder before its due time, and its miss at it. */
  MilestoneTimers = 'milestone-timers',
}

/**
 * A deadline job carries ids only; the worker re-reads the ticket when it fires and acts only
 * if the deadline still stands, so a moved or met deadline's old job does nothing.
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

/**
 * What a deadline job stores as its data: nothing. The job id already names the deadline
 * (see {@link deadlineJobId}), so the worker reads it from the id ({@link deadlineOfJob}) and Redis
 * keeps one copy instead of two — about 130 bytes less per pending deadline. Jobs added before
 * this change carry the full {@link DeadlineJobData}; both kinds fire alike.
 */
export type DeadlineJobPayload = Partial<DeadlineJobData>;

/** A webhook delivery job: the id of the logged delivery, which holds the body and the state. */
export interface WebhookDeliveryJobData {
  deliveryId: string;
}

/** A resident SMS job: the id of the logged message, which holds its text and state. */
export interface SmsMessageJobData {
  messageId: string;
}

/** A planned works' end: the announcement's id; the worker re-reads it and releases its held reports. */
export interface PlannedWorksEndJobData {
  plannedWorksId: string;
}

/**
 * A milestone timer: which milestone, which step, and the due time it was planned for; the worker
 * re-reads the project and acts only if that milestone is still open and still due then.
 */
export interface MilestoneTimerJobData {
  projectId: string;
  milestoneId: string;
  step: 'remind' | 'missed';
  dueAt: string;
}

export interface QueueJobs {
  [QueueName.SlaDeadlines]: DeadlineJobPayload;
  [QueueName.WebhookDeliveries]: WebhookDeliveryJobData;
  [QueueName.SmsMessages]: SmsMessageJobData;
  [QueueName.PlannedWorksEnds]: PlannedWorksEndJobData;
  [QueueName.MilestoneTimers]: MilestoneTimerJobData;
}

const KIND_CODE: Record<DeadlineKind, string> = { ack: 'a', resolve: 'r', verify: 'v' };
const KIND_OF_CODE: Record<string, DeadlineKind> = { a: 'ack', r: 'resolve', v: 'verify' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const COMPACT_UUID = /^[A-Za-z0-9_-]{22}$/;

/** A ticket id as it appears in job ids: a UUID as its 16 bytes in base64url (22 characters). */
function compactTicketId(ticketId: string): string {
  return UUID.test(ticketId)
    ? Buffer.from(ticketId.replace(/-/g, ''), 'hex').toString('base64url')
    : ticketId;
}

function expandTicketId(text: string): string {
  if (!COMPACT_UUID.test(text)) return text;
  const bytes = Buffer.from(text, 'base64url');
  // Only the canonical encoding of 16 bytes is a UUID; anything else is an id kept as it was.
  if (bytes.length !== 16 || bytes.toString('base64url') !== text) return text;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Deterministic job id: the same deadline is never scheduled twice, a moved one gets a new id.
 *
 * `<ticket>.<kind><seq>.<step>`, e.g. `SZ3nqBX5TvmXhFlbVKPn1A.r1.w500`: the ticket's UUID in
 * base64url (22 characters instead of 36; other ticket ids as they are), the kind as one letter
 * (`a`ck, `r`esolve, `v`erify) followed by the deadline version, and the step: `w<per mille>` a
 * reminder, `due` the breach, `r<n>` a repeat reminder, `e<level>` a climb. The id is the whole
 * payload (see {@link DeadlineJobPayload}) and BullMQ stores it four times, so every character
 * counts (docs/performance.md#sla-timers). Never change the encoding of a deployed system without letting
 * the reconciler replace the pending jobs (it removes ids no ticket owes and adds the new ones).
 */
export function deadlineJobId(data: DeadlineJobData): string {
  const step = {
    warning: () => `w${Math.round((data.fraction ?? 0) * 1000)}`,
    breach: () => 'due',
    remind: () => `r${data.repeat ?? 0}`,
    escalate: () => `e${data.level ?? 0}`,
  }[data.step]();
  return `${compactTicketId(data.ticketId)}.${KIND_CODE[data.kind]}${data.seq}.${step}`;
}

/** The deadline a job id names (the inverse of {@link deadlineJobId}), or null for another id. */
export function parseDeadlineJobId(jobId: string): DeadlineJobData | null {
  const match = /^([^.]+)\.([arv])(\d+)\.(w\d+|due|r\d+|e\d+)$/.exec(jobId);
  if (!match) return null;
  const [, ticket, kindCode, seq, step] = match as unknown as [string, string, string, string, string];
  const data: DeadlineJobData = {
    ticketId: expandTicketId(ticket),
    kind: KIND_OF_CODE[kindCode] as DeadlineKind,
    seq: Number(seq),
    step: 'breach',
  };
  const n = Number(step.slice(1));
  if (step[0] === 'w') return { ...data, step: 'warning', fraction: n / 1000 };
  if (step[0] === 'r') return { ...data, step: 'remind', repeat: n };
  if (step[0] === 'e') return { ...data, step: 'escalate', level: n };
  return data;
}

/**
 * The deadline a job stands for: read from its id, or from its data for a job added before ids
 * carried everything (`<ticket>.<kind>.<seq>.<step>` with a full payload). Null when neither.
 */
export function deadlineOfJob(job: {
  id?: string | undefined;
  data: DeadlineJobPayload;
}): DeadlineJobData | null {
  const parsed = parseDeadlineJobId(job.id ?? '');
  if (parsed) return parsed;
  const d = job.data;
  return d.ticketId && d.kind && d.seq !== undefined && d.step ? (d as DeadlineJobData) : null;
}

/** The ticket a deadline job id belongs to (the reconciler groups jobs by it). */
export function ticketIdOfJob(jobId: string): string {
  return parseDeadlineJobId(jobId)?.ticketId ?? jobId.split('.')[0] ?? '';
}
