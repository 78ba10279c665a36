import { api } from './api';

/** The most pages one list is read to: a committee's lists run to hundreds, not to thousands. */
const MAX_PAGES = 20;

/**
 * Every page of a cursor-paged staff list (`?limit=&cursor=`, answered `{items, nextCursor}`),
 * in order, as one list: the pages show a committee's whole lists, not their first page.
 */
export async function allPages<I>(
  path: string,
  get: (path: string) => Promise<{ items: I[]; nextCursor: string | null }> = (p) => api('GET', p),
): Promise<{ items: I[] }> {
  const items: I[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const next: string =
      cursor === null ? path : `${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`;
    const answer = await get(next);
    items.push(...answer.items);
    cursor = answer.nextCursor;
    if (cursor === null) break;
  }
  return { items };
}
