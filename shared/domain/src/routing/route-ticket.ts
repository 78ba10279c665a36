import type { AreaNode } from '../areas/area.types';
import { ancestorPath } from '../areas/area-tree';
import { findGridAt } from '../areas/grid-locator';
import { distanceMeters } from '../geo/distance.math';
import type { LatLng } from '../geo/geo.types';
import { type Responsibility, type RoutingDecision, resolveResponsibility } from './responsibility.resolver';

export interface TicketRoutingInput {
  category: string;
  location: LatLng | null;
  areas: readonly AreaNode[];
  responsibilities: readonly Responsibility[];
}

export interface RoutedTicket {
  /** grid → community → sub-district → district; empty only when no area exists at all. */
  areaIds: string[];
  decision: RoutingDecision;
  /**
   * The unit that holds the ticket: the list's lead unit, or for a fallback the district's duty
   * desk (值班台). `null` only when the district has no duty desk (or no district exists): such
   * a report has nobody to take it, and intake refuses it rather than leave it on the floor.
   */
  ownerUnitId: string | null;
}

/**
 * Where a report belongs and who answers for it. A location inside a grid routes by the
 * responsibility list; a location outside every grid (or an address without a pin) still lands
 * in a district — the district of the nearest grid, or the only district. Whatever the list does
 * not cover goes to that district's duty desk, a named unit, never to nobody.
 */
export function routeTicket(input: TicketRoutingInput): RoutedTicket {
  const routed = areaAndDecision(input);
  const decision = routed.decision;
  if (decision.kind === 'matched') return { ...routed, ownerUnitId: decision.leadUnitId };
  const district = input.areas.find((a) => a.id === decision.districtId);
  return { ...routed, ownerUnitId: district?.dutyUnitId ?? null };
}

function areaAndDecision(input: TicketRoutingInput): Omit<RoutedTicket, 'ownerUnitId'> {
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

function fallbackDistrictPath(input: TicketRoutingInput): string[] {
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
