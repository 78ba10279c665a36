import { useMemo, useRef, useState } from 'preact/hooks';
import { FieldError } from '../lib/field-error';
import { pick as pickName, t, useLang } from '../lib/i18n';
import { LocationMap, type MapFrame } from '../lib/location-map';
import { type Area, gridAt } from '../lib/map';
import { aroundPoint, frameOfAll, frameOfArea, mappedDistricts } from '../lib/map-projection';
import { gridPlaceName } from '../lib/place';
import { plannedWorksShading, useCurrentPlannedWorks } from '../lib/planned-works';

export interface PickedLocation {
  lat: number;
  lng: number;
}

type Locating = 'idle' | 'busy' | 'done' | 'denied' | 'failed' | 'unsupported';

const DISTRICT_KEY = 'gd.district';

/**
 * Where the problem is, first on the form: the grid map framed on the district (a resident
 * of a deployment with several picks theirs; the choice is remembered), "use my location" through
 * the browser, a tap that is confirmed by the grid's name, and the address field. A pin or an
 * address is enough (the server says so too); a pin outside every grid still files, and the
 * district's duty desk takes it.
 */
export function LocationPicker({
  areas,
  location,
  onLocation,
  address,
  onAddress,
  error,
  addressError,
}: {
  areas: Area[];
  location: PickedLocation | null;
  onLocation: (l: PickedLocation | null) => void;
  address: string;
  onAddress: (a: string) => void;
  /** No place given (neither pin nor address), in the reader's language. */
  error?: string;
  addressError?: string;
}) {
  useLang();
  const districts = useMemo(() => mappedDistricts(areas), [areas]);
  const [districtId, setDistrictId] = useState(() => firstDistrict(districts));
  const [frame, setFrame] = useState<MapFrame | null>(() => districtFrame(areas, districtId));
  const [locating, setLocating] = useState<Locating>('idle');
  // How far off the device said its position may be; only while the pin is that position.
  const [accuracyM, setAccuracyM] = useState<number | null>(null);
  // A fix that arrives after the resident tapped (or cleared) the map is not theirs any more.
  const locateSeq = useRef(0);
  const grid = location ? gridAt(areas, location.lat, location.lng) : undefined;
  const plannedWorks = useCurrentPlannedWorks().data;
  const shaded = useMemo(() => plannedWorksShading(plannedWorks?.items), [plannedWorks]);

  function chooseDistrict(id: string) {
    setDistrictId(id);
    setFrame(districtFrame(areas, id));
    try {
      localStorage.setItem(DISTRICT_KEY, id);
    } catch {
      // private mode: the choice lasts for this page
    }
  }

  function tap(lat: number, lng: number) {
    locateSeq.current++;
    setAccuracyM(null);
    if (locating === 'done' || locating === 'busy') setLocating('idle');
    onLocation({ lat, lng });
  }

  function locateMe() {
    if (!window.isSecureContext || !('geolocation' in navigator)) {
      setLocating('unsupported');
      return;
    }
    setLocating('busy');
    const mine = ++locateSeq.current;
    navigator.geolocation.getCurrentPosition(
      (position) => {
        if (mine !== locateSeq.current) return;
        const lat = Math.round(position.coords.latitude * 1e6) / 1e6;
        const lng = Math.round(position.coords.longitude * 1e6) / 1e6;
        const accuracy = Math.round(position.coords.accuracy);
        setAccuracyM(accuracy);
        setLocating('done');
        // Framed on the position with its uncertainty in view, but close enough to see the streets.
        setFrame({ bounds: aroundPoint(lat, lng, Math.min(Math.max(accuracy, 120), 1500)), maxZoom: 17 });
        onLocation({ lat, lng });
      },
      (error) => {
        if (mine === locateSeq.current)
          setLocating(error.code === error.PERMISSION_DENIED ? 'denied' : 'failed');
      },
      { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 },
    );
  }

  return (
    <fieldset class="location-picker" data-testid="location-picker">
      <legend>{t('r.where')}</legend>
      <p class="hint">{t('r.whereHint')}</p>
      <div class="map-tools">
        {districts.length > 1 && (
          <label class="district-choice">
            {t('r.district')}
            <select
              data-testid="district-select"
              value={districtId ?? ''}
              onChange={(e) => chooseDistrict(e.currentTarget.value)}
            >
              {districts.map((d) => (
                <option key={d.id} value={d.id}>
                  {pickName(d.name)}
                </option>
              ))}
            </select>
          </label>
        )}
        <button
          type="button"
          class="locate"
          data-testid="locate"
          disabled={locating === 'busy'}
          onClick={locateMe}
        >
          <span aria-hidden="true">◎ </span>
          {locating === 'busy' ? t('r.locating') : t('r.useMyLocation')}
        </button>
      </div>
      {(locating === 'denied' || locating === 'failed' || locating === 'unsupported') && (
        <p class="notice" data-testid="locate-message" data-reason={locating} role="status">
          {t(
            locating === 'denied'
              ? 'r.locateDenied'
              : locating === 'failed'
                ? 'r.locateFailed'
                : 'r.locateUnsupported',
          )}
        </p>
      )}
      {!frame && <p class="muted">{t('map.noAreas')}</p>}
      <LocationMap
        areas={areas}
        frame={frame}
        onPick={tap}
        picked={location}
        accuracyM={accuracyM}
        highlightAreaId={grid?.id}
        shaded={shaded}
        testId="location-map"
      />
      <div class="pin-text" data-testid="pin-text" aria-live="polite">
        {!location && <p>{t('r.noPin')}</p>}
        {location && grid && (
          <p>
            <strong class="pin-place" data-testid="pin-place" data-area={grid.id}>
              {t('r.pinQuestion', { place: gridPlaceName(grid, areas) })}
            </strong>{' '}
            <span class="muted">
              {accuracyM !== null
                ? t('r.pinLocated', { m: accuracyM })
                : t('r.pinCoords', { lat: location.lat.toFixed(5), lng: location.lng.toFixed(5) })}
            </span>
          </p>
        )}
        {location && !grid && (
          <p data-testid="pin-outside">
            <strong class="pin-place">{t('r.pinOutsideTitle')}</strong> {t('r.pinOutside')}
          </p>
        )}
        {location && (
          <button
            type="button"
            class="link"
            data-testid="clear-pin"
            onClick={() => {
              locateSeq.current++;
              setAccuracyM(null);
              setLocating('idle');
              onLocation(null);
            }}
          >
            {grid ? t('r.pinNotHere') : t('r.clearPin')}
          </button>
        )}
      </div>
      <label for="address">{t('r.address')}</label>
      <input
        id="address"
        name="address"
        maxLength={300}
        placeholder={t('r.addressPlaceholder')}
        aria-invalid={addressError ? 'true' : undefined}
        aria-describedby={addressError ? 'address-error' : undefined}
        value={address}
        onInput={(e) => onAddress(e.currentTarget.value)}
      />
      <FieldError id="address-error" text={addressError} />
      <FieldError id="location-error" text={error} />
    </fieldset>
  );
}

/** The district the resident chose before, else the first with something on the map. */
function firstDistrict(districts: readonly Area[]): string | null {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(DISTRICT_KEY);
  } catch {
    stored = null;
  }
  return districts.find((d) => d.id === stored)?.id ?? districts[0]?.id ?? null;
}

/** One district's areas fill the map; without districts on the map, whatever areas there are. */
function districtFrame(areas: readonly Area[], districtId: string | null): MapFrame | null {
  const bounds = districtId ? frameOfArea(areas, districtId) : frameOfAll(areas);
  return bounds ? { bounds } : null;
}
