/** A server field message as a message key of the pages, with its parameters. */
export interface FieldText {
  key: string;
  params?: Record<string, string>;
}

/**
 * The server explains a refused field in English (`{path, message}`); the pages say it in the
 * reader's language. These are the messages a resident or a staff member meets in the forms; a
 * message not listed is shown as the server wrote it (still next to its field).
 */
const PATTERNS: ReadonlyArray<[RegExp, (m: RegExpExecArray) => FieldText]> = [
  [/^required(?:[,;].*)?$/, () => ({ key: 'field.required' })],
  [/^(?:must be )?at least (\d+) characters$/, (m) => ({ key: 'field.tooShort', params: { n: m[1]! } })],
  [/^at most (\d+) characters$/, (m) => ({ key: 'field.tooLong', params: { n: m[1]! } })],
  [/^at most (\d+) photos$/, (m) => ({ key: 'field.tooManyPhotos', params: { n: m[1]! } })],
  [/^not a valid Chinese mobile or landline number$/, () => ({ key: 'field.phone' })],
  [/^give a location \(map pin\) or an address$/, () => ({ key: 'field.place' })],
  [/^give the rating token, or the phone number/, () => ({ key: 'field.ratingProof' })],
  [/^does not match$/, () => ({ key: 'field.noMatch' })],
  [/^the report has no phone number$/, () => ({ key: 'field.noPhoneOnReport' })],
  [/^no such stored photo$/, () => ({ key: 'field.noSuchPhoto' })],
  [/^no such (?:active )?unit$/, () => ({ key: 'field.noSuchUnit' })],
  [/^the unit is deactivated$/, () => ({ key: 'field.unitDeactivated' })],
  [/^no such category$/, () => ({ key: 'field.noSuchCategory' })],
  [/^no such area$/, () => ({ key: 'field.noSuchArea' })],
  [/^no such ticket in your scope$/, () => ({ key: 'field.noSuchTicket' })],
  [/^unknown field$/, () => ({ key: 'field.unknown' })],
  [/^invalid$/, () => ({ key: 'field.invalid' })],
];

export function fieldText(message: string): FieldText | null {
  for (const [pattern, text] of PATTERNS) {
    const m = pattern.exec(message);
    if (m) return text(m);
  }
  return null;
}
