import { formatCivilDate, parseCivilDate } from './civil-date';

/** One festival of a year's schedule, as the notice states it. */
export interface FestivalArrangement {
  /** Chinese name as in the notice, e.g. `'国庆节'`. */
  name: string;
  /** First and last day of the holiday block, inclusive (`'YYYY-MM-DD'`). */
  from: string;
  to: string;
  /** Weekend days worked instead (调休上班). */
  makeUpWorkdays: readonly string[];
}

/** The public holidays of one year, with where the dates come from. */
export interface HolidayYear {
  year: number;
  /**
   * `'official'`: copied from the State Council General Office notice named in `source`.
   * `'reconstructed'`: no notice was available; built from the holiday rules and should be
   * replaced once the notice is published.
   */
  status: 'official' | 'reconstructed';
  source: string;
  festivals: readonly FestivalArrangement[];
}

/** Every day of every holiday block of `year`, ascending. */
export function holidayDates(year: HolidayYear): string[] {
  const dates: string[] = [];
  for (const festival of year.festivals) {
    const first = parseCivilDate(festival.from);
    const last = parseCivilDate(festival.to);
    if (first === undefined || last === undefined || last < first) {
      throw new RangeError(`bad holiday block ${festival.name} ${festival.from}..${festival.to}`);
    }
    for (let day = first; day <= last; day += 1) dates.push(formatCivilDate(day));
  }
  return dates.sort();
}

/** Every make-up working day of `year`, ascending. */
export function makeUpDates(year: HolidayYear): string[] {
  return year.festivals.flatMap((festival) => festival.makeUpWorkdays).sort();
}
