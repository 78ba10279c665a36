/** Areas as GET /api/v1/areas returns them. */
export interface Area {
  id: string;
  name: { zh: string; en: string };
  level: 'district' | 'subdistrict' | 'community' | 'grid';
  parentId: string | null;
  boundary?: { type: 'Polygon'; coordinates: number[][][] } | null;
  /** Districts: the duty desk unit that holds what the responsibility list does not cover. */
  dutyUnitId?: string | null;
}

/** The units on duty in some district: a ticket they hold waits for a secretary to hand it on. */
export function dutyDesks(areas: readonly Area[]): ReadonlySet<string> {
  return new Set(areas.flatMap((a) => (a.dutyUnitId ? [a.dutyUnitId] : [])));
}
