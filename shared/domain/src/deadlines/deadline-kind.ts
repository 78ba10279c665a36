/**
 * The deadlines a ticket runs against: `ack` for its unit to sign for it, `resolve` to fix it,
 * `verify` for the fix to be checked. The one list of them; the type and every enum of deadline
 * kinds are built from it.
 */
export const DEADLINE_KINDS = ['ack', 'resolve', 'verify'] as const;

export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
