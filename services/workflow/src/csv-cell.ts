/**
 * A CSV cell: quoted when needed, and never read as a formula by a spreadsheet (a leading `=`,
 * `+`, `-` or `@` gets an apostrophe in front, which spreadsheet programs show as text). Shared by
 * every CSV the API writes: the joint-meeting report and the ticket exports.
 */
export function csvCell(value: string | number | boolean | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
