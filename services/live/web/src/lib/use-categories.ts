import { useEffect, useState } from 'preact/hooks';
import { api } from './api';
import { pick } from './messages';
import { useLang } from './use-lang';

export interface CategoryInfo {
  code: string;
  name: { zh: string; en: string };
  priority: string;
}

let cache: Promise<CategoryInfo[]> | null = null;

/** Category names for display, fetched once per page; the code is shown until they arrive. */
export function useCategoryName(): (code: string) => string {
  useLang();
  const [list, setList] = useState<CategoryInfo[]>([]);
  useEffect(() => {
    cache ??= api<CategoryInfo[]>('GET', '/api/v1/categories').catch((err) => {
      cache = null;
      throw err;
    });
    cache.then(setList, () => undefined);
  }, []);
  return (code) => {
    const c = list.find((x) => x.code === code);
    return c ? pick(c.name) : code;
  };
}
