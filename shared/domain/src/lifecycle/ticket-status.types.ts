/**
 * Where a ticket stands in its lifecycle:
 *
 * ```
 * submitted ─► dispatched ─► accepted ─► resolved ─► closed (verified)
 *                  │   ▲          │          │
 *                  ▼   │          ▼          ▼
 *              returned ┘   extension      reopened ─► dispatched …
 *  (any open state) ─► cancelled / merged into another ticket
 * ```
 *
 * `returned` lasts while a unit's return request waits for a secretary; an extension request waits
 * with the ticket still `accepted`.
 */
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/**
 * Every status, in rough lifecycle order: the one list of them. A tuple, not an array, so the
 * statuses keep their literal types for {@link TicketStatus} and for enums built from it.
 */
export const TICKET_STATUSES = [
  'submitted',
  'dispatched',
  'accepted',
  'returned',
  'resolved',
  'reopened',
  'closed',
  'cancelled',
  'merged',
] as const;

/**
 * Statuses in which work is still owed: they count on dashboards, may be urged, cancelled or merged.
 * `resolved` is open because the fix still awaits verification.
 */
export const OPEN_STATUSES: readonly TicketStatus[] = [
  'submitted',
  'dispatched',
  'accepted',
  'returned',
  'resolved',
  'reopened',
];

/**
 * Statuses in which no work is owed and no deadline runs. Together with {@link OPEN_STATUSES} they
 * cover every status exactly once. `closed` is final for the workflow but not frozen: a secretary may
 * reopen it and a dissatisfied resident rating reopens it.
 */
export const TERMINAL_STATUSES: readonly TicketStatus[] = ['closed', 'cancelled', 'merged'];

/** True for statuses in {@link OPEN_STATUSES}. */
export function isOpenStatus(status: TicketStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** Type guard for {@link TicketStatus}, for untrusted input such as query strings. */
export function isTicketStatus(value: unknown): value is TicketStatus {
  return typeof value === 'string' && (TICKET_STATUSES as readonly string[]).includes(value);
}
