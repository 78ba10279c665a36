import {
  affectsKpis,
  emptyTicketFact,
  foldTicketFact,
  type KpiEntry,
  type KpiEvent,
  kpiEntriesOf,
} from '@grid-dispatch/domain';
import type { Models } from './models';
import { kpiBucketId } from './models/kpi.model';

/** The scopes an entry is counted in: every area of its ticket, and its unit. */
export function scopesOf(entry: Pick<KpiEntry, 'areaIds' | 'unitId'>): string[] {
  return [...entry.areaIds.map((id) => `area:${id}`), ...(entry.unitId ? [`unit:${entry.unitId}`] : [])];
}

/** Every `<scope>|<day>` bucket the entries count in. */
export function bucketsOf(entries: readonly KpiEntry[]): string[] {
  return [...new Set(entries.flatMap((e) => scopesOf(e).map((scope) => kpiBucketId(scope, e.day))))];
}

/**
 * The KPI projection's storage: one document per ticket holding its folded fact and the buckets
 * its entries count in. A KPI event costs one read and at most one write, of that ticket's own
 * document: events of different tickets never touch the same document, so there is nothing to
 * lock and no conflict to lose an event to, however many consumers write at once. Idempotent:
 * a redelivered or older event leaves the fact as it is (its version is checked).
 */
export class KpiStore {
  constructor(private readonly models: Pick<Models, 'kpiTickets'>) {}

  /** Folds one event in; answers the scopes whose figures changed (empty when none did). */
  async project(event: KpiEvent): Promise<string[]> {
    if (!affectsKpis(event)) return [];
    const stored = await this.models.kpiTickets.findById(event.ticketId, { fact: 1 }).lean();
    const before = stored?.fact ?? emptyTicketFact(event.ticketId);
    const after = foldTicketFact(before, event);
    if (after === before) return [];

    const beforeEntries = kpiEntriesOf(before);
    const previous = new Map(beforeEntries.map((e) => [e.key, JSON.stringify(e)]));
    const entries = kpiEntriesOf(after);
    const changed = entries.filter((e) => previous.get(e.key) !== JSON.stringify(e));
    await this.models.kpiTickets.replaceOne(
      { _id: event.ticketId },
      { fact: after, buckets: bucketsOf(entries) },
      { upsert: true },
    );
    // An entry that moved (the ticket's areas changed) also changes the scopes it left.
    const changedKeys = new Set(changed.map((e) => e.key));
    const left = beforeEntries.filter((e) => changedKeys.has(e.key));
    return [...new Set([...changed, ...left].flatMap(scopesOf))];
  }

  /** Every entry of one scope over some days, read bucket by bucket (an indexed equality each). */
  async entries(scope: string, days: readonly string[]): Promise<KpiEntry[]> {
    const entries: KpiEntry[] = [];
    const BATCH = 32;
    for (let i = 0; i < days.length; i += BATCH) {
      const batch = days.slice(i, i + BATCH);
      const perDay = await Promise.all(
        batch.map((day) =>
          this.models.kpiTickets
            .find({ buckets: kpiBucketId(scope, day) }, { fact: 1 })
            .lean()
            .exec(),
        ),
      );
      perDay.forEach((docs, j) => {
        const day = batch[j]!;
        for (const doc of docs) {
          for (const entry of kpiEntriesOf(doc.fact)) {
            if (entry.day === day && scopesOf(entry).includes(scope)) entries.push(entry);
          }
        }
      });
    }
    return entries;
  }
}
