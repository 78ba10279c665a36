/**
 * The components of an ISO-8601 duration, kept apart because on a working clock a day is not
 * 24 hours: the calendar arithmetic needs to know "2 days" from "48 hours".
 */
export interface IsoDurationParts {
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const MS_PER_SECOND = 1000;
const MS_PER_MINUTE = 60 * MS_PER_SECOND;
const MS_PER_HOUR = 60 * MS_PER_MINUTE;
const MS_PER_DAY = 24 * MS_PER_HOUR;
const MS_PER_WEEK = 7 * MS_PER_DAY;

// Numbers are validated separately so each bad input gets a specific message.
const WEEKS = /^P([^T]+)W$/;
const DAY_TIME = /^P(?:([^TYMWDHS]+)D)?(?:T(?:([^TYMWDHS]+)H)?(?:([^TYMWDHS]+)M)?(?:([^TYMWDHS]+)S)?)?$/;
const NUMBER = /^\d+(?:[.,]\d+)?$/;

/**
 * Parses an ISO-8601 duration into its parts.
 *
 * Accepts `PnW` on its own, or `PnD` and/or `TnHnMnS`; only the last (smallest) component given may
 * carry a fraction (`PT0.5S`, `PT1.5H`; `,` is accepted as the decimal mark as ISO allows).
 *
 * @throws Error naming the problem: years or months (no fixed length, so no deadline can be
 *   computed from them), weeks mixed with other units, negative or non-numeric amounts, a fraction
 *   on a larger unit, an empty duration, a `T` with no time components, or plain garbage.
 */
export function parseIsoDurationParts(text: string): IsoDurationParts {
  if (typeof text !== 'string') throw new Error('ISO-8601 duration must be a string');
  const fail = (why: string): never => {
    throw new Error(`Invalid ISO-8601 duration "${text}": ${why}`);
  };
  if (text.includes('-')) fail('negative durations are not allowed');
  if (!text.startsWith('P')) fail("must start with 'P' (e.g. PT15M, P5D)");
  const datePart = text.split('T')[0]!;
  if (/Y/.test(datePart) || /M/.test(datePart)) {
    fail('years and months are not supported because their length varies; use days or weeks');
  }
  if (text.endsWith('T')) fail("'T' must be followed by hours, minutes or seconds");

  const weeks = WEEKS.exec(text);
  if (weeks !== null) {
    return { weeks: amount(weeks[1]!, true, fail), days: 0, hours: 0, minutes: 0, seconds: 0 };
  }
  if (text.includes('W')) fail('weeks cannot be combined with other units');
  const match = DAY_TIME.exec(text);
  if (match === null) fail('expected the form PnDTnHnMnS or PnW with upper-case designators');
  const raw = match!.slice(1, 5);
  if (raw.every((value) => value === undefined)) fail('no components given');
  const lastIndex = raw.reduce((last, value, index) => (value === undefined ? last : index), -1);
  const [days, hours, minutes, seconds] = raw.map((value, index) =>
    value === undefined ? 0 : amount(value, index === lastIndex, fail),
  );
  return { weeks: 0, days: days!, hours: hours!, minutes: minutes!, seconds: seconds! };
}

/**
 * Parses an ISO-8601 duration to milliseconds, counting a day as 24 hours and a week as 7 days.
 * Fractions of a millisecond are rounded. See {@link parseIsoDurationParts} for what is accepted.
 *
 * @throws Error naming why the text is not an acceptable duration.
 */
export function parseIsoDuration(text: string): number {
  const parts = parseIsoDurationParts(text);
  const ms = Math.round(
    parts.weeks * MS_PER_WEEK +
      parts.days * MS_PER_DAY +
      parts.hours * MS_PER_HOUR +
      parts.minutes * MS_PER_MINUTE +
      parts.seconds * MS_PER_SECOND,
  );
  if (!Number.isSafeInteger(ms)) throw new Error(`Invalid ISO-8601 duration "${text}": too long`);
  return ms;
}

/** True when {@link parseIsoDuration} would accept `text`. Never throws. */
export function isIsoDuration(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  try {
    parseIsoDuration(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Formats milliseconds as a canonical ISO-8601 duration using days, hours, minutes and seconds
 * (`PT0S`, `PT15M`, `PT1H30M`, `P5D`, `PT1.5S`). Weeks are never produced, so the output always
 * round-trips through {@link parseIsoDuration}. A day here is 24 hours.
 *
 * @throws RangeError for negative or non-finite input.
 */
export function formatIsoDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) {
    throw new RangeError(`Duration must be a finite, non-negative number of milliseconds, got ${ms}`);
  }
  let rest = Math.round(ms);
  const days = Math.floor(rest / MS_PER_DAY);
  rest -= days * MS_PER_DAY;
  const hours = Math.floor(rest / MS_PER_HOUR);
  rest -= hours * MS_PER_HOUR;
  const minutes = Math.floor(rest / MS_PER_MINUTE);
  rest -= minutes * MS_PER_MINUTE;
  const seconds = rest / MS_PER_SECOND;

  let time = '';
  if (hours > 0) time += `${hours}H`;
  if (minutes > 0) time += `${minutes}M`;
  if (seconds > 0) time += `${seconds}S`;
  if (days === 0 && time === '') return 'PT0S';
  return `P${days > 0 ? `${days}D` : ''}${time === '' ? '' : `T${time}`}`;
}

function amount(value: string, mayBeFractional: boolean, fail: (why: string) => never): number {
  if (!NUMBER.test(value)) fail(`"${value}" is not a non-negative number`);
  if (!mayBeFractional && /[.,]/.test(value)) fail('only the smallest component given may have a fraction');
  return Number(value.replace(',', '.'));
}
