/** GET /api/v1/kpis (the lead's KPI projection). Rates are 0..1, or null when nothing was counted. */

export type Rate = number | null;

// Type-only from the pure domain package: the same counts the projection computes.
import type { KpiCounts } from '@grid-dispatch/domain';

export type { KpiCounts };

export interface KpiRates {
  responseRate: Rate;
  onTimeRate: Rate;
  resolutionRate: Rate;
  satisfactionRate: Rate;
  returnRate?: Rate;
  extensionRate?: Rate;
  reworkRate?: Rate;
  /** Median and p90 times to sign and to fix (ISO-8601 durations); the overall, unit and category rows have them. */
  ackP50?: string | null;
  ackP90?: string | null;
  resolveP50?: string | null;
  resolveP90?: string | null;
  counts?: Partial<KpiCounts>;
}

export interface UnitKpi extends KpiRates {
  unitId: string;
  name?: { zh: string; en: string };
  score?: number | null;
  rank?: number;
}

export interface Kpis extends KpiRates {
  areaId?: string;
  unitId?: string;
  from: string;
  to: string;
  units?: UnitKpi[];
  byCategory?: Array<KpiRates & { category: string }>;
  byArea?: Array<KpiRates & { areaId: string }>;
}

/** The tiles, in the order the brief lists them; the key is also the test id suffix. */
export const RATE_TILES = ['responseRate', 'onTimeRate', 'resolutionRate', 'satisfactionRate'] as const;
export const TIME_TILES = ['ackP50', 'ackP90', 'resolveP50', 'resolveP90'] as const;
/** Reports by channel, each with the count it is tallied in. */
export const REPORT_CHANNEL_TILES = [
  ['web', 'reportsWeb'],
  ['open311', 'reportsOpen311'],
  ['hotline', 'reportsHotline'],
] as const;
