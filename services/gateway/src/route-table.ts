export type Upstream = 'intake' | 'workflow' | 'live';

/**
 * Which service answers a path: resident reports, photos and the hotline's reports to intake, the rest of
 * the API to workflow, socket.io and the web pages to live.
 */
export function upstreamFor(path: string): Upstream {
  if (
    path === '/api/v1/reports' ||
    path.startsWith('/api/v1/reports/') ||
    path === '/api/v1/photos' ||
    path.startsWith('/api/v1/photos/') ||
    path.startsWith('/api/v1/hotline/') ||
    path.startsWith('/open311')
  )
    return 'intake';
  if (path === '/api/v1' || path.startsWith('/api/v1/')) return 'workflow';
  return 'live';
}
