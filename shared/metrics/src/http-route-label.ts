/** The label of a request no route answered (404s, static files): one value, whatever the URL. */
export const UNMATCHED_ROUTE = '(unmatched)';

/**
 * The express route pattern that answered a request (`/api/v1/reports/:trackingCode`), never the
 * URL itself: ids and tracking codes in labels would make one series per ticket and leak them.
 * `baseUrl` is where the route's router is mounted, `pattern` the route's own path.
 */
export function routeLabel(baseUrl: string, pattern: unknown): string {
  if (pattern === undefined || pattern === null) return UNMATCHED_ROUTE;
  const path = Array.isArray(pattern) ? pattern.map(String).join('|') : String(pattern);
  if (path === '/' && baseUrl) return baseUrl;
  return `${baseUrl}${path}` || '/';
}
