import type { Rating } from './kpi-event.types';
import { reportDay } from './report-day';
import type { TicketFact } from './ticket-fact';

/** How a report came in: the own report form, an Open311 client, or a hotline agent for a caller. */
export const REPORT_CHANNELS = ['web', 'open311', 'hotline'] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

/** A fact's channel as counted: a fact folded before tickets carried one came from the own form. */
export function reportChannelOf(fact: Pick<TicketFact, 'channel'>): ReportChannel {
  return REPORT_CHANNELS.find((c) => c === fact.channel) ?? 'web';
}

/**
 * The projection's unit of counting. Each is filed under the reporting day of the moment that
 * defines it (a dispatch under its dispatch day, a closure or rating under its own day), so a
 * period's figures are the sum of its days, and a later change to a dispatch (signed, fixed)
 * rewrites the entry in place under the same key.
 */
export type KpiEntry = DispatchEntry | ClosureEntry | RatingEntry;

interface EntryBase {
  /** Unique per ticket and stable across folds: `<ticketId>_d0`, `<ticketId>_c1`, … */
  key: string;
  day: string;
  unitId: string | null;
  category: string;
  /** The ticket's areas, most specific first. */
  areaIds: string[];
}

export interface DispatchEntry extends EntryBase {
  kind: 'dispatch';
  /**
   * On a ticket's first dispatch only: the channel its report came in by, so each report counts
   * once, on the day and for the unit it was first dispatched to; null (or absent, on entries
   * stored before reports were counted) on later dispatches.
   */
  reportChannel?: ReportChannel | null;
  signed: boolean;
  signedOnTime: boolean;
  /** Seconds from dispatch to signing. */
  ackSeconds: number | null;
  /** The fix deadline came: fixed, or lapsed unfixed. */
  due: boolean;
  fixedOnTime: boolean;
  /** Seconds from signing to the latest fix. */
  resolveSeconds: number | null;
  fixed: boolean;
  returned: boolean;
  extensionRequested: boolean;
  reworks: number;
}

export interface ClosureEntry extends EntryBase {
  kind: 'closure';
  standing: boolean;
}

export interface RatingEntry extends EntryBase {
  kind: 'rating';
  rating: Rating;
}

/** Every entry a ticket contributes, derived from its fact (pure; recomputed after each event). */
export function kpiEntriesOf(fact: TicketFact): KpiEntry[] {
  const base = { category: fact.category, areaIds: fact.areaIds };
  const entries: KpiEntry[] = [];
  fact.assignments.forEach((a, i) => {
    const fixed = a.resolvedAt !== null;
    entries.push({
      ...base,
      kind: 'dispatch',
      key: `${fact.ticketId}_d${i}`,
      day: reportDay(a.dispatchedAt),
      unitId: a.unitId,
      reportChannel: i === 0 ? reportChannelOf(fact) : null,
      signed: a.signedAt !== null,
      signedOnTime: a.signedAt !== null && (a.ackDueAt === null || a.signedAt <= a.ackDueAt),
      ackSeconds: a.signedAt === null ? null : seconds(a.dispatchedAt, a.signedAt),
      due: fixed || a.resolveBreachedAt !== null,
      fixedOnTime: fixed && a.fixedOnTime === true,
      resolveSeconds: fixed && a.signedAt !== null ? seconds(a.signedAt, a.resolvedAt!) : null,
      fixed: fixed || a.reworks > 0,
      returned: a.returnRequested,
      extensionRequested: a.extensionRequested,
      reworks: a.reworks,
    });
  });
  fact.closures.forEach((c, i) => {
    entries.push({
      ...base,
      kind: 'closure',
      key: `${fact.ticketId}_c${i}`,
      day: reportDay(c.at),
      unitId: c.unitId,
      standing: c.standing,
    });
  });
  fact.ratings.forEach((r, i) => {
    entries.push({
      ...base,
      kind: 'rating',
      key: `${fact.ticketId}_r${i}`,
      day: reportDay(r.at),
      unitId: r.unitId,
      rating: r.rating,
    });
  });
  return entries;
}

function seconds(fromIso: string, toIso: string): number {
  return Math.max(0, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 1000));
}
