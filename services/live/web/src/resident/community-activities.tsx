import { type Activity, ActivityLine } from '../lib/activities-panel';
import type { Area } from '../lib/areas';
import { ErrorBox } from '../lib/error-box';
import { addMessages, pick, t, useLang } from '../lib/i18n';
import { SkeletonRows } from '../lib/skeleton';
import { useApi } from '../lib/use-api';
import { activitiesHref } from './route';

addMessages({
  zh: {
    'r.activities': '社区活动',
    'r.activitiesCommunity': '选择社区',
    'r.activitiesNone': '该社区近期没有活动。',
  },
  en: {
    'r.activities': 'Community activities',
    'r.activitiesCommunity': 'Community',
    'r.activitiesNone': 'No coming activities in this community.',
  },
});

/**
 * The coming published activities of the community the resident picks, soonest first, without
 * login. The community sits in the address (#/activities/<id>), so a link can be shared.
 */
export function CommunityActivities({ communityId }: { communityId: string | null }) {
  useLang();
  const areas = useApi<Area[]>('/api/v1/areas');
  const communities = (areas.data ?? []).filter((a) => a.level === 'community');
  const chosen = communities.some((a) => a.id === communityId) ? communityId! : (communities[0]?.id ?? null);
  const list = useApi<{ items: Activity[] }>(
    chosen ? `/api/v1/communities/${encodeURIComponent(chosen)}/activities` : null,
  );
  return (
    <section class="card community-activities" data-testid="community-activities">
      <h2>{t('r.activities')}</h2>
      <ErrorBox error={areas.error ?? list.error} />
      {communities.length > 0 && (
        <label>
          {t('r.activitiesCommunity')}
          <select
            value={chosen ?? ''}
            data-testid="activities-community"
            onChange={(e) => {
              location.hash = activitiesHref(e.currentTarget.value);
            }}
          >
            {communities.map((a) => (
              <option key={a.id} value={a.id}>
                {pick(a.name)}
              </option>
            ))}
          </select>
        </label>
      )}
      {(areas.loading || list.loading) && !list.data && <SkeletonRows rows={3} />}
      {list.data && list.data.items.length === 0 && <p class="muted">{t('r.activitiesNone')}</p>}
      <ul class="activity-list">
        {list.data?.items.map((a) => (
          <li key={a.id} data-testid="public-activity">
            <h3>{a.title}</h3>
            <p>
              <ActivityLine activity={a} />
            </p>
            {a.description && <p>{a.description}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
