import { useRef, useState } from 'preact/hooks';
import { ApiError, api } from './api';
import { instantFromDatetimeLocal } from './datetime-input';
import { ErrorBox } from './error-box';
import {
  FieldError,
  fieldErrorId,
  focusFirstInvalid,
  invalidProps,
  isPlaced,
  placeFieldErrors,
} from './field-error';
import { formatDateTime } from './format';
import { addMessages, getLang, pick, t, useLang } from './i18n';
import { SkeletonRows } from './skeleton';
import { useApi } from './use-api';

addMessages({
  zh: {
    'act.title': '社区活动',
    'act.none': '暂无活动。',
    'act.new': '新建活动',
    'act.name': '活动名称',
    'act.description': '活动介绍',
    'act.startsAt': '开始时间',
    'act.endsAt': '结束时间',
    'act.organiser': '主办单位',
    'act.ownUnit': '本单位',
    'act.venue': '场地（资源清单编号，可不填）',
    'act.create': '保存为草稿',
    'act.publish': '发布',
    'act.published': '已发布',
    'act.draft': '草稿',
    'act.at': '地点：{venue}',
    'act.by': '主办：{name}',
  },
  en: {
    'act.title': 'Community activities',
    'act.none': 'No activities.',
    'act.new': 'New activity',
    'act.name': 'Title',
    'act.description': 'Description',
    'act.startsAt': 'Starts',
    'act.endsAt': 'Ends',
    'act.organiser': 'Organiser',
    'act.ownUnit': 'Our unit',
    'act.venue': 'Venue (resources list id, optional)',
    'act.create': 'Save as draft',
    'act.publish': 'Publish',
    'act.published': 'published',
    'act.draft': 'draft',
    'act.at': 'At {venue}',
    'act.by': 'By {name}',
  },
});

/** An activity as the committee's staff read it (GET /api/v1/committees/{id}/activities). */
export interface Activity {
  id: string;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  venue: { resourceId: string; title: string } | null;
  organiser: { unitId: string; name: { zh: string; en: string } };
  published?: boolean;
  version?: number;
}

/** The form's inputs, by the body's field each one fills. */
const ACTIVITY_FIELDS = ['title', 'description', 'startsAt', 'endsAt', 'organiserUnitId', 'resourceId'];

/** When, where and by whom, on one line. */
export function ActivityLine({ activity }: { activity: Activity }) {
  const lang = getLang();
  return (
    <span class="activity-line">
      {formatDateTime(activity.startsAt, lang)} – {formatDateTime(activity.endsAt, lang)}
      {activity.venue && <> · {t('act.at', { venue: activity.venue.title || activity.venue.resourceId })}</>}{' '}
      · {t('act.by', { name: pick(activity.organiser.name) })}
    </span>
  );
}

/**
 * The committee's activities for its staff: every one (drafts too), a form to create one and a
 * button to publish a draft to the residents' page. A secretary names the organiser among the
 * member units (`organisers`); a unit's staff organise for their own unit (no list given).
 */
export function ActivitiesPanel({
  communityId,
  organisers,
}: {
  communityId: string;
  organisers: ReadonlyArray<{ unitId: string; name: { zh: string; en: string } }>;
}) {
  useLang();
  const base = `/api/v1/committees/${encodeURIComponent(communityId)}/activities`;
  const list = useApi<{ items: Activity[] }>(base);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [organiser, setOrganiser] = useState('');
  const [resourceId, setResourceId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const form = useRef<HTMLFormElement>(null);

  async function run(call: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await call();
      await list.reload();
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function create(e: Event) {
    e.preventDefault();
    setFields({});
    const ok = await run(async () => {
      try {
        return await api('POST', base, {
          title,
          description,
          startsAt: instantFromDatetimeLocal(startsAt),
          endsAt: instantFromDatetimeLocal(endsAt),
          ...(organiser ? { organiserUnitId: organiser } : {}),
          ...(resourceId.trim() ? { resourceId: resourceId.trim() } : {}),
        });
      } catch (err) {
        // Each field's problem under its input, in the reader's language; the focus on the first.
        if (err instanceof ApiError && err.fields?.length) {
          setFields(placeFieldErrors(err.fields, ACTIVITY_FIELDS));
          focusFirstInvalid(form.current);
        }
        throw err;
      }
    });
    if (ok) {
      setTitle('');
      setDescription('');
      setResourceId('');
    }
  }

  const input = (path: string, label: string, value: string, set: (v: string) => void, type = 'text') => (
    <>
      <label>
        {label}
        <input
          type={type}
          value={value}
          data-testid={`activity-${path}`}
          onInput={(e) => set(e.currentTarget.value)}
          {...invalidProps(path, fields[path])}
        />
      </label>
      <FieldError id={fieldErrorId(path)} text={fields[path]} />
    </>
  );

  return (
    <section class="card activities-panel" data-testid="activities-panel">
      <h3>{t('act.title')}</h3>
      <ErrorBox error={list.error ?? error} placed={(path) => isPlaced(path, ACTIVITY_FIELDS)} />
      {list.loading && !list.data && <SkeletonRows rows={2} />}
      {list.data && list.data.items.length === 0 && <p class="muted">{t('act.none')}</p>}
      <ul>
        {list.data?.items.map((a) => (
          <li key={a.id} data-testid="staff-activity" data-published={String(a.published)}>
            <strong>{a.title}</strong> · {t(a.published ? 'act.published' : 'act.draft')}
            <br />
            <ActivityLine activity={a} />
            {!a.published && (
              <>
                {' '}
                <button
                  type="button"
                  disabled={busy}
                  data-testid="activity-publish"
                  onClick={() =>
                    void run(() =>
                      api('POST', `${base}/${a.id}/publish`, undefined, {
                        headers: { 'if-match': String(a.version) },
                      }),
                    )
                  }
                >
                  {t('act.publish')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <details>
        <summary data-testid="activity-new">{t('act.new')}</summary>
        <form onSubmit={create} ref={form}>
          {input('title', t('act.name'), title, setTitle)}
          <label>
            {t('act.description')}
            <textarea
              value={description}
              data-testid="activity-description"
              onInput={(e) => setDescription(e.currentTarget.value)}
              {...invalidProps('description', fields.description)}
            />
          </label>
          <FieldError id={fieldErrorId('description')} text={fields.description} />
          {input('startsAt', t('act.startsAt'), startsAt, setStartsAt, 'datetime-local')}
          {input('endsAt', t('act.endsAt'), endsAt, setEndsAt, 'datetime-local')}
          {organisers.length > 0 && (
            <>
              <label>
                {t('act.organiser')}
                <select
                  value={organiser}
                  onChange={(e) => setOrganiser(e.currentTarget.value)}
                  {...invalidProps('organiserUnitId', fields.organiserUnitId)}
                >
                  <option value="">—</option>
                  {organisers.map((u) => (
                    <option key={u.unitId} value={u.unitId}>
                      {pick(u.name)}
                    </option>
                  ))}
                </select>
              </label>
              <FieldError id={fieldErrorId('organiserUnitId')} text={fields.organiserUnitId} />
            </>
          )}
          {input('resourceId', t('act.venue'), resourceId, setResourceId)}
          <button type="submit" class="primary" disabled={busy} data-testid="activity-create">
            {t('act.create')}
          </button>
        </form>
      </details>
    </section>
  );
}
