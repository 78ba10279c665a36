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
import type { TicketLock } from './ticket-lock';

/** The scopes an entry is counted in: every area of its ticket, and its unit. */
export function scopesOf(entry: Pick<KpiEntry, 'areaIds' | 'unitId'>): string[] {
  return [...entry.areaIds.map((id) => `area:${id}`), ...(entry.unitId ? [`unit:${entry.unitId}`] : [])];
}

/**
 * The KPI projection's storage: per ticket, its folded fact; per (scope, day), a bucket of entries.
 * Writes are idempotent (facts skip old versions, entries are set by key), so a redelivered event
 * or a crash between the two writes leaves the same figures.
 */
export class KpiStore {
  constructor(
    private readonly models: Pick<Models, 'ticketFacts' | 'kpiBuckets'>,
    /** FerretDB updates are read-then-write: concurrent `$set`s on one bucket need a lock. */
    private readonly lock: TicketLock,
  ) {}

  /** Folds one event in; answers the scopes whose figures changed (empty when none did). */
  async project(event: KpiEvent): Promise<string[]> {
    if (!affectsKpis(event)) return [];
    const stored = await this.models.ticketFacts.findById(event.ticketId).lean();
    const before = stored?.fact ?? emptyTicketFact(event.ticketId);
    const after = foldTicketFact(before, event);
    if (after === before) return [];

    const previous = new Map(kpiEntriesOf(before).map((e) => [e.key, JSON.stringify(e)]));
    const changed = kpiEntriesOf(after).filter((e) => previous.get(e.key) !== JSON.stringify(e));
    const byBucket = new Map<string, Record<string, unknown>>();
    for (const entry of changed) {
      const { key, day, ...rest } = entry;
      // An entry moves scope only when the ticket's areas change (an admin redraws a grid):
      // it is then counted where it stands now; the old bucket keeps its last figures.
      for (const scope of scopesOf(entry)) {
        const id = kpiBucketId(scope, day);
        const set = byBucket.get(id) ?? {};
        set[`entries.${key}`] = rest;
        byBucket.set(id, set);
      }
    }
    await Promise.all(
      [...byBucket].map(([id, set]) =>
        this.lock.withLock(`kpi:${id}`, () =>
          this.models.kpiBuckets.updateOne({ _id: id }, { $set: set }, { upsert: true }),
        ),
      ),
    );
    await this.models.ticketFacts.replaceOne({ _id: event.ticketId }, { fact: after }, { upsert: true });
    return [...new Set(changed.flatMap(scopesOf))];
  }

  /** Every entry of one scope over some days, read bucket by bucket by `_id`. */
  async entries(scope: string, days: readonly string[]): Promise<KpiEntry[]> {
    const entries: KpiEntry[] = [];
    const BATCH = 32;
    for (let i = 0; i < days.length; i += BATCH) {
      const batch = days.slice(i, i + BATCH);
      const docs = await Promise.all(
        batch.map((day) => this.models.kpiBuckets.findById(kpiBucketId(scope, day)).lean()),
      );
      docs.forEach((doc, j) => {
        if (!doc) return;
        for (const [key, rest] of Object.entries(doc.entries ?? {})) {
          entries.push({ ...(rest as Omit<KpiEntry, 'key' | 'day'>), key, day: batch[j]! } as KpiEntry);
        }
      });
    }
    return entries;
  }
}
