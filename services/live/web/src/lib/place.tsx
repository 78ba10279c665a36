import type { Area } from './areas';
import { t } from './i18n';
import { AreaMap } from './map';
import { pick } from './messages';

/**
 * Where a ticket is, as staff think of it: the grid and community by name (most specific
 * first), not the coordinates. Empty until the areas have loaded.
 */
export function placeName(areaIds: readonly string[], areas: readonly Area[]): string {
  const names = areaIds
    .slice(0, 2)
    .map((id) => areas.find((a) => a.id === id))
    .filter((a): a is Area => a !== undefined)
    .map((a) => pick(a.name));
  return names.join(' · ');
}

/**
 * A grid by name as a resident would say it, with its community: 春海社区第一网格 (the grid's own
 * name already says the community), "Chunhai Community, Grid 1" (the word the two names share is
 * said once). Just the grid's name when it has no community above it.
 */
export function gridPlaceName(grid: Area, areas: readonly Area[]): string {
  const gridName = pick(grid.name);
  const community = areas.find((a) => a.id === grid.parentId && a.level === 'community');
  if (!community) return gridName;
  const communityName = pick(community.name);
  if (!communityName || gridName.startsWith(communityName)) return gridName;
  const rest = gridName.slice(sharedLeadingWords(communityName, gridName)).trimStart();
  return t('place.gridInCommunity', { community: communityName, grid: rest || gridName });
}

/** How many characters of `b` the whole words it shares with the start of `a` take. */
function sharedLeadingWords(a: string, b: string): number {
  const wa = a.split(' ');
  const wb = b.split(' ');
  let n = 0;
  while (n < wa.length && n < wb.length - 1 && wa[n] === wb[n]) n++;
  return n === 0 ? 0 : wb.slice(0, n).join(' ').length;
}

/**
 * The place of a ticket for someone going there: its grid and community by name, a small map of
 * the community with the grid marked and the reported point, and a link that opens the phone's
 * own map app at that point (a `geo:` link, which map apps on phones handle).
 */
export function PlaceFacts({
  areaIds,
  location,
  areas,
}: {
  areaIds: readonly string[];
  location: { lat: number; lng: number } | null | undefined;
  areas: readonly Area[];
}) {
  const name = placeName(areaIds, areas);
  // Framed on the community (its grids around the marked one), else whatever area there is.
  const frame = areaIds[1] ?? areaIds[0];
  const around = areas.filter((a) => a.id === frame || a.parentId === frame);
  return (
    <div class="place" data-testid="place">
      {name && (
        <p class="place-name" data-testid="place-name">
          {name}
        </p>
      )}
      {around.length > 0 && (
        <div class="place-map">
          <AreaMap
            areas={around as Area[]}
            highlightAreaId={areaIds[0]}
            pins={location ? [{ id: 'here', lat: location.lat, lng: location.lng }] : []}
          />
        </div>
      )}
      {location && (
        <a
          class="place-nav"
          data-testid="place-nav"
          href={`geo:${location.lat},${location.lng}?q=${location.lat},${location.lng}`}
        >
          {t('place.navigate')}
        </a>
      )}
    </div>
  );
}
