import type { ClockKind, Priority } from './category.types';

/**
 * The clock a new category of `priority` runs on unless the administrator says otherwise:
 * emergencies and urgent problems (P1, P2) run on calendar time — a gas leak at 3 a.m. on a public
 * holiday cannot wait for Monday — while P3 and P4 run on the working calendar.
 */
export function defaultClockFor(priority: Priority): ClockKind {
  return priority === 'P1' || priority === 'P2' ? 'calendar' : 'working';
}

/**
 * Suggested sign (ack) and fix (resolve) limits per priority, as a district's category list suggests them.
 *
 * Convention for working-clock priorities (P3, P4): a day designator counts *working days* and an
 * hour designator counts *working hours*. So P3's `P5D` is five working days and P4's `P1D` is one
 * working day, whatever the office hours are; the working-calendar arithmetic interprets the parsed
 * parts (`parseIsoDurationParts`) rather than a flat millisecond count. On a calendar clock the
 * same strings mean plain elapsed time, which is why P2's fix limit is written `PT24H`.
 *
 * | priority | ack | resolve | clock |
 * |---|---|---|---|
 * | P1 | PT15M | PT4H | calendar |
 * | P2 | PT1H | PT24H | calendar |
 * | P3 | PT4H | P5D | working |
 * | P4 | P1D | P15D | working |
 */
export const DEFAULT_LIMITS: Readonly<Record<Priority, { ackWithin: string; resolveWithin: string }>> = {
  P1: { ackWithin: 'PT15M', resolveWithin: 'PT4H' },
  P2: { ackWithin: 'PT1H', resolveWithin: 'PT24H' },
  P3: { ackWithin: 'PT4H', resolveWithin: 'P5D' },
  P4: { ackWithin: 'P1D', resolveWithin: 'P15D' },
};
