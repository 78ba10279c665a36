import 'leaflet/dist/leaflet.css';
import './location-map.css';
import * as L from 'leaflet';
import { useEffect, useRef } from 'preact/hooks';
import type { Area } from './areas';
import type { Bounds } from './map-projection';
import { pick as pickName, t } from './messages';
import { useLang } from './use-lang';
import { useMapSettings } from './use-map-settings';

export interface LatLng {
  lat: number;
  lng: number;
}

/**
 * Where the map should look. A new object frames the map again even on the same box (the
 * resident asks for their position twice, having moved the map in between).
 */
export interface MapFrame {
  bounds: Bounds;
  /** The closest the frame may zoom in (a point's small box would otherwise fill the map). */
  maxZoom?: number;
}

interface Props {
  /** Drawn coarse to fine: district, sub-district and community outlines, then the grids. */
  areas: readonly Area[];
  frame: MapFrame | null;
  /** When given, a tap (or Enter on the focused map: its centre) marks a place. */
  onPick?: (lat: number, lng: number) => void;
  /** The marked place, as a pin. */
  picked?: LatLng | null;
  /** Metres of uncertainty around the marked place (a position from the device), drawn as a circle. */
  accuracyM?: number | null;
  /** The corners of a boundary being drawn, numbered, with the shape they enclose. */
  vertices?: readonly LatLng[];
  /** An area drawn in the highlight colour (the grid of the marked place). */
  highlightAreaId?: string | undefined;
  /** Areas shaded over the grids (running planned works), each titled with its notice; taps pass through. */
  shaded?: readonly { id: string; ring: number[][]; title: string }[];
  testId?: string;
}

const LEVEL_ORDER = { district: 0, subdistrict: 1, community: 2, grid: 3 } as const;
const OUTLINE: Record<Exclude<Area['level'], 'grid'>, L.PathOptions> = {
  district: { color: '#37474f', weight: 3, fill: false },
  subdistrict: { color: '#546e7a', weight: 2.5, dashArray: '8 6', fill: false },
  community: { color: '#2e5d47', weight: 2.5, fill: false },
};
const GRID: L.PathOptions = { color: '#2e6b50', weight: 1.5, fillColor: '#7fb89a', fillOpacity: 0.18 };
const GRID_HIGHLIGHT: L.PathOptions = {
  color: '#b71c1c',
  weight: 3,
  fillColor: '#ffca28',
  fillOpacity: 0.35,
};
const SHADED: L.PathOptions = {
  color: '#b86e00',
  weight: 2,
  dashArray: '8 5',
  fillColor: '#d68910',
  fillOpacity: 0.28,
};
const DRAFT: L.PathOptions = { color: '#0d47a1', weight: 3, fillColor: '#1e88e5', fillOpacity: 0.2 };

const PIN_SVG =
  '<svg width="28" height="40" viewBox="-14 -40 28 40" aria-hidden="true" focusable="false">' +
  '<path d="M0,0 L-11,-22 A12.5,12.5 0 1,1 11,-22 Z" fill="#b71c1c" stroke="#fff" stroke-width="2"/>' +
  '<circle cy="-27" r="5" fill="#fff"/></svg>';

/**
 * The map a place is marked on: the resident's report form and the admin's boundary editor.
 * Leaflet, bundled with the pages (nothing loaded from the internet). Areas are vector layers in
 * the areas' own coordinates (WGS-84); under them a street basemap when the deployment names a tile
 * service (`MAP_TILE_URL`, read at run time from `/map-settings.json`), otherwise a plain
 * background and no tile requests at all. The map takes keyboard focus: arrow keys move it, +/−
 * zoom, Enter marks its centre.
 */
