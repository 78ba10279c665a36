import type { KpiEntry } from './kpi-entries';

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
  };
}

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
  const counts = emptyCounts();
  const keys = Object.keys(counts) as Array<keyof KpiCounts>;
  for (const t of tallies) for (const key of keys) counts[key] += t.counts[key] ?? 0;
  return {
    counts,
    ackSeconds: sumMultisets(tallies.map((t) => t.ackSeconds)),
    resolveSeconds: sumMultisets(tallies.map((t) => t.resolveSeconds)),
  };
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

/**
 * Nearest-rank percentile of a multiset (the value at rank ⌈p·n⌉ of the sorted values), or
 * undefined when it is empty: the same value `percentile` gives for the values listed one by one.
 */
export function multisetPercentile(values: SecondsMultiset, p: number): number | undefined {
  const total = values.counts.reduce((sum, n) => sum + n, 0);
  if (total === 0) return undefined;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (let i = 0; i < values.seconds.length; i++) {
    seen += values.counts[i]!;
    if (seen >= rank) return values.seconds[i];
  }
  return values.seconds.at(-1);
}

function multisetOf(counts: Map<number, number>): SecondsMultiset {
  const seconds = [...counts.keys()].sort((x, y) => x - y);
  return { seconds, counts: seconds.map((s) => counts.get(s)!) };
}
