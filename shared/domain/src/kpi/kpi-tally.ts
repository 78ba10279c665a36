import type { KpiEntry, ReportChannel } from './kpi-entries';

export interface KpiCounts {
  dispatched: number;
  signed: number;
  signedOnTime: number;
  due: number;
  fixedOnTime: number;
  fixed: number;
  closed: number;
  solved: number;
  rated: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  returned: number;
  extended: number;
  reworked: number;
  /** Reports by the channel they came in by, each counted at its first dispatch. */
  reportsWeb: number;
  reportsOpen311: number;
  reportsHotline: number;
}

/**
 * A multiset of whole seconds: each distinct value once, ascending, beside how many times it
 * occurs. Two flat lists rather than pairs, because FerretDB stores no arrays inside arrays.
 */
export interface SecondsMultiset {
  seconds: number[];
  counts: number[];
}

/**
 * Everything the figures of some entries are computed from, in a form that adds up: counts, and
 * every time-to-sign and time-to-fix kept exactly (as multisets), so a percentile over the sum of
 * two tallies equals the percentile over their entries together. A day's or a month's tally is
 * therefore as good as its entries.
 */
export interface KpiTally {
  counts: KpiCounts;
  ackSeconds: SecondsMultiset;
  resolveSeconds: SecondsMultiset;
}

export function emptyCounts(): KpiCounts {
  return {
    dispatched: 0,
    signed: 0,
    signedOnTime: 0,
    due: 0,
    fixedOnTime: 0,
    fixed: 0,
    closed: 0,
    solved: 0,
    rated: 0,
    satisfied: 0,
    basicallySatisfied: 0,
    dissatisfied: 0,
    returned: 0,
    extended: 0,
    reworked: 0,
    reportsWeb: 0,
    reportsOpen311: 0,
    reportsHotline: 0,
  };
}

const COUNT_KEYS = Object.keys(emptyCounts()) as ReadonlyArray<keyof KpiCounts>;

/** Where each channel's reports are counted. */
export const REPORT_COUNT_KEY: Readonly<Record<ReportChannel, keyof KpiCounts>> = {
  web: 'reportsWeb',
  open311: 'reportsOpen311',
  hotline: 'reportsHotline',
};

/** The tally of some entries. Pure and order-independent. */
export function tallyOf(entries: readonly KpiEntry[]): KpiTally {
  const counts = emptyCounts();
  const ack = new Map<number, number>();
  const fix = new Map<number, number>();
  for (const e of entries) {
    if (e.kind === 'dispatch') {
      counts.dispatched += 1;
      if (e.signed) counts.signed += 1;
      if (e.signedOnTime) counts.signedOnTime += 1;
      if (e.due) counts.due += 1;
      if (e.fixedOnTime) counts.fixedOnTime += 1;
      if (e.fixed) counts.fixed += 1;
      if (e.returned) counts.returned += 1;
      if (e.extensionRequested) counts.extended += 1;
      if (e.reworks > 0) counts.reworked += 1;
      if (e.reportChannel) counts[REPORT_COUNT_KEY[e.reportChannel]] += 1;
      if (e.ackSeconds !== null) ack.set(e.ackSeconds, (ack.get(e.ackSeconds) ?? 0) + 1);
      if (e.resolveSeconds !== null) fix.set(e.resolveSeconds, (fix.get(e.resolveSeconds) ?? 0) + 1);
    } else if (e.kind === 'closure') {
      counts.closed += 1;
      if (e.standing) counts.solved += 1;
    } else {
      counts.rated += 1;
      if (e.rating === 'satisfied') counts.satisfied += 1;
      else if (e.rating === 'basically_satisfied') counts.basicallySatisfied += 1;
      else counts.dissatisfied += 1;
    }
  }
  return { counts, ackSeconds: multisetOf(ack), resolveSeconds: multisetOf(fix) };
}

/** The sum of some tallies: what the tally of all their entries together would be. */
export function sumTallies(tallies: readonly KpiTally[]): KpiTally {
  return {
    counts: sumCounts(tallies),
    ackSeconds: sumMultisets(tallies.map((t) => t.ackSeconds)),
    resolveSeconds: sumMultisets(tallies.map((t) => t.resolveSeconds)),
  };
}

