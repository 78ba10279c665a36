import { formatIsoDuration } from '../categories/iso-duration.parser';
import type { KpiCell } from './kpi-cells';
import type { KpiEntry } from './kpi-entries';
import {
  type KpiCounts,
  type KpiTally,
  percentilesOfSum,
  type SecondsMultiset,
  sumCounts,
  tallyOf,
} from './kpi-tally';

/** The measures a district judges its units by (三率 and more); a rate is null when there is nothing to count. */
export interface KpiFigures {
  /** 响应率: signed within limit / dispatched. */
  responseRate: number | null;
  /** 按时办结率: fixed within limit (after approved extensions) / due. */
  onTimeRate: number | null;
  /** 解决率: closed as really solved (no dissatisfied rating reopened it) / closed. */
  resolutionRate: number | null;
  /** 满意率: (satisfied + basically satisfied) / rated; every rating counts. */
  satisfactionRate: number | null;
  /** 退单率: dispatches the unit returned / dispatched. */
  returnRate: number | null;
  /** 延期率: dispatches with an extension request / signed. */
  extensionRate: number | null;
  /** 返工率: fixes sent back (failed verification, dissatisfied) / fixed. */
  reworkRate: number | null;
  /** Median and p90 time to sign (from dispatch) and to fix (from signing), ISO-8601. */
  ackP50: string | null;
  ackP90: string | null;
  resolveP50: string | null;
  resolveP90: string | null;
  counts: KpiCounts;
}

/** Folds entries into figures. Pure and order-independent. */
export function computeKpis(entries: readonly KpiEntry[]): KpiFigures {
  return figuresOf(tallyOf(entries));
}

/** The figures of a tally (of a day, a month, a unit …). Pure. */
export function figuresOf(tally: KpiTally): KpiFigures {
  return figuresOfTallies([tally]);
}

/** The figures of some cells together: the same as of their tallies summed, without summing them. */
export function figuresOfCells(cells: readonly KpiCell[]): KpiFigures {
  return figuresOfTallies(cells.map((c) => c.tally));
}

function figuresOfTallies(tallies: readonly KpiTally[]): KpiFigures {
  const counts = sumCounts(tallies);
  const [ackP50, ackP90] = durationPercentiles(tallies.map((t) => t.ackSeconds));
  const [resolveP50, resolveP90] = durationPercentiles(tallies.map((t) => t.resolveSeconds));
  return {
    responseRate: ratio(counts.signedOnTime, counts.dispatched),
    onTimeRate: ratio(counts.fixedOnTime, counts.due),
    resolutionRate: ratio(counts.solved, counts.closed),
    satisfactionRate: ratio(counts.satisfied + counts.basicallySatisfied, counts.rated),
    returnRate: ratio(counts.returned, counts.dispatched),
    extensionRate: ratio(counts.extended, counts.signed),
    reworkRate: ratio(counts.reworked, counts.fixed),
    ackP50: ackP50!,
    ackP90: ackP90!,
    resolveP50: resolveP50!,
    resolveP90: resolveP90!,
    counts,
  };
}

/** A share rounded to 4 decimals (so 2/3 reads 0.6667 everywhere), or null over nothing. */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

/** Nearest-rank percentile (the value at rank ⌈p·n⌉ of the sorted list), or undefined when empty. */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1];
}

/** The median and p90 of some multisets together, as ISO-8601 durations (null when empty). */
function durationPercentiles(seconds: readonly SecondsMultiset[]): Array<string | null> {
  return percentilesOfSum(seconds, [0.5, 0.9]).map((value) =>
    value === undefined ? null : formatIsoDuration(value * 1000),
  );
}
