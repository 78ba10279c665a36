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
import { AppError } from '@grid-dispatch/errors';
import type { KpiStamps } from '@grid-dispatch/redis';
import { InFlight } from './in-flight';
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

/** A stored summary as read: the stamp it was built for, when, and its cells parsed. */
interface StoredSummary {
  stamp: string;
  builtAt: number;
  cells: KpiCell[];
}

export interface CellsOptions {
  /**
   * How long this reader may wait for summaries being rebuilt from ticket records (default: as
   * long as it takes). A rebuild it started goes on after it stops waiting and is saved; what it
   * did not start is left to the refresher.
   */
  rebuildBudgetMs?: number;
  /**
   * How long after it was built a summary that later events made stale may still be served as it
   * is (default 0: never), while the refresher brings it up to date. On a busy day every report
   * renews today's stamps; with this, a reader takes the refresher's last build of today instead
   * of rebuilding the day itself on every request.
   */
  staleForMs?: number;
}

/**
 * How many stale days of a month a reader with a time budget brings up to date itself; a month
 * with more (never summarised, or its stamps lost with Redis) is the refresher's to rebuild.
 */
const READER_STALE_DAYS = 3;

/** From how many days of one month a period's days are read with one query for the month. */
const MANY_DAYS_OF_A_MONTH = 4;

/** How many summaries of a period are read, or rebuilt without a time budget, at once. */
const REBUILD_CONCURRENCY = 16;
/**
 * How many days of a month are rebuilt at once: each reads a day's ticket records, and more at
 * once would hold the database from everyone else while a cold year is summarised.
 */
