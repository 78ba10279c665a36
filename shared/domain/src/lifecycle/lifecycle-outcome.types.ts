import type { FieldError } from '../validation/field-error';
import type { FeedbackRating, PendingRequest, PendingRequestKind } from './lifecycle.types';
import type { TicketStatus } from './ticket-status.types';

/** Names of the events a transition records. */
export type LifecycleEventType =
  | 'ticket.submitted'
  | 'ticket.dispatched'
  | 'ticket.accepted'
  | 'ticket.progress_reported'
  | 'ticket.resolved'
  | 'ticket.return_requested'
  | 'ticket.return_approved'
  | 'ticket.return_refused'
  | 'ticket.extension_requested'
  | 'ticket.extension_approved'
  | 'ticket.extension_refused'
  | 'ticket.reassigned'
  | 'ticket.verified'
  | 'ticket.verification_failed'
  | 'ticket.closed'
  | 'ticket.reopened'
  | 'ticket.cancelled'
  | 'ticket.merged'
  | 'ticket.urged'
  | 'ticket.rated';

/**
 * Every event name. `ticket.submitted` is recorded at intake and `ticket.closed` on each merged
 * ticket when its main ticket closes (`closesMerged`); neither comes out of `applyAction`.
 */
export const LIFECYCLE_EVENT_TYPES: readonly LifecycleEventType[] = [
  'ticket.submitted',
  'ticket.dispatched',
  'ticket.accepted',
  'ticket.progress_reported',
  'ticket.resolved',
  'ticket.return_requested',
  'ticket.return_approved',
  'ticket.return_refused',
  'ticket.extension_requested',
  'ticket.extension_approved',
  'ticket.extension_refused',
  'ticket.reassigned',
  'ticket.verified',
  'ticket.verification_failed',
  'ticket.closed',
  'ticket.reopened',
  'ticket.cancelled',
  'ticket.merged',
  'ticket.urged',
  'ticket.rated',
];

/**
 * What the ticket becomes. Absent fields stay as they are. Deadline flags tell the timer side what
 * to do; when several apply, clearing happens before (re)starting.
 */
export interface LifecycleChanges {
  /** New lead unit. */
  unitId?: string;
  /** New assisting units (never containing the lead). */
  assistUnitIds?: string[];
  /** `null` clears the pending request; an object sets it. */
  pendingRequest?: PendingRequest | null;
  mergedInto?: string;
  /** Approved extension: the new fix deadline (ISO-8601). */
  newResolveBy?: string;
  /** Signed for: stop the ack timer. */
  clearAckDeadline?: true;
  /** Fix reported: stop the resolve timer. */
  clearResolveDeadline?: true;
  /** Verification answered: stop the verify timer. */
  clearVerifyDeadline?: true;
  /** No work owed any more (closed, cancelled, merged, reopened awaiting dispatch): stop every timer. */
  clearAllDeadlines?: true;
  /** A unit newly holds the ticket: start a fresh ack deadline. */
  restartAckDeadline?: true;
  /** Start a fresh fix deadline (first dispatch, dispatch after reopening, rework). */
  restartResolveDeadline?: true;
  /** Fix reported: start the verification deadline. */
  startVerifyDeadline?: true;
  /** A return or extension request now waits: pause the SLA clock and record the pause. */
  pauseClock?: true;
  /** The waiting request is settled or moot: resume the clock and close the pause record. */
  resumeClock?: true;
  /** Closing: also close every ticket merged into this one and tell their reporters. */
  closesMerged?: true;
  /** Back to the router for a new dispatch. */
  redispatch?: true;
  /** Verification failed: the same unit must redo the fix (counts toward the rework rate). */
  rework?: true;
}

/** The normalised (trimmed, deduplicated) command fields, for the event record. */
export interface LifecycleEventData {
  note?: string;
  reason?: string;
  comment?: string;
  photos?: string[];
  resolveBy?: string;
  unitId?: string;
  previousUnitId?: string | null;
  assistUnitIds?: string[];
  intoTicketId?: string;
  rating?: FeedbackRating;
  solved?: boolean;
  request?: PendingRequestKind;
  approve?: boolean;
}

/** A permitted transition. */
export interface LifecycleSuccess {
  ok: true;
  status: TicketStatus;
  eventType: LifecycleEventType;
  changes: LifecycleChanges;
  eventData: LifecycleEventData;
}

/**
 * Why a transition was refused. Suggested HTTP mapping: `FORBIDDEN` 403 (or 404 when the ticket
 * is out of scope), `ILLEGAL_TRANSITION` 409, `INVALID_INPUT` 422.
 */
export type LifecycleErrorCode = 'ILLEGAL_TRANSITION' | 'FORBIDDEN' | 'INVALID_INPUT';

/** A refused transition. */
export interface LifecycleFailure {
  ok: false;
  code: LifecycleErrorCode;
  message: string;
  fields?: FieldError[];
}

/** Result of `applyAction`. */
export type LifecycleOutcome = LifecycleSuccess | LifecycleFailure;
