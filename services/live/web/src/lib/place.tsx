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
