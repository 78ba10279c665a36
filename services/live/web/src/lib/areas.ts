/** Areas as GET /api/v1/areas returns them. */
export interface Area {
  id: string;
  name: { zh: string; en: string };
  level: 'district' | 'subdistrict' | 'community' | 'grid';
  parentId: string | null;
  boundary?: { type: 'Polygon'; coordinates: number[][][] } | null;
}
