import type { FieldError } from '../validation/field-error';
import type { Role } from './role.types';
import type { TicketStatus } from './ticket-status.types';

/** Actions staff take through `POST /api/v1/tickets/{id}/{action}`. */
export type StaffAction =
  | 'accept'
  | 'progress'
  | 'resolve'
  | 'return'
  | 'extension'
  | 'decide'
  | 'reassign'
  | 'verify'
  | 'reopen'
  | 'cancel'
  | 'merge'
  | 'urge';

/** Every staff action, in the order of the interface table. */
export const STAFF_ACTIONS: readonly StaffAction[] = [
  'accept',
  'progress',
  'resolve',
  'return',
  'extension',
  'decide',
  'reassign',
  'verify',
  'reopen',
  'cancel',
  'merge',
  'urge',
];

/** Every transition: staff actions, the router's `dispatch` and the resident's `feedback`. */
export type LifecycleAction = StaffAction | 'dispatch' | 'feedback';

/** Every lifecycle action. */
export const LIFECYCLE_ACTIONS: readonly LifecycleAction[] = [...STAFF_ACTIONS, 'dispatch', 'feedback'];

/** The two kinds of request a unit can leave waiting for a secretary's decision. */
export type PendingRequestKind = 'return' | 'extension';

/** A resident's rating of the fix: 满意 / 基本满意 / 不满意. */
export type FeedbackRating = 'satisfied' | 'basically_satisfied' | 'dissatisfied';

/** Every rating, best first. */
export const FEEDBACK_RATINGS: readonly FeedbackRating[] = [
  'satisfied',
  'basically_satisfied',
  'dissatisfied',
];

/** A return or extension request waiting for a secretary. Only one may wait at a time. */
export interface PendingRequest {
  kind: PendingRequestKind;
  /** Requested new fix deadline (ISO-8601 UTC); extension requests only. */
  resolveBy?: string;
  /** The unit that asked (or the user, when the caller passed `actor.userId`). */
  requestedBy: string;
  /** Status to restore when a return is refused; absent in old data means `dispatched`. */
  previousStatus?: TicketStatus;
  /** The unit's stated reason, trimmed. */
  reason?: string;
}

/** The part of a ticket the lifecycle rules read. */
export interface LifecycleView {
  /** The ticket's own id; when given, merging a ticket into itself is rejected. */
  id?: string;
  status: TicketStatus;
  /** Lead unit (主办); `null` until first dispatched. */
  unitId: string | null;
  /** Assisting units (协办). */
  assistUnitIds: readonly string[];
  pendingRequest: PendingRequest | null;
  /** When the current fix was reported; informational, the rules do not depend on it. */
  resolvedAt?: string | null;
  mergedInto?: string | null;
  /** Current fix deadline (ISO-8601); when given, an extension must ask for a later one. */
  resolveDueAt?: string | null;
}

/**
 * A member of staff. `inScope` is the caller's verdict that the ticket is theirs to touch: inside a
 * secretary's area, or led or assisted by a unit member's unit. Area lookups need I/O, so they happen
 * before the rules run; the rules still check lead versus assisting unit themselves.
 */
export interface StaffActor {
  kind: 'staff';
  role: Role;
  unitId?: string;
  inScope: boolean;
  /** Optional user id, recorded as `requestedBy` on requests in preference to the unit id. */
  userId?: string;
}

/** Who performs a transition: staff, the system (router), or the resident holding the report token. */
export type LifecycleActor = StaffActor | { kind: 'system' } | { kind: 'resident' };

/** Fields every command carries. */
export interface CommandBase {
  actor: LifecycleActor;
  /** Current time (ISO-8601). Passed in because the domain never reads the clock. */
  now?: string;
}

/** Sign for a dispatched ticket (签收). */
export interface AcceptCommand extends CommandBase {
  action: 'accept';
}
/** Report progress; the lead or an assisting unit. */
export interface ProgressCommand extends CommandBase {
  action: 'progress';
  note: string;
}
/** Report the fix (办结反馈). */
export interface ResolveCommand extends CommandBase {
  action: 'resolve';
  note: string;
  photos?: string[];
}
/** Hand back a wrongly routed ticket (退单). */
export interface ReturnCommand extends CommandBase {
  action: 'return';
  reason: string;
}
/** Ask for a later fix deadline (延期). */
export interface ExtensionCommand extends CommandBase {
  action: 'extension';
  resolveBy: string;
  reason: string;
  now: string;
}
/** A secretary's decision on the pending return or extension request. */
export interface DecideCommand extends CommandBase {
  action: 'decide';
  request: PendingRequestKind;
  approve: boolean;
  note?: string;
  /** The unit that takes over when a return is approved (required then). */
  unitId?: string;
  now: string;
}
/** Re-route to another unit (改派). */
export interface ReassignCommand extends CommandBase {
  action: 'reassign';
  unitId: string;
  reason?: string;
}
/** Check a reported fix (核查销号). */
export interface VerifyCommand extends CommandBase {
  action: 'verify';
  solved: boolean;
  note?: string;
}
/** Reopen a resolved or closed ticket. */
export interface ReopenCommand extends CommandBase {
  action: 'reopen';
  reason: string;
}
/** Withdraw a ticket that needs no work. */
export interface CancelCommand extends CommandBase {
  action: 'cancel';
  reason: string;
}
/** Fold a duplicate into another ticket (并单). */
export interface MergeCommand extends CommandBase {
  action: 'merge';
  intoTicketId: string;
}
/** Press for action (督办). */
export interface UrgeCommand extends CommandBase {
  action: 'urge';
  note?: string;
}
/** The router hands the ticket to a unit. */
export interface DispatchCommand extends CommandBase {
  action: 'dispatch';
  unitId: string;
  assistUnitIds: string[];
}
/** The resident rates the fix. */
export interface FeedbackCommand extends CommandBase {
  action: 'feedback';
  rating: FeedbackRating;
  comment?: string;
}

/** Every lifecycle command, discriminated on `action`; fields mirror the HTTP bodies. */
export type LifecycleCommand =
  | AcceptCommand
  | ProgressCommand
  | ResolveCommand
  | ReturnCommand
  | ExtensionCommand
  | DecideCommand
  | ReassignCommand
  | VerifyCommand
  | ReopenCommand
  | CancelCommand
  | MergeCommand
  | UrgeCommand
  | DispatchCommand
  | FeedbackCommand;

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
