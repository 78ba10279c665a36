import { useState } from 'preact/hooks';
import type { Area } from '../lib/areas';
import { t, useLang } from '../lib/i18n';
import { LocationMap, type MapFrame } from '../lib/location-map';
import { type LatLng, parseGeoJson, pointsToPolygon, polygonToPoints } from './polygon';

/**
 * A boundary drawn by clicking its corners on the map the residents use (the other areas drawn
 * for context, the street basemap under them when the deployment has one), framed on the area
 * being edited, or pasted as GeoJSON. Only the outer ring is edited: grids have no holes.
 */
export function PolygonEditor({
  context,
  frame,
  points,
  onChange,
  error,
}: {
  context: readonly Area[];
  frame: MapFrame | null;
  points: LatLng[];
  onChange: (points: LatLng[]) => void;
  error?: string | undefined;
}) {
  useLang();
  const [paste, setPaste] = useState('');
  const [pasteError, setPasteError] = useState<string | null>(null);
  const polygon = pointsToPolygon(points);

  function apply() {
    const parsed = parseGeoJson(paste);
    if (!parsed.ok) {
      setPasteError(parsed.message);
      return;
    }
    setPasteError(null);
    onChange(polygonToPoints(parsed.polygon));
  }

  return (
    <div class="polygon-editor" data-testid="polygon-editor">
      <p class="hint">{t('admin.boundaryHelp')}</p>
      <LocationMap
        areas={context}
        frame={frame}
        vertices={points}
        onPick={(lat, lng) => onChange([...points, { lat, lng }])}
      />
      <div class="actions">
        <span data-testid="polygon-points">{t('admin.points', { n: points.length })}</span>
        <button type="button" disabled={points.length === 0} onClick={() => onChange(points.slice(0, -1))}>
          {t('admin.undoPoint')}
        </button>
        <button type="button" disabled={points.length === 0} onClick={() => onChange([])}>
          {t('admin.clearPoints')}
        </button>
      </div>
      {error && <span class="field-error">{error}</span>}
      <details>
        <summary>{t('admin.pasteGeoJson')}</summary>
        <textarea
          data-testid="geojson-input"
          rows={5}
          value={paste || (polygon ? JSON.stringify(polygon) : '')}
          onInput={(e) => setPaste(e.currentTarget.value)}
        />
        <button type="button" data-testid="geojson-apply" onClick={apply}>
          {t('admin.applyGeoJson')}
        </button>
        {pasteError && <span class="field-error">{pasteError}</span>}
      </details>
    </div>
  );
}