export function LocationMap({
  areas,
  frame,
  onPick,
  picked,
  accuracyM,
  vertices,
  highlightAreaId,
  shaded,
  testId = 'location-map',
}: Props) {
  const lang = useLang();
  const settings = useMapSettings();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const pickRef = useRef(onPick);
  pickRef.current = onPick;
  const pickable = onPick !== undefined;

  // The map itself, once per mount.
  useEffect(() => {
    const el = container.current!;
    const map = L.map(el, {
      zoomControl: false,
      attributionControl: true,
      // A double tap would mark twice (two corners in the editor): zoom with the buttons or pinch.
      doubleClickZoom: !pickable,
      minZoom: 3,
      maxZoom: 19,
      zoomSnap: 0.25,
      keyboardPanDelta: 60,
    });
    map.attributionControl.setPrefix(false);
    if (frame) fit(map, frame);
    else map.setView([35, 105], 4);
    map.on('click', (e: L.LeafletMouseEvent) =>
      pickRef.current?.(round6(e.latlng.lat), round6(e.latlng.lng)),
    );
    // Enter (or space) on the focused map marks its centre: the keyboard's way to tap.
    const key = (e: KeyboardEvent) => {
      if (e.target !== el || (e.key !== 'Enter' && e.key !== ' ') || !pickRef.current) return;
      e.preventDefault();
      const c = map.getCenter();
      pickRef.current(round6(c.lat), round6(c.lng));
    };
    el.addEventListener('keydown', key);
    // A container that changes size (a phone turned, a panel opened) must tell Leaflet.
    const resized = new ResizeObserver(() => map.invalidateSize());
    resized.observe(el);
    mapRef.current = map;
    return () => {
      resized.disconnect();
      el.removeEventListener('keydown', key);
      map.remove();
      mapRef.current = null;
    };
    // Created once; later frames go through the frame effect below.
  }, []);

  // The zoom buttons, titled in the page's language.
  useEffect(() => {
    const map = mapRef.current!;
    const zoom = L.control.zoom({ zoomInTitle: t('map.zoomIn'), zoomOutTitle: t('map.zoomOut') }).addTo(map);
    return () => zoom.remove();
  }, [lang]);

  // The street basemap, when the deployment has a tile service.
  useEffect(() => {
    const map = mapRef.current!;
    const url = settings?.tileUrl;
    if (!url) return;
    const tiles = L.tileLayer(url, {
      maxZoom: 19,
      attribution: settings.attribution ? escapeHtml(settings.attribution) : '',
      className: 'location-map-tiles',
    }).addTo(map);
    return () => void tiles.remove();
  }, [settings]);

  useEffect(() => {
    const map = mapRef.current;
    if (map && frame) fit(map, frame);
  }, [frame]);

  // The areas, coarse levels first so the grids (the detail a tap lands on) lie on top.
  useEffect(() => {
    const map = mapRef.current!;
    const group = L.layerGroup().addTo(map);
    const labelled: { layer: L.Polygon; bounds: L.LatLngBounds }[] = [];
    const shapes = areas
      .filter((a) => a.boundary?.coordinates?.[0]?.length)
      .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
    for (const area of shapes) {
      const ring = area.boundary!.coordinates[0]!.map(([lng, lat]) => L.latLng(lat!, lng!));
      const grid = area.level === 'grid';
      const style =
        area.level === 'grid' ? (area.id === highlightAreaId ? GRID_HIGHLIGHT : GRID) : OUTLINE[area.level];
      const layer = L.polygon(ring, {
        ...style,
        // Grids are what a tap lands on (and passes through to the map); outlines only frame them.
        interactive: grid,
        className: `lm-area lm-area-${area.level}`,
      }).addTo(group);
      const path = layer.getElement();
      if (path) {
        path.setAttribute('data-area', area.id);
        const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
        title.textContent = pickName(area.name);
        path.appendChild(title);
      }
      if (grid) {
        layer.bindTooltip(pickName(area.name), {
          permanent: true,
          direction: 'center',
          className: 'lm-label',
          interactive: false,
        });
        labelled.push({ layer, bounds: layer.getBounds() });
      }
    }
    // A grid's name shows only where it fits inside the grid at this zoom.
    const fitLabels = () => {
      for (const { layer, bounds } of labelled) {
        const label = layer.getTooltip()?.getElement();
        if (!label) continue;
        const nw = map.latLngToContainerPoint(bounds.getNorthWest());
        const se = map.latLngToContainerPoint(bounds.getSouthEast());
        const fits = se.x - nw.x >= label.offsetWidth + 4 && se.y - nw.y >= label.offsetHeight + 4;
        label.classList.toggle('lm-label-hidden', !fits);
      }
    };
    fitLabels();
    map.on('zoomend resize', fitLabels);
    return () => {
      map.off('zoomend resize', fitLabels);
      group.remove();
    };
  }, [areas, highlightAreaId, lang]);

  // Running planned works: hatched amber over the grids, not in the way of a tap.
  useEffect(() => {
    const map = mapRef.current!;
    if (!shaded?.length) return;
    const group = L.layerGroup().addTo(map);
    for (const s of shaded) {
      const layer = L.polygon(
        s.ring.map(([lng, lat]) => L.latLng(lat!, lng!)),
        { ...SHADED, interactive: false, className: 'lm-shaded' },
      ).addTo(group);
      const path = layer.getElement();
      if (path) {
        path.setAttribute('data-shaded', s.id);
        const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
        title.textContent = s.title;
        path.appendChild(title);
      }
    }
    return () => void group.remove();
  }, [shaded]);

  // The marked place, with the device's uncertainty around it.
  useEffect(() => {
    const map = mapRef.current!;
    if (!picked) return;
    const group = L.layerGroup().addTo(map);
    if (accuracyM && accuracyM > 0)
      L.circle([picked.lat, picked.lng], {
        radius: accuracyM,
        interactive: false,
        color: '#0d47a1',
        weight: 1,
        fillOpacity: 0.12,
      }).addTo(group);
    const marker = L.marker([picked.lat, picked.lng], {
      icon: L.divIcon({ className: 'lm-pin', html: PIN_SVG, iconSize: [28, 40], iconAnchor: [14, 40] }),
      interactive: false,
      keyboard: false,
    }).addTo(group);
    marker.getElement()?.setAttribute('data-testid', 'picked-pin');
    return () => void group.remove();
  }, [picked?.lat, picked?.lng, accuracyM]);

  // The boundary being drawn: numbered corners and the shape they make.
  useEffect(() => {
    const map = mapRef.current!;
    if (!vertices?.length) return;
    const group = L.layerGroup().addTo(map);
    const points = vertices.map((v) => L.latLng(v.lat, v.lng));
    if (points.length >= 3) L.polygon(points, { ...DRAFT, interactive: false }).addTo(group);
    else if (points.length === 2) L.polyline(points, { ...DRAFT, interactive: false }).addTo(group);
    points.forEach((p, i) => {
      const marker = L.marker(p, {
        icon: L.divIcon({
          className: 'lm-vertex',
          html: String(i + 1),
          iconSize: [22, 22],
          iconAnchor: [11, 11],
        }),
        interactive: false,
        keyboard: false,
      }).addTo(group);
      marker.getElement()?.setAttribute('data-vertex', String(i + 1));
    });
    return () => void group.remove();
  }, [vertices]);

  return (
    <div
      ref={container}
      class={`location-map${pickable ? ' location-map-pickable' : ''}`}
      data-testid={testId}
      data-tiles={settings === null ? 'pending' : settings.tileUrl ? 'on' : 'off'}
      // A keyboard-driven widget with its own keys (arrows, +/−, Enter): an application to assistive tech.
      role="application"
      aria-label={pickable ? t('map.locationLabel') : t('map.label')}
    />
  );
}

function fit(map: L.Map, frame: MapFrame): void {
  const b = frame.bounds;
  map.fitBounds(
    [
      [b.minLat, b.minLng],
      [b.maxLat, b.maxLng],
    ],
    { padding: [12, 12], maxZoom: frame.maxZoom ?? 18, animate: false },
  );
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** Leaflet writes attributions as HTML; the setting is plain text. */
function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
