import type { LifecycleAction } from './lifecycle.types';
import type { LifecycleEventType } from './lifecycle-outcome.types';
import { type Role, SECRETARY_ROLES } from './role.types';
import { OPEN_STATUSES, type TicketStatus } from './ticket-status.types';

/**
 * Who may take an action:
 * - `lead_unit` — a unit member of the ticket's lead unit (主办);
 * - `involved_unit` — a unit member of the lead or an assisting unit (协办);
 * - `secretary` — a community, sub-district or district secretary whose area covers the ticket;
 * - `system` — the router; `resident` — the reporter holding the report token.
 */
export type ActorRequirement = 'lead_unit' | 'involved_unit' | 'secretary' | 'system' | 'resident';

/** Where an action enters the system. */
export type ActionEndpoint = 'ticket-action' | 'report-feedback' | 'internal';

/** One row of {@link ACTION_RULES}. */
export interface ActionRule {
  action: LifecycleAction;
  actor: ActorRequirement;
  /** Staff roles that satisfy `actor`; empty for system and resident actions. */
  roles: readonly Role[];
  /** Statuses the action may start from. Further conditions (pending requests) are in `notes`. */
  from: readonly TicketStatus[];
  /** Statuses the ticket may end in; `'unchanged'` when the action can leave the status as it is. */
  to: readonly (TicketStatus | 'unchanged')[];
  /** Body fields that must be non-blank text (trimmed, at most 2000 characters). */
  requiredText: readonly string[];
  /** Body fields of optional text (same limits when present). */
  optionalText: readonly string[];
  /** Request body as in the interface table. */
  body: string;
  eventTypes: readonly LifecycleEventType[];
  endpoint: ActionEndpoint;
  /** One-line description for the OpenAPI document. */
  summary: string;
  /**
   * How a waiting return or extension request (one at a time) bears on the action: `refused`
   * while one waits, `required` (it decides one); absent, it makes no difference.
   */
  whilePending?: 'refused' | 'required';
  /** Conditions beyond actor and status. */
  notes?: string;
}

const UNIT: readonly Role[] = ['unit_member'];
const SECRETARY = SECRETARY_ROLES;

/**
 * The single source of who may do what from which status. `applyAction` enforces it; the HTTP
 * layer and the OpenAPI document read it. `admin` appears in no row: administrators configure the
 * system but do not dispatch or handle tickets.
 */
