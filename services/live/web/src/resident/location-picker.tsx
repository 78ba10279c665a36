import { useState } from 'preact/hooks';
import { pick as pickName, t, useLang } from '../lib/i18n';
import { type Area, AreaMap, gridAt } from '../lib/map';

export interface PickedLocation {
  lat: number;
  lng: number;
}

/** The grid map to drop a pin on, plus the address field: either is enough (the server says so too). */
export function LocationPicker({
  areas,
  location,
  onLocation,
  address,
  onAddress,
}: {
  areas: Area[];
  location: PickedLocation | null;
  onLocation: (l: PickedLocation | null) => void;
  address: string;
  onAddress: (a: string) => void;
}) {
  useLang();
  // A district is wide and a phone narrow: zoom widens the map inside its own scroll box.
  const [zoom, setZoom] = useState(1);
  const grid = location ? gridAt(areas, location.lat, location.lng) : undefined;
  return (
    <fieldset class="location-picker">
      <legend>{t('r.where')}</legend>
      <p class="hint">{t('r.whereHint')}</p>
      <fieldset class="map-zoom" aria-label={t('r.zoom')}>
        <button
          type="button"
          disabled={zoom <= 1}
          onClick={() => setZoom(zoom - 1)}
          aria-label={t('r.zoomOut')}
        >
          −
        </button>
        <button
          type="button"
          disabled={zoom >= 4}
          onClick={() => setZoom(zoom + 1)}
          aria-label={t('r.zoomIn')}
        >
          +
        </button>
      </fieldset>
      <div class="map-scroll" data-testid="map-scroll">
        <div style={{ width: `${zoom * 100}%` }}>
          <AreaMap areas={areas} pick={(lat, lng) => onLocation({ lat, lng })} picked={location} />
        </div>
      </div>
      <p class="pin-text" data-testid="pin-text" aria-live="polite">
        {location
          ? grid
            ? t('r.pinAt', {
                grid: pickName(grid.name),
                lat: location.lat.toFixed(5),
                lng: location.lng.toFixed(5),
              })
            : t('r.pinOutside', { lat: location.lat.toFixed(5), lng: location.lng.toFixed(5) })
          : t('r.noPin')}
        {location && (
          <button type="button" class="link" onClick={() => onLocation(null)}>
            {t('r.clearPin')}
          </button>
        )}
      </p>
      <label for="address">{t('r.address')}</label>
      <input
        id="address"
        name="address"
        maxLength={300}
        placeholder={t('r.addressPlaceholder')}
        value={address}
        onInput={(e) => onAddress(e.currentTarget.value)}
      />
    </fieldset>
  );
}
