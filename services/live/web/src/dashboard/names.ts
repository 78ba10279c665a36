import type { Area } from '../lib/areas';
import { pick } from '../lib/i18n';
import type { Category, UnitRef } from './use-reference';

/**
 * Display names for ids, in the current language; an unknown id shows as itself, but while the
 * reference data is still on its way as "…": no raw ids flash before the names come.
 */
/** What a name reads as before the names have come. */
export const NOT_YET = '…';

export interface Names {
  unit(id: string | null | undefined): string;
  category(code: string): string;
  area(id: string): string;
}

export function makeNames(areas: Area[], categories: Category[], units: UnitRef[], loaded = true): Names {
  const unknown = (id: string) => (loaded ? id : NOT_YET);
  const areaById = new Map(areas.map((a) => [a.id, a]));
  const categoryByCode = new Map(categories.map((c) => [c.code, c]));
  const unitById = new Map(units.map((u) => [u.id, u]));
  return {
    unit: (id) => {
      if (!id) return '';
      const u = unitById.get(id);
      return u?.name ? pick(u.name) : unknown(id);
    },
    category: (code) => {
      const c = categoryByCode.get(code);
      return c ? pick(c.name) : unknown(code);
    },
    area: (id) => {
      const a = areaById.get(id);
      return a ? pick(a.name) : unknown(id);
    },
  };
}
