import { useMemo } from 'preact/hooks';
import type { Area } from './areas';
import { boundsOf, fitProjection, pointInRing, ringCentre, ringPath } from './map-projection';
import { pick as pickName, t } from './messages';
import { useLang } from './use-lang';

export type { Area } from './areas';

export interface MapPin {
  id: string;
  lat: number;
  lng: number;
  level?: 'ok' | 'warning' | 'breached';
  label?: string;
}

interface Props {
  areas: Area[];
  pins?: MapPin[];
  /** When given, a click on the map drops a pin there. */
  pick?: (lat: number, lng: number) => void;
  picked?: { lat: number; lng: number } | null;
  highlightAreaId?: string;
  /** When given, pins are buttons (click or Enter) that report their id. */
  onPinClick?: (id: string) => void;
  /** Areas drawn shaded over the grids (planned works), each titled with its notice. */
  shaded?: { id: string; ring: number[][]; title: string }[];
}

/**
 * The grid map: every area with a boundary drawn as an SVG polygon, fitted to their bounding box,
 * with labels; pins coloured by SLA level. No tiles, no network: it works on a closed network.
 */
export function AreaMap({ areas, pins = [], pick, picked, highlightAreaId, onPinClick, shaded = [] }: Props) {
  useLang();
  const shapes = useMemo(() => areas.filter((a) => a.boundary?.coordinates?.[0]?.length), [areas]);
  const projection = useMemo(() => {
    const b = boundsOf(shapes.map((a) => a.boundary!.coordinates[0]!));
    return b ? fitProjection(b, 1000, 24) : null;
  }, [shapes]);
  if (!projection) return <div class="map map-empty">{t('map.noAreas')}</div>;
  const p = projection;
  // Draw coarse levels first so grids (the clickable detail) lie on top.
  const order = { district: 0, subdistrict: 1, community: 2, grid: 3 } as const;
  const sorted = [...shapes].sort((a, b) => order[a.level] - order[b.level]);

  function click(e: MouseEvent) {
    if (!pick) return;
    const svg = e.currentTarget as SVGSVGElement;
    const ctm = svg.getScreenCTM();
    if (!ctm) return;
    const pt = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    const [lng, lat] = p.toLngLat(pt.x, pt.y);
    pick(Math.round(lat * 1e6) / 1e6, Math.round(lng * 1e6) / 1e6);
  }

  // Keyboard users move the pin with the arrow keys (about 50 m a step), starting at the centre.
  function key(e: KeyboardEvent) {
    if (!pick) return;
    const step = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] }[e.key];
    if (!step) return;
    e.preventDefault();
    const [x0, y0] = picked ? p.toXY(picked.lng, picked.lat) : [p.width / 2, p.height / 2];
    const [lng, lat] = p.toLngLat(x0 + step[0]! * 10, y0 + step[1]! * 10);
    pick(Math.round(lat * 1e6) / 1e6, Math.round(lng * 1e6) / 1e6);
  }

  const pickedGrid = picked
    ? shapes.find(
        (a) => a.level === 'grid' && pointInRing(picked.lng, picked.lat, a.boundary!.coordinates[0]!),
      )
    : undefined;
  return (
    <svg
      class={`map${pick ? ' map-pickable' : ''}`}
      data-testid="area-map"
      viewBox={`0 0 ${p.width} ${p.height}`}
      // With pins to press, the map is a group of buttons (an image may not hold controls); without,
      // a picture, focusable when a place can be picked on it with the arrow keys.
      role={onPinClick ? 'group' : 'img'}
      aria-label={pick ? t('map.pickLabel') : t('map.label')}
      // Lower case: on SVG elements Preact writes the attribute as named, and SVG knows only `tabindex`.
      tabindex={pick && !onPinClick ? 0 : undefined}
      onClick={click}
      onKeyDown={key}
    >
      {sorted.map((a) => (
        <path
          key={a.id}
          d={ringPath(a.boundary!.coordinates[0]!, p)}
          class={`area area-${a.level}${a.id === highlightAreaId || a.id === pickedGrid?.id ? ' area-highlight' : ''}`}
          data-area={a.id}
        >
          <title>{pickName(a.name)}</title>
        </path>
      ))}
      {shaded.map((s, i) => (
        <path key={`s-${s.id}-${i}`} d={ringPath(s.ring, p)} class="area-shaded" data-shaded={s.id}>
          <title>{s.title}</title>
        </path>
      ))}
      {sorted
        .filter((a) => a.level === 'grid' || a.level === 'community')
        .map((a) => {
          const [lng, lat] = ringCentre(a.boundary!.coordinates[0]!);
          const [x, y] = p.toXY(lng, lat);
          return (
            <text key={`l-${a.id}`} x={x} y={y} class={`area-label label-${a.level}`} text-anchor="middle">
              {pickName(a.name)}
            </text>
          );
        })}
      {pins.map((pin) => {
        const [x, y] = p.toXY(pin.lng, pin.lat);
        const at = `translate(${x.toFixed(1)},${y.toFixed(1)})`;
        const body = (
          <>
            <circle r="11" />
            {pin.label && (
              <text y="-16" text-anchor="middle">
                {pin.label}
              </text>
            )}
          </>
        );
        const cls = `pin level-${pin.level ?? 'ok'}`;
        return onPinClick ? (
          // biome-ignore lint/a11y/useSemanticElements: SVG has no <button>; a g with role=button is the accessible pattern
          <g
            key={pin.id}
            class={`${cls} pin-button`}
            data-pin={pin.id}
            transform={at}
            role="button"
            tabindex={0}
            aria-label={pin.label ?? pin.id}
            onClick={(e) => {
              e.stopPropagation();
              onPinClick(pin.id);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') onPinClick(pin.id);
            }}
          >
            {body}
          </g>
        ) : (
          <g key={pin.id} class={cls} data-pin={pin.id} transform={at} aria-label={pin.label}>
            {body}
          </g>
        );
      })}
      {picked &&
        (() => {
          const [x, y] = p.toXY(picked.lng, picked.lat);
          return (
            <g
              class="pin pin-picked"
              data-testid="picked-pin"
              transform={`translate(${x.toFixed(1)},${y.toFixed(1)})`}
            >
              <path d="M0,0 L-12,-26 A13,13 0 1,1 12,-26 Z" />
              <circle cy="-30" r="5" class="pin-hole" />
            </g>
          );
        })()}
    </svg>
  );
}

/** The grid a point falls in, for telling the resident "this is in grid X". */
export function gridAt(areas: Area[], lat: number, lng: number): Area | undefined {
  return areas.find(
    (a) =>
      a.level === 'grid' && a.boundary?.coordinates?.[0] && pointInRing(lng, lat, a.boundary.coordinates[0]),
  );
}
