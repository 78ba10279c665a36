import {
  type AreaNode,
  ancestorPath,
  distanceMeters,
  findGridAt,
  type LatLng,
  type Responsibility,
  type RoutingDecision,
  resolveResponsibility,
} from '@grid-dispatch/domain';

export interface RoutingInput {
  category: string;
  location: LatLng | null;
  areas: readonly AreaNode[];
  responsibilities: readonly Responsibility[];
}

export interface RoutedTicket {
  /** grid → community → sub-district → district; empty only when no area exists at all. */
  areaIds: string[];
  decision: RoutingDecision;
}

/**
 * Where a report belongs and who answers for it. A location inside a grid routes by the
 * responsibility list; a location outside every grid (or an address without a pin) still lands
 * on a district's desk — the district of the nearest grid, or the only district — never on the floor.
 */
export function routeTicket(input: RoutingInput): RoutedTicket {
  const grid = input.location ? findGridAt(input.areas, input.location) : undefined;
  const areaIds = grid ? ancestorPath(input.areas, grid.id) : fallbackDistrictPath(input);
  if (!grid) {
    return { areaIds, decision: { kind: 'fallback', districtId: areaIds[areaIds.length - 1] ?? null } };
  }
  const decision = resolveResponsibility({
    category: input.category,
    areaPath: areaIds,
    responsibilities: input.responsibilities,
  });
  return { areaIds, decision };
}

function fallbackDistrictPath(input: RoutingInput): string[] {
  const districts = input.areas.filter((a) => a.level === 'district');
  if (districts.length <= 1 || !input.location) return districts.slice(0, 1).map((d) => d.id);
  const nearest = nearestGrid(input.areas, input.location);
  if (!nearest) return [districts[0]!.id];
  const path = ancestorPath(input.areas, nearest.id);
  return [path[path.length - 1]!];
}

function nearestGrid(areas: readonly AreaNode[], at: LatLng): AreaNode | undefined {
  let best: { area: AreaNode; distance: number } | undefined;
  for (const area of areas) {
    if (area.level !== 'grid' || !area.boundary) continue;
    const ring = area.boundary.coordinates[0] ?? [];
    if (ring.length === 0) continue;
    const centre = {
      lng: ring.reduce((s, p) => s + (p[0] ?? 0), 0) / ring.length,
      lat: ring.reduce((s, p) => s + (p[1] ?? 0), 0) / ring.length,
    };
    const distance = distanceMeters(at, centre);
    if (!best || distance < best.distance) best = { area, distance };
  }
  return best?.area;
}
