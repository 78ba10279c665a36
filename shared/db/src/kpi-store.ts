import {
  affectsKpis,
  cellsOf,
  daysBetween,
  emptyTicketFact,
  foldTicketFact,
  type KpiCell,
  type KpiEntry,
  type KpiEvent,
  kpiEntriesOf,
  mergeCells,
  monthDays,
  periodPieces,
  reportDay,
} from '@grid-dispatch/domain';
import type { KpiStamps } from './kpi-stamps';
import type { Models } from './models';
import { factOf, type KpiSummaryDoc, kpiBucketId } from './models/kpi.model';

/** The scopes an entry is counted in: every area of its ticket, and its unit. */
export function scopesOf(entry: Pick<KpiEntry, 'areaIds' | 'unitId'>): string[] {
  return [...entry.areaIds.map((id) => `area:${id}`), ...(entry.unitId ? [`unit:${entry.unitId}`] : [])];
}

/** Every `<scope>|<day>` bucket the entries count in. */
export function bucketsOf(entries: readonly KpiEntry[]): string[] {
  return [...new Set(entries.flatMap((e) => scopesOf(e).map((scope) => kpiBucketId(scope, e.day))))];
}

/** Every day and month summary the entries count in: what a change to them makes stale. */
export function summariesOf(entries: readonly KpiEntry[]): string[] {
  const ids = entries.flatMap((e) =>
    scopesOf(e).flatMap((scope) => [kpiBucketId(scope, e.day), kpiBucketId(scope, e.day.slice(0, 7))]),
  );
  return [...new Set(ids)];
}

/** How many day summaries are rebuilt from ticket records at once (each one indexed query). */
const REBUILD_CONCURRENCY = 16;
/** How many parsed summaries a process keeps (a district's month is about 100 KB parsed). */
const REMEMBERED_SUMMARIES = 1000;

/**
 * The KPI projection's storage: one document per ticket holding its folded fact and the buckets
 * its entries count in. A KPI event costs one read and at most one write, of that ticket's own
 * document: events of different tickets never touch the same document, so there is nothing to
 * lock and no conflict to lose an event to, however many consumers write at once. Idempotent:
 * a redelivered or older event leaves the fact as it is (its version is checked).
 *
 * Periods are read from summaries (see `KpiSummaryDoc`): a day's cells built from its bucket's
 * ticket records, a month's from its days, each kept until a change to one of its entries renews
 * its stamp. A year is then 12 month summaries, and only the days that changed since they were
 * last read go back to the ticket records.
 */
export class KpiStore {
  /**
   * Summaries read lately, parsed, by id: a dashboard asks for the same months again and again,
   * and a summary whose stamp has not moved needs neither a database read nor parsing.
   */
  private readonly recent = new Map<string, { stamp: string; cells: KpiCell[] }>();
  /** Month rebuilds under way in this process: concurrent readers of one month share one. */
  private readonly rebuilding = new Map<string, Promise<KpiCell[]>>();

  constructor(
    private readonly models: Pick<Models, 'kpiTickets' | 'kpiSummaries'>,
    private readonly stamps: KpiStamps,
  ) {}

  /** Folds one event in; answers the scopes whose figures changed (empty when none did). */
  async project(event: KpiEvent): Promise<string[]> {
    if (!affectsKpis(event)) return [];
    const stored = await this.models.kpiTickets.findById(event.ticketId, { factJson: 1, fact: 1 }).lean();
    const before = stored ? factOf(stored) : emptyTicketFact(event.ticketId);
    if (stored && event.ticketVersion === before.version) {
      // The last event folded in, delivered again: its write may have landed without the stamps
      // renewed after it (a crash in between), so renew them now. Renewing twice costs nothing.
      await this.stamps.renew(summariesOf(kpiEntriesOf(before)));
      return [];
    }
    const after = foldTicketFact(before, event);
    if (after === before) return [];

    const beforeEntries = kpiEntriesOf(before);
    const previous = new Map(beforeEntries.map((e) => [e.key, JSON.stringify(e)]));
    const entries = kpiEntriesOf(after);
    const changed = entries.filter((e) => previous.get(e.key) !== JSON.stringify(e));
    await this.models.kpiTickets.replaceOne(
      { _id: event.ticketId },
      { version: after.version, factJson: JSON.stringify(after), buckets: bucketsOf(entries) },
      { upsert: true },
    );
    // An entry that moved (the ticket's areas changed) also changes the scopes it left.
    const changedKeys = new Set(changed.map((e) => e.key));
    const touched = [...changed, ...beforeEntries.filter((e) => changedKeys.has(e.key))];
    // After the write, so a summary built in between is stale again.
    await this.stamps.renew(summariesOf(touched));
    return [...new Set(touched.flatMap(scopesOf))];
  }

  /**
   * The cells of one scope over a period (reporting days, inclusive), a period's summaries side
   * by side: the same cell may come once per month, which every grouping adds up anyway.
   */
  async cells(scope: string, from: string, to: string): Promise<KpiCell[]> {
    const { months, days } = periodPieces(from, to, reportDay(new Date().toISOString()));
    const ids = [...months, ...days].map((period) => kpiBucketId(scope, period));
    const stamps = await this.stamps.current(ids);
    const parts = await limited(ids, REBUILD_CONCURRENCY, async (id, i) => {
      const remembered = this.recent.get(id);
      if (remembered?.stamp === stamps[i]) return remembered.cells;
      const summary = await this.models.kpiSummaries.findById(id, { stamp: 1, cellsJson: 1 }).lean().exec();
      const cells =
        summary && summary.stamp === stamps[i]
          ? cellsIn(summary)
          : i < months.length
            ? await this.rebuildMonthOnce(scope, months[i]!, stamps[i]!)
            : (await this.rebuildDays(scope, [days[i - months.length]!], [stamps[i]!]))[0]!;
      this.remember(id, stamps[i]!, cells);
      return cells;
    });
    return parts.flat();
  }

