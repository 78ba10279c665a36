import { commonConfigSchema, loadConfig, port, positiveMs, z } from '@grid-dispatch/config';

export const liveConfigSchema = commonConfigSchema.extend({
  LIVE_PORT: port(8083),
  LIVE_HOST: z.string().default('127.0.0.1'),
  /** How often open staff sockets are checked for an ended session (an account change). */
  SESSION_CHECK_EVERY_MS: positiveMs(5000),
  /** Residents' sockets (by tracking code) one client address may open per minute (0 = unlimited). */
  TRACKING_SOCKETS_PER_MINUTE: z.coerce.number().int().min(0).max(100000).default(120),
  /**
   * The street basemap under the grid maps: a tile URL template (`{z}`, `{x}`, `{y}`, optionally
   * `{s}`), handed to the pages at run time by `GET /map-settings.json`. Unset: grids only.
   */
  MAP_TILE_URL: tileUrlTemplate(),
  /** The tile service's credit line, shown as plain text in the map's corner. */
  MAP_TILE_ATTRIBUTION: z
    .string()
    .max(300, 'must be at most 300 characters')
    .optional()
    .transform((value) => value?.trim() || null),
});

/**
 * An http(s) URL with the `{z}`, `{x}` and `{y}` placeholders of a slippy-map tile service; empty
 * or absent is null (no basemap).
 */
function tileUrlTemplate() {
  return z
    .string()
    .optional()
    .transform((value, ctx) => {
      const template = value?.trim() ?? '';
      if (template === '') return null;
      const missing = ['{z}', '{x}', '{y}'].filter((p) => !template.includes(p));
      if (missing.length > 0) {
        ctx.addIssue({ code: 'custom', message: `must contain ${missing.join(', ')}` });
        return z.NEVER;
      }
      let url: URL | null = null;
      try {
        url = new URL(template.replace(/\{[a-z]+\}/g, '0'));
      } catch {
        url = null;
      }
      if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
        ctx.addIssue({
          code: 'custom',
          message: 'expected an http(s) URL template such as https://tiles.example.org/{z}/{x}/{y}.png',
        });
        return z.NEVER;
      }
      return template;
    });
}

export type LiveConfig = z.infer<typeof liveConfigSchema>;

export function loadLiveConfig(env: NodeJS.ProcessEnv = process.env): LiveConfig {
  return loadConfig(liveConfigSchema, env);
}