/** The counts of some tallies added up (a key at a time: the loop over tallies stays monomorphic). */
export function sumCounts(tallies: readonly KpiTally[]): KpiCounts {
  const counts = emptyCounts();
  for (const key of COUNT_KEYS) {
    let sum = 0;
    for (const t of tallies) sum += t.counts[key] ?? 0;
    counts[key] = sum;
  }
  return counts;
}

/**
 * The sum of sorted multisets, merged pairwise like a merge sort: n·log k steps over plain
 * arrays (a month of a district is some 2,000 of them), several times faster than hashing.
 */
function sumMultisets(lists: SecondsMultiset[]): SecondsMultiset {
  if (lists.length === 0) return { seconds: [], counts: [] };
  let level = lists;
  while (level.length > 1) {
    const next: SecondsMultiset[] = [];
    for (let i = 0; i < level.length; i += 2) {
      next.push(i + 1 < level.length ? mergeTwo(level[i]!, level[i + 1]!) : level[i]!);
    }
    level = next;
  }
  return level[0]!;
}

function mergeTwo(a: SecondsMultiset, b: SecondsMultiset): SecondsMultiset {
  const seconds: number[] = [];
  const counts: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.seconds.length || j < b.seconds.length) {
    const x = i < a.seconds.length ? a.seconds[i]! : Number.POSITIVE_INFINITY;
    const y = j < b.seconds.length ? b.seconds[j]! : Number.POSITIVE_INFINITY;
    if (x === y) {
      seconds.push(x);
      counts.push(a.counts[i++]! + b.counts[j++]!);
    } else if (x < y) {
      seconds.push(x);
      counts.push(a.counts[i++]!);
    } else {
      seconds.push(y);
      counts.push(b.counts[j++]!);
    }
  }
  return { seconds, counts };
}

/** How many value ranges `percentilesOfSum` counts occurrences in, at most. */
const SELECTION_RANGES = 4096;

/**
 * Nearest-rank percentiles of several multisets taken together (for each p, the value at rank
 * ⌈p·n⌉ of all their values sorted), or undefined when they are empty: what `percentile` gives
 * for the values listed one by one. The multisets are not merged: one pass counts the
 * occurrences in equal value ranges, a second looks only at the values of the range a rank falls
 * in. Merging a year of a district's cells (some 2,000 multisets, 50,000 values) for each
 * grouping of a report took about a hundred milliseconds; this takes a few.
 */
export function percentilesOfSum(
  lists: readonly SecondsMultiset[],
  ps: readonly number[],
): Array<number | undefined> {
  let total = 0;
  let distinct = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const { seconds, counts } of lists) {
    if (seconds.length === 0) continue;
    for (const n of counts) total += n;
    distinct += seconds.length;
    min = Math.min(min, seconds[0]!);
    max = Math.max(max, seconds[seconds.length - 1]!);
  }
  if (total === 0) return ps.map(() => undefined);
  const ranges = Math.min(SELECTION_RANGES, Math.ceil(distinct / 4));
  const width = Math.max(1, Math.ceil((max - min + 1) / ranges));
  const inRange = new Float64Array(ranges);
  for (const { seconds, counts } of lists) {
    for (let i = 0; i < seconds.length; i++) inRange[Math.floor((seconds[i]! - min) / width)]! += counts[i]!;
  }
  return ps.map((p) => {
    const rank = Math.max(1, Math.ceil(p * total));
    let seen = 0;
    let range = 0;
    while (seen + inRange[range]! < rank) seen += inRange[range++]!;
    const low = min + range * width;
    const high = low + width;
    const found = new Map<number, number>();
    for (const { seconds, counts } of lists) {
      for (let i = 0; i < seconds.length; i++) {
        const value = seconds[i]!;
        if (value >= low && value < high) found.set(value, (found.get(value) ?? 0) + counts[i]!);
      }
    }
    for (const value of [...found.keys()].sort((a, b) => a - b)) {
      seen += found.get(value)!;
      if (seen >= rank) return value;
    }
    return max;
  });
}

function multisetOf(counts: Map<number, number>): SecondsMultiset {
  const seconds = [...counts.keys()].sort((x, y) => x - y);
  return { seconds, counts: seconds.map((s) => counts.get(s)!) };
}
