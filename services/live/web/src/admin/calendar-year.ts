import { districtDay } from '@grid-dispatch/domain';
import { daysToText, type NamedDay, textToDays } from './calendar-text';

/** One year of a working calendar as the server keeps it. */
export interface CalendarYear {
  year: number;
  status?: string;
  source?: string;
  holidays: NamedDay[];
  makeUpWorkdays: NamedDay[];
}

/** A year as edited: the year and the day lists as text until saved. */
export interface YearDraft {
  year: string;
  status?: string | undefined;
  source?: string | undefined;
  holidays: string;
  makeUp: string;
}

export function yearToDraft(y: CalendarYear): YearDraft {
  return {
    year: String(y.year),
    status: y.status,
    source: y.source,
    holidays: daysToText(y.holidays),
    makeUp: daysToText(y.makeUpWorkdays),
  };
}

/** Status and source go back only when the year had them (they come from the holiday import). */
export function draftToYear(d: YearDraft): CalendarYear {
  return {
    year: Number(d.year),
    ...(d.status ? { status: d.status } : {}),
    ...(d.source ? { source: d.source } : {}),
    holidays: textToDays(d.holidays),
    makeUpWorkdays: textToDays(d.makeUp),
  };
}

/** The year an administrator adds: usually next year's holidays, published in the autumn. */
export function nextYearDraft(today: Date): YearDraft {
  return { year: String(Number(districtDay(today).slice(0, 4)) + 1), holidays: '', makeUp: '' };
}
