/**
 * Reads CSV as RFC 4180 writes it (quoted cells may hold commas, doubled quotes and line breaks;
 * rows end in CRLF), into rows of cells. For checking what the API writes, so it is strict: a
 * stray quote inside an unquoted cell throws.
 */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && cell === '') {
      const end = closingQuote(text, i + 1);
      cell = text.slice(i + 1, end).replace(/""/g, '"');
      i = end + 1;
      // A quoted cell may be empty: mark it so the next comma does not take it for unquoted.
      if (text[i] !== ',' && text[i] !== '\r' && i < text.length)
        throw new Error(`text after a quote at ${i}`);
      continue;
    }
    if (c === '"') throw new Error(`a quote inside an unquoted cell at ${i}`);
    if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
    i++;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function closingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] !== '"') continue;
    if (text[i + 1] === '"') i++;
    else return i;
  }
  throw new Error('an unclosed quote');
}
