import { useState } from 'preact/hooks';
import { ActivitiesPanel } from '../lib/activities-panel';
import type { Area } from '../lib/areas';
import { useCommitteeUpdates } from '../lib/committee-updates';
import { ErrorBox } from '../lib/error-box';
import { pick, t, useLang } from '../lib/i18n';
import { fetchStaffBlob, saveBlob } from '../lib/staff-download';
import { useApi } from '../lib/use-api';
import { ChairOrderEditor } from './chair-order-editor';
import type { ChairOrder, Meeting } from './committee.types';
import { CommitteeLists } from './committee-lists';
import { MeetingPanel } from './meeting-panel';
import { MinutesSheet } from './minutes-sheet';
import { monthOf } from './period';

/**
 * The joint committee (联席会议) of a community the secretary may see: the chair rotation, this
 * month's meeting, the past ones with their minutes (printable page and CSV), the committee's
 * activities, and its needs, projects and resources lists.
 */
export function CommitteeView({
  areas,
  defaultAreaId,
}: {
  areas: Area[];
  defaultAreaId: string | undefined;
}) {
  useLang();
  const communities = areas.filter((a) => a.level === 'community');
  const [picked, setPicked] = useState(defaultAreaId ?? '');
  const communityId = communities.some((a) => a.id === picked) ? picked : (communities[0]?.id ?? '');
  const base = `/api/v1/committees/${encodeURIComponent(communityId)}`;
  const month = monthOf(new Date());
  const order = useApi<ChairOrder>(communityId ? `${base}/chair-order` : null);
  const meetings = useApi<{ items: Meeting[] }>(communityId ? `${base}/meetings` : null);
  const [minutesOf, setMinutesOf] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Another secretary's change of this committee's meetings or chair order shows without a reload.
  useCommitteeUpdates(communityId, (u) => {
    if (u.entity === 'meeting') void meetings.reload();
  });
  const past = (meetings.data?.items ?? []).filter((m) => m.month !== month);

  async function csv(m: Meeting) {
    setError(null);
    try {
      const blob = await fetchStaffBlob(
        `${base}/meetings/${m.month}/minutes?format=csv`,
        t('jc.minutesMissing'),
      );
      saveBlob(blob, `minutes-${communityId}-${m.month}.csv`);
    } catch (e) {
      setError(e);
    }
  }

  const minutesButtons = (m: Meeting) => (
    <>
      <button type="button" data-testid={`minutes-open-${m.month}`} onClick={() => setMinutesOf(m.month)}>
        {t('jc.openMinutes')}
      </button>{' '}
      <button type="button" data-testid={`minutes-csv-${m.month}`} onClick={() => void csv(m)}>
        {t('jc.csv')}
      </button>
    </>
  );
  const current = meetings.data?.items.find((m) => m.month === month);

  return (
    <div class="committee-view" data-testid="committee-view">
      <label class="committee-picker">
        {t('jc.community')}{' '}
        <select
          value={communityId}
          data-testid="committee-community"
          onChange={(e) => setPicked(e.currentTarget.value)}
        >
          {communities.map((a) => (
            <option key={a.id} value={a.id}>
              {pick(a.name)}
            </option>
          ))}
        </select>
      </label>
      <ErrorBox error={order.error ?? meetings.error ?? error} />
      {communityId && (
        <div class="committee-grid" key={communityId}>
          <ChairOrderEditor base={base} onSaved={() => void order.reload()} />
          <div>
            <MeetingPanel
              base={base}
              month={month}
              meetings={meetings.data?.items ?? []}
              order={order.data}
              onChanged={meetings.reload}
            />
            {current && <p class="minutes-links">{minutesButtons(current)}</p>}
          </div>
          <section class="card past-meetings" data-testid="past-meetings">
            <h3>{t('jc.past')}</h3>
            {past.length === 0 ? (
              <p class="muted">{t('jc.noPast')}</p>
            ) : (
              <ul>
                {past.map((m) => (
                  <li key={m.id}>
                    {m.month} · {t('jc.chair', { name: pick(m.chair.name) })} · {t(`jc.status.${m.status}`)}{' '}
                    {minutesButtons(m)}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <ActivitiesPanel communityId={communityId} organisers={order.data?.order ?? []} />
          <CommitteeLists communityId={communityId} members={order.data?.order ?? []} />
        </div>
      )}
      {minutesOf && (
        <MinutesSheet path={`${base}/meetings/${minutesOf}/minutes`} onClose={() => setMinutesOf(null)} />
      )}
    </div>
  );
}