export const ACTION_RULES: Readonly<Record<LifecycleAction, ActionRule>> = {
  accept: {
    action: 'accept',
    actor: 'lead_unit',
    roles: UNIT,
    from: ['dispatched'],
    to: ['accepted'],
    requiredText: [],
    optionalText: [],
    body: '{}',
    eventTypes: ['ticket.accepted'],
    endpoint: 'ticket-action',
    summary: 'Sign for a dispatched ticket (签收).',
  },
  progress: {
    action: 'progress',
    actor: 'involved_unit',
    roles: UNIT,
    from: ['accepted'],
    to: ['unchanged'],
    requiredText: ['note'],
    optionalText: [],
    body: '{note}',
    eventTypes: ['ticket.progress_reported'],
    endpoint: 'ticket-action',
    summary: 'Report progress; the lead or an assisting unit.',
  },
  resolve: {
    action: 'resolve',
    actor: 'lead_unit',
    roles: UNIT,
    from: ['accepted'],
    to: ['resolved'],
    requiredText: ['note'],
    optionalText: [],
    body: '{note, photos?}',
    eventTypes: ['ticket.resolved'],
    endpoint: 'ticket-action',
    summary: 'Report the fix (办结反馈); it then awaits verification.',
    notes: 'A pending extension request becomes moot and is cleared.',
  },
  return: {
    action: 'return',
    actor: 'lead_unit',
    roles: UNIT,
    from: ['dispatched', 'accepted'],
    to: ['returned'],
    requiredText: ['reason'],
    optionalText: [],
    body: '{reason}',
    eventTypes: ['ticket.return_requested'],
    whilePending: 'refused',
    endpoint: 'ticket-action',
    summary: 'Hand back a wrongly routed ticket (退单); waits for a secretary, the clock pauses.',
    notes: 'Refused while another request is pending.',
  },
  extension: {
    action: 'extension',
    actor: 'lead_unit',
    roles: UNIT,
    from: ['accepted'],
    to: ['unchanged'],
    requiredText: ['reason'],
    optionalText: [],
    body: '{resolveBy, reason}',
    eventTypes: ['ticket.extension_requested'],
    whilePending: 'refused',
    endpoint: 'ticket-action',
    summary: 'Ask for a later fix deadline (延期); waits for a secretary, the clock pauses.',
    notes:
      'resolveBy must be later than now and than the current deadline; refused while another request is pending.',
  },
  decide: {
    action: 'decide',
    actor: 'secretary',
    roles: SECRETARY,
    from: ['returned', 'accepted'],
    to: ['dispatched', 'accepted', 'unchanged'],
    requiredText: [],
    optionalText: ['note'],
    body: '{request:"return"|"extension", approve, note?, unitId?}',
    eventTypes: [
      'ticket.return_approved',
      'ticket.return_refused',
      'ticket.extension_approved',
      'ticket.extension_refused',
    ],
    whilePending: 'required',
    endpoint: 'ticket-action',
    summary: 'Approve or refuse the pending return or extension request.',
    notes:
      'Needs a pending request of that kind. Approving a return needs unitId (another unit) and dispatches there; refusing restores the previous status. Approving an extension moves the fix deadline.',
  },
  reassign: {
    action: 'reassign',
    actor: 'secretary',
    roles: SECRETARY,
    from: ['submitted', 'dispatched', 'accepted', 'returned', 'reopened'],
    to: ['dispatched'],
    requiredText: [],
    optionalText: ['reason'],
    body: '{unitId, reason?}',
    eventTypes: ['ticket.reassigned'],
    endpoint: 'ticket-action',
    summary: 'Re-route to another unit (改派); settles any pending request.',
    notes:
      'unitId must differ from the holding unit when dispatched, accepted or returned. From submitted or reopened it routes a ticket the router left with the district (兜底) by hand.',
  },
  verify: {
    action: 'verify',
    actor: 'secretary',
    roles: SECRETARY,
    from: ['resolved'],
    to: ['closed', 'accepted'],
    requiredText: [],
    optionalText: ['note'],
    body: '{solved, note?}',
    eventTypes: ['ticket.verified', 'ticket.verification_failed'],
    endpoint: 'ticket-action',
    summary: 'Check the fix (核查销号): solved closes it (and its merged duplicates), otherwise rework.',
  },
  reopen: {
    action: 'reopen',
    actor: 'secretary',
    roles: SECRETARY,
    from: ['resolved', 'closed'],
    to: ['reopened'],
    requiredText: ['reason'],
    optionalText: [],
    body: '{reason}',
    eventTypes: ['ticket.reopened'],
    endpoint: 'ticket-action',
    summary: 'Reopen a resolved or closed ticket; it goes back to the router.',
  },
  cancel: {
    action: 'cancel',
    actor: 'secretary',
    roles: SECRETARY,
    from: OPEN_STATUSES,
    to: ['cancelled'],
    requiredText: ['reason'],
    optionalText: [],
    body: '{reason}',
    eventTypes: ['ticket.cancelled'],
    endpoint: 'ticket-action',
    summary: 'Withdraw an open ticket that needs no work.',
  },
  merge: {
    action: 'merge',
    actor: 'secretary',
    roles: SECRETARY,
    from: OPEN_STATUSES,
    to: ['merged'],
    requiredText: [],
    optionalText: [],
    body: '{intoTicketId}',
    eventTypes: ['ticket.merged'],
    endpoint: 'ticket-action',
    summary: 'Fold a duplicate into another ticket (并单); closing that ticket closes this one.',
    notes: 'intoTicketId must name another ticket; checking that it exists and is open is the caller’s job.',
  },
  urge: {
    action: 'urge',
    actor: 'secretary',
    roles: SECRETARY,
    from: OPEN_STATUSES,
    to: ['unchanged'],
    requiredText: [],
    optionalText: ['note'],
    body: '{note?}',
    eventTypes: ['ticket.urged'],
    endpoint: 'ticket-action',
    summary: 'Press the unit for action (督办).',
  },
  dispatch: {
    action: 'dispatch',
    actor: 'system',
    roles: [],
    from: ['submitted', 'reopened'],
    to: ['dispatched'],
    requiredText: [],
    optionalText: [],
    body: '{unitId, assistUnitIds}',
    eventTypes: ['ticket.dispatched'],
    endpoint: 'internal',
    summary: 'The router hands the ticket to the responsible unit.',
  },
  feedback: {
    action: 'feedback',
    actor: 'resident',
    roles: [],
    from: ['resolved', 'closed'],
    to: ['unchanged', 'reopened'],
    requiredText: [],
    optionalText: ['comment'],
    body: '{reporterToken | contactPhone, rating:"satisfied"|"basically_satisfied"|"dissatisfied", comment?}',
    eventTypes: ['ticket.rated'],
    endpoint: 'report-feedback',
    summary: 'The resident rates the fix; "dissatisfied" reopens the ticket for a new dispatch.',
  },
};
