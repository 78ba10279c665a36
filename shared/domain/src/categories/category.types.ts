/** Ticket priority of a category: P1 emergency 紧急, P2 urgent 急, P3 normal 一般, P4 request 诉求. */
export type Priority = 'P1' | 'P2' | 'P3' | 'P4';

/** All priorities, most urgent first. */
export const PRIORITIES: readonly Priority[] = ['P1', 'P2', 'P3', 'P4'];

/**
 * Which clock a category's limits run on: `calendar` counts every hour of every day; `working`
 * counts only office hours on working days of the area's working calendar.
 */
export type ClockKind = 'calendar' | 'working';

/** All clock kinds. */
export const CLOCK_KINDS: readonly ClockKind[] = ['calendar', 'working'];

/**
 * A problem category and its time limits (限时销号).
 *
 * `ackWithin` / `resolveWithin` are ISO-8601 durations. On a `working` clock `P1D` means one
 * working day, not 24 hours — see `DEFAULT_LIMITS`.
 */
export interface CategoryRule {
  code: string;
  priority: Priority;
  /** Time allowed for the unit to sign for (accept) the ticket. */
  ackWithin: string;
  /** Time allowed from dispatch to a reported fix. */
  resolveWithin: string;
  calendar: ClockKind;
  /** Inactive categories are hidden from residents but kept for existing tickets. */
  active: boolean;
}

/** Type guard for {@link Priority}, for untrusted input. */
export function isPriority(value: unknown): value is Priority {
  return typeof value === 'string' && (PRIORITIES as readonly string[]).includes(value);
}

/** Type guard for {@link ClockKind}, for untrusted input. */
export function isClockKind(value: unknown): value is ClockKind {
  return typeof value === 'string' && (CLOCK_KINDS as readonly string[]).includes(value);
}
