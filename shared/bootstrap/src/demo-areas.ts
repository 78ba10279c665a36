import { type AreaLevel, ancestorPath, type GeoJsonPolygon } from '@grid-dispatch/domain';

export interface DemoArea {
  id: string;
  name: { zh: string; en: string };
  level: AreaLevel;
  parentId: string | null;
  boundary?: GeoJsonPolygon;
}

/** A rectangle as a closed GeoJSON ring, [lng, lat]. */
function box(west: number, south: number, east: number, north: number): GeoJsonPolygon {
  const r = (n: number) => Math.round(n * 1e6) / 1e6;
  return {
    type: 'Polygon',
    coordinates: [
      [
        [r(west), r(south)],
        [r(east), r(south)],
        [r(east), r(north)],
        [r(west), r(north)],
        [r(west), r(south)],
      ],
    ],
  };
}

/**
 * Zhongshan District, Dalian, as synthetic but plausible geography: three sub-districts, six
 * communities laid out 3 × 2 over 38.91–38.93 N, 121.62–121.70 E, each split into two grids
 * (west and east). Real boundaries come from the administrator through the admin API.
 */
const COMMUNITIES = [
  { id: 'chunhai', zh: '春海社区', en: 'Chunhai', sub: 'laohutan', col: 0, row: 1 },
  { id: 'dongri', zh: '东日社区', en: 'Dongri', sub: 'haijun-guangchang', col: 1, row: 1 },
  { id: 'linhai', zh: '临海社区', en: 'Linhai', sub: 'renmin-lu', col: 2, row: 1 },
  { id: 'yuguang', zh: '渔光社区', en: 'Yuguang', sub: 'laohutan', col: 0, row: 0 },
  { id: 'taoyuan', zh: '桃源社区', en: 'Taoyuan', sub: 'haijun-guangchang', col: 1, row: 0 },
  { id: 'baiyun', zh: '白云社区', en: 'Baiyun', sub: 'renmin-lu', col: 2, row: 0 },
] as const;

const WEST = 121.62;
const SOUTH = 38.91;
const COL_WIDTH = (121.7 - 121.62) / 3;
const ROW_HEIGHT = (38.93 - 38.91) / 2;

export const DEMO_DISTRICT_ID = 'zhongshan';

export function demoAreas(): DemoArea[] {
  const areas: DemoArea[] = [
    {
      id: DEMO_DISTRICT_ID,
      name: { zh: '中山区', en: 'Zhongshan District' },
      level: 'district',
      parentId: null,
    },
    {
      id: 'laohutan',
      name: { zh: '老虎滩街道', en: 'Laohutan Sub-district' },
      level: 'subdistrict',
      parentId: DEMO_DISTRICT_ID,
    },
    {
      id: 'haijun-guangchang',
      name: { zh: '海军广场街道', en: 'Haijun Guangchang Sub-district' },
      level: 'subdistrict',
      parentId: DEMO_DISTRICT_ID,
    },
    {
      id: 'renmin-lu',
      name: { zh: '人民路街道', en: 'Renmin Lu Sub-district' },
      level: 'subdistrict',
      parentId: DEMO_DISTRICT_ID,
    },
  ];
  for (const c of COMMUNITIES) {
    const west = WEST + c.col * COL_WIDTH;
    const south = SOUTH + c.row * ROW_HEIGHT;
    const mid = west + COL_WIDTH / 2;
    areas.push({
      id: c.id,
      name: { zh: c.zh, en: `${c.en} Community` },
      level: 'community',
      parentId: c.sub,
    });
    areas.push({
      id: `${c.id}-g1`,
      name: { zh: `${c.zh}第一网格`, en: `${c.en} Grid 1` },
      level: 'grid',
      parentId: c.id,
      boundary: box(west, south, mid, south + ROW_HEIGHT),
    });
    areas.push({
      id: `${c.id}-g2`,
      name: { zh: `${c.zh}第二网格`, en: `${c.en} Grid 2` },
      level: 'grid',
      parentId: c.id,
      boundary: box(mid, south, west + COL_WIDTH, south + ROW_HEIGHT),
    });
  }
  return areas;
}

/** Every demo grid's path up to the district, most specific first (as tickets carry it). */
export function demoGridPaths(): string[][] {
  const areas = demoAreas();
  return areas.filter((a) => a.level === 'grid').map((grid) => ancestorPath(areas, grid.id));
}

/** A point well inside a demo grid (its centre), for demos and tests. */
export function demoGridCentre(gridId: string): { lat: number; lng: number } {
  const grid = demoAreas().find((a) => a.id === gridId && a.boundary);
  if (!grid?.boundary) throw new Error(`no demo grid ${gridId}`);
  const ring = grid.boundary.coordinates[0]!;
  const lngs = ring.map((p) => p[0]!);
  const lats = ring.map((p) => p[1]!);
  return {
    lat: (Math.min(...lats) + Math.max(...lats)) / 2,
    lng: (Math.min(...lngs) + Math.max(...lngs)) / 2,
  };
}
