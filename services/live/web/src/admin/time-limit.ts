/**
 * A category's time limit as the admin edits it: one number and a unit, turned into the ISO-8601
 * duration the API stores. Pure (the domain's duration parser), unit-tested in Node.
 */
import { isIsoDuration, parseIsoDurationParts } from '@grid-dispatch/domain';

export type LimitUnit = 'minutes' | 'hours' | 'days';
export const LIMIT_UNITS: readonly LimitUnit[] = ['minutes', 'hours', 'days'];

export interface TimeLimit {
  /** As typed: a positive number, a decimal mark allowed. */
  amount: string;
  unit: LimitUnit;
}

/**
 * A stored limit as a number and a unit: days alone as days, a time alone in the largest unit
 * that keeps it whole (PT90M → 90 minutes, PT2H → 2 hours), weeks as 7 days. A duration mixing
 * days with hours, which no single unit says on a working clock (a working day is not 24 hours),
 * is null: the form then shows it as ISO text.
 */
export function limitOfIso(iso: string): TimeLimit | null {
  if (iso === '') return { amount: '', unit: 'hours' };
  if (!isIsoDuration(iso)) return null;
  const p = parseIsoDurationParts(iso);
  if (p.weeks > 0) return { amount: String(p.weeks * 7), unit: 'days' };
  const minutes = p.hours * 60 + p.minutes + p.seconds / 60;
  if (p.days > 0) return minutes === 0 ? { amount: String(p.days), unit: 'days' } : null;
  if (minutes >= 60 && Number.isInteger(minutes / 60)) return { amount: String(minutes / 60), unit: 'hours' };
  return { amount: String(Math.round(minutes * 100) / 100), unit: 'minutes' };
}

/** The ISO-8601 duration of a limit, or null when the amount is not a positive number. */
export function isoOfLimit({ amount, unit }: TimeLimit): string | null {
  const text = amount.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(text) || Number(text) <= 0) return null;
  const n = String(Number(text));
  if (unit === 'days') return `P${n}D`;
  return unit === 'hours' ? `PT${n}H` : `PT${n}M`;
}
