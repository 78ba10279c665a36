/** Rows a list shows at once: enough for a normal day's work, short enough to scan. */
export const PAGE_SIZE = 50;

/** Lower case, without the dashes and spaces of tracking codes ("ab12-cd34" finds "AB12CD34…"). */
function fold(text: string): string {
  return text.toLowerCase().replace(/[\s-]+/g, '');
}

/**
 * True when every word of the query is found in one of the texts (a tracking code, a category or
 * unit name, a description, an address): a secretary types "春海 井盖" or the code read out on
 * the phone, in any case, with or without its dashes.
 */
export function matchesSearch(texts: readonly (string | null | undefined)[], query: string): boolean {
  const words = query.split(/\s+/).map(fold).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = texts.filter((x): x is string => typeof x === 'string').map(fold);
  return words.every((w) => haystack.some((h) => h.includes(w)));
}

export interface ListPage<T> {
  items: T[];
  /** 0-based, clamped into range (a list that shrank keeps the reader on its last page). */
  page: number;
  pages: number;
}

export function pageOf<T>(items: readonly T[], page: number, size = PAGE_SIZE): ListPage<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const at = Math.min(Math.max(0, page), pages - 1);
  return { items: items.slice(at * size, (at + 1) * size), page: at, pages };
}
