/**
 * Working calendars edited as text: office hours one period a line ("08:30-12:00"), holidays and
 * make-up days one day a line ("2026-10-01 国庆节"). The server validates times and dates and
 * answers field errors; these only split and join.
 */

export interface OfficePeriod {
  start: string;
  end: string;
}

export interface NamedDay {
  date: string;
  name: string;
}

export function hoursToText(hours: readonly OfficePeriod[]): string {
  return hours.map((h) => `${h.start}-${h.end}`).join('\n');
}

/** Lines that do not split into two parts are kept as they are, so the server names them. */
export function textToHours(text: string): OfficePeriod[] {
  return lines(text).map((line) => {
    const [start = line, end = ''] = line.split(/\s*[-–~]\s*/);
    return { start: start.trim(), end: end.trim() };
  });
}

export function daysToText(days: readonly NamedDay[]): string {
  return days.map((d) => `${d.date} ${d.name}`.trim()).join('\n');
}

export function textToDays(text: string): NamedDay[] {
  return lines(text).map((line) => {
    const [date = '', ...rest] = line.split(/\s+/);
    return { date, name: rest.join(' ') };
  });
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}
