import { distanceMeters } from '../geo/distance.math';
import type { LatLng } from '../geo/geo.types';
import type { NeedKind, ResourceKind } from './committee-kinds';

export interface MatchedNeed {
  kind: NeedKind;
  peopleConcerned: number;
  location?: LatLng | null;
}

export interface MatchableResource {
  id: string;
  kind: ResourceKind;
  serves: readonly NeedKind[];
  capacity: number;
  committed: number;
  /** ISO dates (YYYY-MM-DD); availableTo absent means open-ended. */
  availableFrom: string;
  availableTo?: string | null;
  location?: LatLng | null;
}

/** The committee's community, with a point to measure from when the need has no location. */
export interface MatchCommunity {
  id: string;
  centre?: LatLng | null;
}

export type MatchReasonCode =
  | 'serves_kind'
  | 'serves_other_kinds'
  | 'available_today'
  | 'available_later'
  | 'capacity_covers'
  | 'capacity_short'
  | 'distance'
  | 'distance_unknown';

/** One line of "why here in the list", in both languages, for the secretary's page. */
export interface MatchReason {
  code: MatchReasonCode;
  zh: string;
  en: string;
}

export interface ResourceMatch<R extends MatchableResource> {
  resource: R;
  /** 1 for the best candidate. */
  rank: number;
  servesKind: boolean;
  availableToday: boolean;
  /** capacity − committed. */
  remaining: number;
  /** remaining ≥ the people the need concerns. */
  coversPeople: boolean;
  /** Metres from the need (or the community's centre) to the resource; null when either has no place. */
  distanceM: number | null;
  reasons: MatchReason[];
}

/** Date part of an ISO date or instant, for day-level comparisons. */
function day(value: string): string {
  return value.slice(0, 10);
}

/**
 * The resources that could serve a need, best first, each with the reasons for its place.
 *
 * Left out: resources whose availability ended before `today` (expired) and those with nothing
 * left to give (committed ≥ capacity). The rest are ordered by, in turn: serving the need's kind
 * (a kindergarten's rooms before a sports ground for childcare), available today (before those
 * available only later), enough remaining capacity for the people concerned, nearer to the need
 * (or the community's centre; resources without a place after those with one), more remaining
 * capacity, and the id so the order is stable. An order of criteria rather than a weighted score,
 * so each reason shown explains the place fully.
 *
 * @param today the committee's current day, YYYY-MM-DD (callers pass the local date).
 */
export function rankResourcesForNeed<R extends MatchableResource>(
  need: MatchedNeed,
  resources: readonly R[],
  community: MatchCommunity,
  today: string,
): ResourceMatch<R>[] {
  const origin = need.location ?? community.centre ?? null;
  const candidates = resources
    .filter((r) => !(r.availableTo && day(r.availableTo) < today) && r.capacity - r.committed > 0)
    .map((resource) => {
      const remaining = resource.capacity - resource.committed;
      const servesKind = resource.serves.includes(need.kind);
      const availableToday = day(resource.availableFrom) <= today;
      const coversPeople = remaining >= need.peopleConcerned;
      const distanceM =
        origin && resource.location ? Math.round(distanceMeters(origin, resource.location)) : null;
      return {
        resource,
        rank: 0,
        servesKind,
        availableToday,
        remaining,
        coversPeople,
        distanceM,
        reasons: reasonsFor(
          resource,
          { servesKind, availableToday, remaining, coversPeople, distanceM },
          need,
        ),
      };
    });
  candidates.sort(
    (a, b) =>
      Number(b.servesKind) - Number(a.servesKind) ||
      Number(b.availableToday) - Number(a.availableToday) ||
      Number(b.coversPeople) - Number(a.coversPeople) ||
      (a.distanceM ?? Number.POSITIVE_INFINITY) - (b.distanceM ?? Number.POSITIVE_INFINITY) ||
      b.remaining - a.remaining ||
      (a.resource.id < b.resource.id ? -1 : a.resource.id > b.resource.id ? 1 : 0),
  );
  return candidates.map((c, i) => ({ ...c, rank: i + 1 }));
}

function reasonsFor(
  resource: MatchableResource,
  facts: {
    servesKind: boolean;
    availableToday: boolean;
    remaining: number;
    coversPeople: boolean;
    distanceM: number | null;
  },
  need: MatchedNeed,
): MatchReason[] {
  const reasons: MatchReason[] = [];
  reasons.push(
    facts.servesKind
      ? { code: 'serves_kind', zh: '适用于此类需求', en: 'Serves this kind of need' }
      : { code: 'serves_other_kinds', zh: '主要用于其他类需求', en: 'Meant for other kinds of need' },
  );
  reasons.push(
    facts.availableToday
      ? { code: 'available_today', zh: '今天可用', en: 'Available today' }
      : {
          code: 'available_later',
          zh: `${day(resource.availableFrom)} 起可用`,
          en: `Available from ${day(resource.availableFrom)}`,
        },
  );
  reasons.push(
    facts.coversPeople
      ? {
          code: 'capacity_covers',
          zh: `剩余容量 ${facts.remaining}，足够 ${need.peopleConcerned} 人`,
          en: `${facts.remaining} left, enough for ${need.peopleConcerned} people`,
        }
      : {
          code: 'capacity_short',
          zh: `剩余容量 ${facts.remaining}，少于 ${need.peopleConcerned} 人`,
          en: `${facts.remaining} left, fewer than ${need.peopleConcerned} people`,
        },
  );
  reasons.push(
    facts.distanceM === null
      ? { code: 'distance_unknown', zh: '距离未知', en: 'Distance unknown' }
      : {
          code: 'distance',
          zh: `距离约 ${facts.distanceM} 米`,
          en: `About ${facts.distanceM} m away`,
        },
  );
  return reasons;
}
