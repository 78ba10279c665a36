import { useState } from 'preact/hooks';
import type { Area } from '../lib/areas';
import { t, useLang } from '../lib/i18n';
import { AreaMap } from '../lib/map';
import { type LatLng, parseGeoJson, pointsToPolygon, polygonToPoints } from './polygon';

const DRAFT_ID = '__draft__';

/**
 * A boundary drawn by clicking its corners on the grid map (the other areas drawn for context),
 * or pasted as GeoJSON. Only the outer ring is edited: grids have no holes.
 */
export function PolygonEditor({
  context,
  points,
  onChange,
  error,
}: {
  context: Area[];
  points: LatLng[];
  onChange: (points: LatLng[]) => void;
  error?: string | undefined;
}) {
  useLang();
  const [paste, setPaste] = useState('');
  const [pasteError, setPasteError] = useState<string | null>(null);
  const polygon = pointsToPolygon(points);
  const areas: Area[] = polygon
    ? [
        ...context,
        { id: DRAFT_ID, name: { zh: '', en: '' }, level: 'grid', parentId: null, boundary: polygon },
      ]
    : context;

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
      <AreaMap
        areas={areas}
        highlightAreaId={DRAFT_ID}
        pins={points.map((p, i) => ({ id: `v${i}`, lat: p.lat, lng: p.lng, label: String(i + 1) }))}
        pick={(lat, lng) => onChange([...points, { lat, lng }])}
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
