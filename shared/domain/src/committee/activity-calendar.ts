/** An activity of the committee's calendar, as far as these rules need it. */
export interface CalendarActivity {
  id: string;
  communityId: string;
  startsAt: string;
  endsAt: string;
  resourceId?: string | null;
  published: boolean;
}

/**
 * The activities residents see: published, not yet over at `now` (one under way still shows),
 * soonest first.
 */
export function upcomingActivities<T extends CalendarActivity>(activities: readonly T[], now: string): T[] {
  const at = Date.parse(now);
  return activities
    .filter((a) => a.published && Date.parse(a.endsAt) > at)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
}

/**
 * The activities that hold the same venue at an overlapping time (a venue is booked whether or not
 * the activity is published yet). Touching ends do not clash: one may end at 10:00 and the next
 * start then.
 */
export function venueClashes<T extends CalendarActivity>(
  activities: readonly T[],
  candidate: { id?: string; resourceId?: string | null; startsAt: string; endsAt: string },
): T[] {
  if (!candidate.resourceId) return [];
  const start = Date.parse(candidate.startsAt);
  const end = Date.parse(candidate.endsAt);
  return activities.filter(
    (a) =>
      a.id !== candidate.id &&
      a.resourceId === candidate.resourceId &&
      Date.parse(a.startsAt) < end &&
      start < Date.parse(a.endsAt),
  );
}
