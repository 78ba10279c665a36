import { daysBetween, monthDays } from './report-day';

/** A period as the KPI store reads it: whole months, and the days left over at either end. */
export interface PeriodPieces {
  months: string[];
  days: string[];
}

/**
 * Splits `from`..`to` (reporting days, inclusive) into the whole calendar months inside it that
 * ended before `today`, and the loose days around them, so a year is read as 11 month summaries
 * and this month's days. The month still running is read by its days: today's events change it
 * all day long, and rebuilding today alone is cheaper than rebuilding the month each time. Days
 * after `today` are left out: nothing has happened on them yet (a dashboard asks for this whole
 * month). Pure.
 */
export function periodPieces(from: string, to: string, today: string): PeriodPieces {
  const months: string[] = [];
  const days: string[] = [];
  for (const day of daysBetween(from, to < today ? to : today)) {
    const month = day.slice(0, 7);
    const whole = monthDays(month);
    if (whole.from >= from && whole.to <= to && whole.to < today) {
      if (months.at(-1) !== month) months.push(month);
    } else {
      days.push(day);
    }
  }
  return { months, days };
}
