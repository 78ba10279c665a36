import { useState } from 'preact/hooks';
import { ActivitiesPanel } from '../lib/activities-panel';
import type { Area } from '../lib/areas';
import { addMessages, pick, t, useLang } from '../lib/i18n';

addMessages({
  zh: { 'c.activityCommunity': '活动所在社区' },
  en: { 'c.activityCommunity': 'Community of the activities' },
});

/**
 * The unit's activities in a joint committee it belongs to: the community is picked (a unit may
 * serve several), and the unit organises for itself. A community whose committee the unit is not
 * in answers 404, shown as "not found".
 */
export function UnitActivities({ areas }: { areas: Area[] }) {
  useLang();
  const communities = areas.filter((a) => a.level === 'community');
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
