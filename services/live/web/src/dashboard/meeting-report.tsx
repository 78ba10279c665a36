import { useState } from 'preact/hooks';
import type { Area } from '../lib/areas';
import { ErrorBox } from '../lib/error-box';
import { pick, t, useLang } from '../lib/i18n';
import { fetchStaffBlob, saveBlob } from '../lib/staff-download';
import { meetingPath, monthOf } from './period';

/**
 * The monthly joint-meeting report of a committee (a community or sub-district). The API wants the
 * staff token in a header, which a plain link cannot send, so the report is fetched and opened
 * from a blob: the printable page in a new tab, the CSV as a download.
 */
export function MeetingReport({
  areas,
  defaultAreaId,
}: {
  areas: Area[];
  defaultAreaId: string | undefined;
}) {
  useLang();
  // Committees sit at communities and sub-districts; the district's report sums them up. Grids have none.
  const committees = areas.filter((a) => a.level !== 'grid');
  const [areaId, setAreaId] = useState(defaultAreaId ?? '');
  const [month, setMonth] = useState(monthOf(new Date()));
  const [error, setError] = useState<unknown>(null);
  const chosen = committees.some((a) => a.id === areaId) ? areaId : (committees[0]?.id ?? '');

  async function open(format: 'html' | 'csv') {
    setError(null);
    // Opened before the fetch: a window opened after an await is blocked as a pop-up.
    const tab = format === 'html' ? window.open('', '_blank') : null;
    try {
      const blob = await fetchStaffBlob(meetingPath(chosen, month, format), t('meeting.missing'));
      if (!tab) return saveBlob(blob, `joint-meeting-${chosen}-${month}.csv`);
      const url = URL.createObjectURL(blob);
      tab.location.href = url;
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      tab?.close();
      setError(e);
    }
  }

  return (
    <div class="meeting-report" data-testid="meeting-report">
      <h3>{t('meeting.title')}</h3>
      <label>
        {t('meeting.area')}{' '}
        <select value={chosen} onChange={(e) => setAreaId(e.currentTarget.value)}>
          {committees.map((a) => (
            <option key={a.id} value={a.id}>
              {pick(a.name)}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        {t('meeting.month')}{' '}
        <input
          type="month"
          data-testid="meeting-month"
          value={month}
          onChange={(e) => setMonth(e.currentTarget.value)}
        />
      </label>{' '}
      <button type="button" data-testid="meeting-html" disabled={!chosen} onClick={() => open('html')}>
        {t('meeting.html')}
      </button>{' '}
      <button type="button" data-testid="meeting-csv" disabled={!chosen} onClick={() => open('csv')}>
        {t('meeting.csv')}
      </button>
      <ErrorBox error={error} />
    </div>
  );
}
