import { useState } from 'preact/hooks';
import { ActivitiesPanel } from '../lib/activities-panel';
import type { Area } from '../lib/areas';
import { addMessages, pick, t, useLang } from '../lib/i18n';
import { getSession } from '../lib/session';
import { useApi } from '../lib/use-api';

addMessages({
  zh: { 'c.activityCommunity': '活动所在社区' },
  en: { 'c.activityCommunity': 'Community of the activities' },
});

/** An area and every area above it. */
function pathUp(areas: readonly Area[], id: string): string[] {
  const byId = new Map(areas.map((a) => [a.id, a]));
  const path: string[] = [];
  for (let at = byId.get(id); at && !path.includes(at.id); at = byId.get(at.parentId ?? '')) path.push(at.id);
  return path;
}

/**
 * The communities whose joint committee a unit sits on: it serves the community, an area above
 * it or one below it (the committee's membership rule).
 */
export function unitCommunities(areas: readonly Area[], unitAreaIds: readonly string[]): Area[] {
  return areas.filter(
    (c) =>
      c.level === 'community' &&
      unitAreaIds.some((a) => pathUp(areas, c.id).includes(a) || pathUp(areas, a).includes(c.id)),
  );
}

/**
 * The unit's activities in a joint committee it belongs to: the community is picked (a unit may
 * serve several), and the unit organises for itself. Only the committees the unit sits on are offered.
 */
export function UnitActivities({ areas }: { areas: Area[] }) {
  useLang();
  const unitId = getSession()?.user.unitId;
  const units = useApi<Array<{ id: string; areaIds: string[] }>>(unitId ? '/api/v1/units' : null);
  const own = units.data?.find((u) => u.id === unitId);
  const communities = own ? unitCommunities(areas, own.areaIds) : [];
  const [picked, setPicked] = useState('');
  const communityId = communities.some((a) => a.id === picked) ? picked : (communities[0]?.id ?? '');
  if (!communityId) return null;
  return (
    <div class="unit-activities" data-testid="unit-activities">
      <label>
        {t('c.activityCommunity')}{' '}
        <select
          value={communityId}
          data-testid="activity-community"
          onChange={(e) => setPicked(e.currentTarget.value)}
        >
          {communities.map((a) => (
            <option key={a.id} value={a.id}>
              {pick(a.name)}
            </option>
          ))}
        </select>
      </label>
      <ActivitiesPanel key={communityId} communityId={communityId} organisers={[]} />
    </div>
  );
}