const DAY_REBUILD_CONCURRENCY = 4;
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
  /** A month's stored day summaries being read, by month: concurrent readers share the read. */
  private readonly readingDays = new InFlight<Map<string, StoredSummary>>();
  /**
   * Rebuilds under way in this process, by summary and stamp: concurrent readers (and the
   * refresher) share one, and it runs to the end and is saved even when a reader stops waiting.
   */
  private readonly rebuilding = new InFlight<KpiCell[]>();

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
   *
   * With `rebuildBudgetMs`, a reader rebuilds from ticket records only what fits in that time
   * (today's changes, a day the refresher has not reached yet). A period that needs more — never
   * summarised, or summaries whose stamps Redis lost — keeps what was rebuilt, is handed to the
   * refresher, and the reader is told at once how much is ready and when to ask again
   * (`KPI_PREPARING`, 503 with Retry-After), rather than holding the request for seconds while a
   * year is rebuilt day by day. Each such request moves the rebuild on too.
   */
  async cells(scope: string, from: string, to: string, options: CellsOptions = {}): Promise<KpiCell[]> {
    return (await this.period(scope, from, to, options)).cells;
  }

  /**
   * `cells`, and which build of each summary they come from (`version`): two answers of the
   * same version are the same, so a report built from the first serves the second too.
   */
  async period(
    scope: string,
    from: string,
    to: string,
    options: CellsOptions = {},
  ): Promise<{ cells: KpiCell[]; version: string }> {
    const { months, days } = periodPieces(from, to, reportDay(new Date().toISOString()));
    const periods = [...months, ...days];
    const ids = periods.map((period) => kpiBucketId(scope, period));
    const stamps = await this.stamps.current(ids);
    const staleForMs = options.staleForMs ?? 0;
    const stored = await this.storedDaysOfMonths(
      scope,
      days,
      ids.slice(months.length),
      stamps.slice(months.length),
    );
    const current = await limited(ids, REBUILD_CONCURRENCY, (id, i) =>
      this.currentCells(id, stamps[i]!, staleForMs, stored),
    );
    const budgeted = options.rebuildBudgetMs !== undefined;
    const stopAt = Date.now() + (options.rebuildBudgetMs ?? Number.POSITIVE_INFINITY);
    // Within a budget, one piece at a time, and none started once the time is up: a cold year
    // must not set hundreds of queries going in the reader's process.
    const builds = current.map((c) => c?.stamp);
    const parts = await limited(ids, budgeted ? 1 : REBUILD_CONCURRENCY, async (id, i) => {
      if (current[i]) return current[i].cells;
      if (Date.now() >= stopAt) return undefined;
      // A month with many stale days takes seconds: in the refresher's process, not the reader's.
      if (budgeted && i < months.length) {
        const { stale } = await this.monthDays(scope, months[i]!);
        if (stale.length > READER_STALE_DAYS) return undefined;
      }
      const rebuild =
        i < months.length
          ? this.rebuilding.run(`${id} ${stamps[i]}`, () => this.rebuildMonth(scope, months[i]!, stamps[i]!))
          : this.rebuilding.run(`${id} ${stamps[i]}`, async () => {
              const [cells] = await this.rebuildDays(scope, [days[i - months.length]!], [stamps[i]!]);
              return cells!;
            });
      const cells = budgeted ? await settledBy(rebuild, stopAt) : await rebuild;
      if (cells) this.remember(id, stamps[i]!, cells);
      builds[i] = stamps[i];
      return cells;
    });
    const missing = periods.filter((_, i) => parts[i] === undefined);
    if (missing.length > 0) {
      // The refresher rebuilds whole months, and a month's rebuild rebuilds its stale days.
      await this.stamps.markStale([...new Set(missing.map((p) => kpiBucketId(scope, p.slice(0, 7))))]);
      throw preparing(periods.length - missing.length, periods.length, missing);
    }
    return { cells: (parts as KpiCell[][]).flat(), version: builds.join(' ') };
  }

  /**
   * A summary's cells and the stamp they were built for, when the stored one is current
   * (remembered, or read), or stale but built within `staleForMs`; else undefined.
   */
  private async currentCells(
    id: string,
    stamp: string,
    staleForMs: number,
    stored: ReadonlyMap<string, StoredSummary | null>,
  ): Promise<{ cells: KpiCell[]; stamp: string } | undefined> {
    const remembered = this.recent.get(id);
    if (remembered?.stamp === stamp) return remembered;
    // Current, or stale but built within the window the caller allows.
    const usable = (summary: Pick<KpiSummaryDoc, 'stamp' | 'builtAt'> | null | undefined) =>
      summary != null && (summary.stamp === stamp || (summary.builtAt ?? 0) >= Date.now() - staleForMs);
    if (stored.has(id)) {
      const summary = stored.get(id);
      if (!usable(summary)) return undefined;
      this.remember(id, summary!.stamp, summary!.cells);
      return summary!;
    }
    if (staleForMs > 0 && remembered) {
      // The stored stamp first: a stale summary already remembered needs no cells read again.
      const head = await this.models.kpiSummaries.findById(id, { stamp: 1, builtAt: 1 }).lean().exec();
      if (!usable(head)) return undefined;
      if (remembered?.stamp === head!.stamp) return remembered;
    }
    const summary = await this.models.kpiSummaries
      .findById(id, { stamp: 1, cellsJson: 1, builtAt: 1 })
      .lean()
      .exec();
    if (!usable(summary)) return undefined;
    const cells = cellsIn(summary!);
    this.remember(id, summary!.stamp, cells);
    return { cells, stamp: summary!.stamp };
  }

  /**
   * The stored day summaries of the months of which a period takes many days (a year that does
   * not start on the 1st), each month's read with one indexed query rather than a read per day,
   * and shared by the readers that want it at the same moment; by id, null for a day not
   * stored. Days already remembered as current are not asked for.
   */
  private async storedDaysOfMonths(
    scope: string,
    days: readonly string[],
    ids: readonly string[],
    stamps: readonly string[],
  ): Promise<Map<string, StoredSummary | null>> {
    const wanted = new Map<string, string[]>();
    days.forEach((day, i) => {
      if (this.recent.get(ids[i]!)?.stamp === stamps[i]) return;
      const month = day.slice(0, 7);
      wanted.set(month, [...(wanted.get(month) ?? []), ids[i]!]);
    });
    const stored = new Map<string, StoredSummary | null>();
    const months = [...wanted].filter(([, monthIds]) => monthIds.length >= MANY_DAYS_OF_A_MONTH);
    await Promise.all(
      months.map(async ([month, monthIds]) => {
        const byId = await this.readingDays.run(kpiBucketId(scope, month), async () => {
          const docs = await this.models.kpiSummaries
            .find({ month: kpiBucketId(scope, month) }, { stamp: 1, cellsJson: 1, builtAt: 1 })
            .lean()
            .exec();
          return new Map(
            docs.map((d) => [d._id, { stamp: d.stamp, builtAt: d.builtAt ?? 0, cells: cellsIn(d) }]),
          );
        });
        for (const id of monthIds) stored.set(id, byId.get(id) ?? null);
      }),
    );
    return stored;
  }

  /** Keeps a summary's parsed cells for the next reader, the least recently used dropped first. */
  private remember(id: string, stamp: string, cells: KpiCell[]): void {
    this.recent.delete(id);
    this.recent.set(id, { stamp, cells });
    if (this.recent.size > REMEMBERED_SUMMARIES) this.recent.delete(this.recent.keys().next().value!);
  }

  /**
   * Rebuilds the summaries renewed since the last call (up to `count` of them), so that a
   * dashboard's next question finds them current. Answers the scopes whose months were rebuilt.
   */
  async refreshStale(count = 500): Promise<string[]> {
    const ids = await this.stamps.takeStale(count);
    // A renewed day always comes with its month: rebuilding the month rebuilds its stale days.
    const months = new Set(ids.filter((id) => /\|\d{4}-\d{2}$/.test(id)));
    const scopes = new Set<string>();
    // One month at a time (its days DAY_REBUILD_CONCURRENCY at a time): the requests of everyone
    // else share the database with this.
    await limited([...months], 1, async (id) => {
      const cut = id.lastIndexOf('|');
      const { from, to } = monthDays(id.slice(cut + 1));
      await this.cells(id.slice(0, cut), from, to);
      scopes.add(id.slice(0, cut));
    });
    return [...scopes];
  }

  /**
   * A month's day summaries as stored (with their cells when `withCells`), and which of its days
   * are stale (their indexes).
   */
  private async monthDays(scope: string, month: string, withCells = false) {
    const { from, to } = monthDays(month);
    const days = daysBetween(from, to);
    const ids = days.map((day) => kpiBucketId(scope, day));
    const [stamps, stored] = await Promise.all([
      this.stamps.current(ids),
      this.models.kpiSummaries
        .find({ month: kpiBucketId(scope, month) }, withCells ? { stamp: 1, cellsJson: 1 } : { stamp: 1 })
        .lean()
        .exec(),
    ]);
    const current = new Map(stored.map((s) => [s._id, s]));
    const stale = ids.flatMap((id, i) => (current.get(id)?.stamp === stamps[i] ? [] : [i]));
    return { days, ids, stamps, current, stale };
  }

  /** A month's cells from its day summaries, rebuilding the days that changed. */
  private async rebuildMonth(scope: string, month: string, stamp: string): Promise<KpiCell[]> {
    const { days, ids, stamps, current, stale } = await this.monthDays(scope, month, true);
    const rebuilt = await this.rebuildDays(
      scope,
      stale.map((i) => days[i]!),
      stale.map((i) => stamps[i]!),
    );
    const fresh = new Map(stale.map((i, j) => [ids[i]!, rebuilt[j]!]));
    const cells = mergeCells(ids.flatMap((id) => fresh.get(id) ?? cellsIn(current.get(id)!)));
    await this.save([
      {
        _id: kpiBucketId(scope, month),
        month: null,
        stamp,
        cellsJson: JSON.stringify(cells),
        builtAt: Date.now(),
      },
    ]);
    return cells;
  }

  /** Days' cells from the ticket records of their buckets (an indexed equality each), saved. */
  private async rebuildDays(scope: string, days: string[], stamps: string[]): Promise<KpiCell[][]> {
    const built = await limited(days, DAY_REBUILD_CONCURRENCY, async (day) => {
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
        builtAt: Date.now(),
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

/**
 * The answer to a reader whose period is not summarised yet: how much is ready, and when to ask
 * again (a month still to rebuild takes about a second on a 2-core machine, a day a few dozen ms).
 */
function preparing(ready: number, total: number, missing: readonly string[]): AppError {
  const months = missing.filter((p) => p.length === 7).length;
  const seconds = Math.min(30, Math.max(1, Math.ceil(months + (missing.length - months) / 30)));
  return new AppError(
    'KPI_PREPARING',
    `The figures for this period are being summarised (${ready} of ${total} parts ready); ask again in ${seconds} s.`,
    { retryAfterSeconds: seconds },
  );
}

/**
 * The rebuild's cells if it settles by `stopAt`, else undefined; it goes on either way (its
 * failure after the reader stopped waiting is the refresher's to retry, not an unhandled error).
 */
async function settledBy(rebuild: Promise<KpiCell[]>, stopAt: number): Promise<KpiCell[] | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), Math.max(0, stopAt - Date.now()));
  });
  rebuild.catch(() => undefined);
  try {
    return await Promise.race([rebuild, late]);
  } finally {
    clearTimeout(timer);
  }
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
