import type { RequestHandler } from 'express';
import type { LiveConfig } from './config';

/** What the pages' maps need to know about the deployment, at run time (no rebuild per site). */
export interface MapSettings {
  /** A slippy-map tile URL template, or null: grids on a plain background, no tiles requested. */
  tileUrl: string | null;
  /** The tile service's credit line (plain text), or null. */
  attribution: string | null;
}

export function mapSettingsOf(
  config: Pick<LiveConfig, 'MAP_TILE_URL' | 'MAP_TILE_ATTRIBUTION'>,
): MapSettings {
  return {
    tileUrl: config.MAP_TILE_URL,
    attribution: config.MAP_TILE_URL ? config.MAP_TILE_ATTRIBUTION : null,
  };
}

/**
 * `GET /map-settings.json`, served by live beside the pages (the gateway sends every path outside
 * /api/v1 and /open311 here). Public: it holds nothing the pages would not show anyway. Revalidated
 * on every load, so a changed setting reaches the pages with the next restart of live.
 */
export function mapSettingsRoute(
  config: Pick<LiveConfig, 'MAP_TILE_URL' | 'MAP_TILE_ATTRIBUTION'>,
): RequestHandler {
  const body = JSON.stringify(mapSettingsOf(config));
  return (_req, res) => {
    res.set('Cache-Control', 'no-cache').type('application/json').send(body);
  };
}
