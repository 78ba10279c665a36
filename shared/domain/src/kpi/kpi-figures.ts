import { formatIsoDuration } from '../categories/iso-duration.parser';
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

/** The measures of docs/product.md ("三率 and more"); a rate is null when there is nothing to count. */
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
  const counts: KpiCounts = {
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
  const ack: number[] = [];
  const fix: number[] = [];
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
      if (e.ackSeconds !== null) ack.push(e.ackSeconds);
      if (e.resolveSeconds !== null) fix.push(e.resolveSeconds);
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
  return {
    responseRate: ratio(counts.signedOnTime, counts.dispatched),
    onTimeRate: ratio(counts.fixedOnTime, counts.due),
    resolutionRate: ratio(counts.solved, counts.closed),
    satisfactionRate: ratio(counts.satisfied + counts.basicallySatisfied, counts.rated),
    returnRate: ratio(counts.returned, counts.dispatched),
    extensionRate: ratio(counts.extended, counts.signed),
    reworkRate: ratio(counts.reworked, counts.fixed),
    ackP50: durationPercentile(ack, 0.5),
    ackP90: durationPercentile(ack, 0.9),
    resolveP50: durationPercentile(fix, 0.5),
    resolveP90: durationPercentile(fix, 0.9),
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

function durationPercentile(secondsList: readonly number[], p: number): string | null {
  const value = percentile(secondsList, p);
  return value === undefined ? null : formatIsoDuration(value * 1000);
}
