import { useEffect, useState } from 'preact/hooks';

/** The resident app's screens, kept in the URL hash so a tracking link can be shared or bookmarked. */
export type Route =
  | { page: 'report' }
  | { page: 'track'; code: string }
  | { page: 'lookup' }
  | { page: 'activities'; communityId: string | null }
  | { page: 'needs'; communityId: string | null };

export function parseRoute(hash: string): Route {
  const track = /^#\/track\/([0-9A-Za-z-]+)$/.exec(hash);
  if (track) return { page: 'track', code: track[1]!.toUpperCase() };
  if (hash === '#/track') return { page: 'lookup' };
  const activities = /^#\/activities(?:\/([0-9A-Za-z_-]+))?$/.exec(hash);
  if (activities) return { page: 'activities', communityId: activities[1] ?? null };
  const needs = /^#\/needs(?:\/([0-9A-Za-z_-]+))?$/.exec(hash);
  if (needs) return { page: 'needs', communityId: needs[1] ?? null };
  return { page: 'report' };
}

export function trackHref(code: string): string {
  return `#/track/${code}`;
}

/** The residents' activity calendar, of one community or (null) the first. */
export function activitiesHref(communityId: string | null): string {
  return communityId ? `#/activities/${communityId}` : '#/activities';
}

/** The community needs list, of one community or (null) the first. */
export function needsHref(communityId: string | null): string {
  return communityId ? `#/needs/${communityId}` : '#/needs';
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
