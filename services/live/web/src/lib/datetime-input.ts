/**
 * Date-and-time inputs (`datetime-local`) in the district's time, whatever the browser's own zone:
 * the pages show every time as the district reads it (`format.ts`), so what a person types in is
 * read the same way, and a suggested value is written the same way. Pure (the domain's district
 * time): unit-tested in Node.
 */
import { districtInstant, districtWallClock } from '@grid-dispatch/domain';

/** An instant as a `datetime-local` value, to the minute in the district's time; '' for an unreadable one. */
export function datetimeLocalValue(at: string | number | Date): string {
  const ms = new Date(at).getTime();
  return Number.isNaN(ms) ? '' : districtWallClock(ms).slice(0, 16);
}

/**
 * A `datetime-local` value (or a day and time written the same way), read as the district's time,
 * as an ISO instant; '' when it is empty or unreadable, so the server names the missing field.
 */
export function instantFromDatetimeLocal(value: string): string {
  const at = districtInstant(value);
  return Number.isNaN(at.getTime()) ? '' : at.toISOString();
}
