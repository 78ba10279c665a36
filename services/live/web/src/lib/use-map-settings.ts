import { useEffect, useState } from 'preact/hooks';

/** The deployment's map settings as live serves them (`GET /map-settings.json`). */
export interface MapSettings {
  /** A tile URL template for the street basemap, or null: grids on a plain background. */
  tileUrl: string | null;
  /** The tile service's credit line, plain text. */
  attribution: string | null;
}

const NONE: MapSettings = { tileUrl: null, attribution: null };
let cache: Promise<MapSettings> | null = null;

function load(): Promise<MapSettings> {
  cache ??= fetch('/map-settings.json', { headers: { accept: 'application/json' } })
    .then((res) => (res.ok ? (res.json() as Promise<Partial<MapSettings>>) : NONE))
    .then((s) => ({
      tileUrl: typeof s.tileUrl === 'string' && s.tileUrl ? s.tileUrl : null,
      attribution: typeof s.attribution === 'string' && s.attribution ? s.attribution : null,
    }))
    // Without the settings the map still works: grids only. The next page load asks again.
    .catch(() => NONE);
  return cache;
}

/** The map settings, fetched once per page; null until they arrive. */
export function useMapSettings(): MapSettings | null {
  const [settings, setSettings] = useState<MapSettings | null>(null);
  useEffect(() => {
    let live = true;
    void load().then((s) => live && setSettings(s));
    return () => {
      live = false;
    };
  }, []);
  return settings;
}
