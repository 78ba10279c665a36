import { useEffect, useState } from 'preact/hooks';

/** The resident app's screens, kept in the URL hash so a tracking link can be shared or bookmarked. */
export type Route = { page: 'report' } | { page: 'track'; code: string } | { page: 'lookup' };

export function parseRoute(hash: string): Route {
  const track = /^#\/track\/([0-9A-Za-z-]+)$/.exec(hash);
  if (track) return { page: 'track', code: track[1]!.toUpperCase() };
  if (hash === '#/track') return { page: 'lookup' };
  return { page: 'report' };
}

export function trackHref(code: string): string {
  return `#/track/${code}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(parseRoute(location.hash));
  useEffect(() => {
    const on = () => {
      setRoute(parseRoute(location.hash));
      window.scrollTo(0, 0);
    };
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