  /** Keeps a summary's parsed cells for the next reader, the least recently used dropped first. */
  private remember(id: string, stamp: string, cells: KpiCell[]): void {
    this.recent.delete(id);
    this.recent.set(id, { stamp, cells });
    if (this.recent.size > REMEMBERED_SUMMARIES) this.recent.delete(this.recent.keys().next().value!);
  }

  /**
   * Rebuilds the summaries renewed since the last call (up to `count` of them), so that a
   * dashboard's next question finds them current. Answers how many months were rebuilt.
   */
  async refreshStale(count = 500): Promise<number> {
    const ids = await this.stamps.takeStale(count);
    // A renewed day always comes with its month: rebuilding the month rebuilds its stale days.
    const months = new Set(ids.filter((id) => /\|\d{4}-\d{2}$/.test(id)));
    await limited([...months], 4, async (id) => {
      const cut = id.lastIndexOf('|');
      const { from, to } = monthDays(id.slice(cut + 1));
      await this.cells(id.slice(0, cut), from, to);
    });
    return months.size;
  }

  private rebuildMonthOnce(scope: string, month: string, stamp: string): Promise<KpiCell[]> {
    const key = `${kpiBucketId(scope, month)} ${stamp}`;
    let pending = this.rebuilding.get(key);
    if (!pending) {
      pending = this.rebuildMonth(scope, month, stamp).finally(() => this.rebuilding.delete(key));
      this.rebuilding.set(key, pending);
    }
    return pending;
  }

  /** A month's cells from its day summaries, rebuilding the days that changed. */
  private async rebuildMonth(scope: string, month: string, stamp: string): Promise<KpiCell[]> {
    const { from, to } = monthDays(month);
    const days = daysBetween(from, to);
    const ids = days.map((day) => kpiBucketId(scope, day));
    const stamps = await this.stamps.current(ids);
    const stored = await this.models.kpiSummaries
      .find({ month: kpiBucketId(scope, month) }, { stamp: 1, cellsJson: 1 })
      .lean()
      .exec();
    const current = new Map(stored.map((s) => [s._id, s]));
    const stale = ids.flatMap((id, i) => (current.get(id)?.stamp === stamps[i] ? [] : [i]));
    const rebuilt = await this.rebuildDays(
      scope,
      stale.map((i) => days[i]!),
      stale.map((i) => stamps[i]!),
    );
    const fresh = new Map(stale.map((i, j) => [ids[i]!, rebuilt[j]!]));
    const cells = mergeCells(ids.flatMap((id) => fresh.get(id) ?? cellsIn(current.get(id)!)));
    await this.save([
      { _id: kpiBucketId(scope, month), month: null, stamp, cellsJson: JSON.stringify(cells) },
    ]);
    return cells;
  }

  /** Days' cells from the ticket records of their buckets (an indexed equality each), saved. */
  private async rebuildDays(scope: string, days: string[], stamps: string[]): Promise<KpiCell[][]> {
    const built = await limited(days, REBUILD_CONCURRENCY, async (day) => {
      const docs = await this.models.kpiTickets
        .find({ buckets: kpiBucketId(scope, day) }, { factJson: 1, fact: 1 })
        .lean()
        .exec();
      const entries = docs.flatMap((doc) =>
        kpiEntriesOf(factOf(doc)).filter((e) => e.day === day && scopesOf(e).includes(scope)),
      );
      return cellsOf(entries.map((e) => atScope(e, scope)));
    });
    await this.save(
      days.map((day, i) => ({
        _id: kpiBucketId(scope, day),
        month: kpiBucketId(scope, day.slice(0, 7)),
        stamp: stamps[i]!,
        cellsJson: JSON.stringify(built[i]!),
      })),
    );
    return built;
  }

  private async save(summaries: KpiSummaryDoc[]): Promise<void> {
    if (summaries.length === 0) return;
    await this.models.kpiSummaries.bulkWrite(
      summaries.map((s) => ({ replaceOne: { filter: { _id: s._id }, replacement: s, upsert: true } })),
      { ordered: false },
    );
  }
}

/**
 * An entry as a scope's summary keeps it. An area scope's report filters on the area itself and
 * drills down one level, so the path below that level is dropped: a district's cells then number
 * its units × categories × subdistricts, not × every grid. A unit's summary keeps the whole
 * path, because a unit member may ask for any area of theirs.
 */
function atScope(entry: KpiEntry, scope: string): KpiEntry {
  if (!scope.startsWith('area:')) return entry;
  const at = entry.areaIds.indexOf(scope.slice('area:'.length));
  return at > 1 ? { ...entry, areaIds: entry.areaIds.slice(at - 1) } : entry;
}

function cellsIn(summary: Pick<KpiSummaryDoc, 'cellsJson'>): KpiCell[] {
  return JSON.parse(summary.cellsJson) as KpiCell[];
}

/** Maps with at most `concurrency` calls in flight, keeping the order. */
async function limited<T, R>(
  items: readonly T[],
  concurrency: number,
  map: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await map(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
