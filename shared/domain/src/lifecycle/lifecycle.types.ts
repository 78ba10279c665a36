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
