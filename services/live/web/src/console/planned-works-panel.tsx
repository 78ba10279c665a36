import { useRef, useState } from 'preact/hooks';
import { ApiError, api } from '../lib/api';
import type { Area } from '../lib/areas';
import { instantFromDatetimeLocal } from '../lib/datetime-input';
import { ErrorBox } from '../lib/error-box';
import {
  FieldError,
  fieldErrorId,
  focusFirstInvalid,
  invalidProps,
  isPlaced,
  placeFieldErrors,
} from '../lib/field-error';
import { formatDateTime } from '../lib/format';
import { addMessages, getLang, pick, t, useLang } from '../lib/i18n';
import { useApi } from '../lib/use-api';
import type { CategoryInfo } from '../lib/use-categories';

addMessages({
  zh: {
    'pwc.title': '本单位计划施工',
    'pwc.none': '暂无计划施工。',
    'pwc.new': '发布计划施工',
    'pwc.categories': '涉及类别',
    'pwc.grids': '施工网格',
    'pwc.startsAt': '开始时间',
    'pwc.endsAt': '预计结束',
    'pwc.noticeZh': '公告（中文）',
    'pwc.noticeEn': '公告（英文）',
    'pwc.publish': '发布',
    'pwc.end': '提前结束',
    'pwc.cancel': '取消施工',
    'pwc.held': '关联报告 {n} 件',
    'pwc.state.active': '进行中',
    'pwc.state.ended': '已结束',
    'pwc.state.cancelled': '已取消',
  },
  en: {
    'pwc.title': 'Our planned works',
    'pwc.none': 'No planned works.',
    'pwc.new': 'Announce planned works',
    'pwc.categories': 'Categories',
    'pwc.grids': 'Grids',
    'pwc.startsAt': 'Starts',
    'pwc.endsAt': 'Expected end',
    'pwc.noticeZh': 'Notice (Chinese)',
    'pwc.noticeEn': 'Notice (English)',
    'pwc.publish': 'Announce',
    'pwc.end': 'End now',
    'pwc.cancel': 'Cancel',
    'pwc.held': '{n} linked reports held',
    'pwc.state.active': 'running',
    'pwc.state.ended': 'ended',
    'pwc.state.cancelled': 'cancelled',
  },
});

interface UnitWorks {
  id: string;
  categories: string[];
  gridIds: string[];
  startsAt: string;
  endsAt: string;
  notice: { zh: string; en: string };
  state: 'active' | 'ended' | 'cancelled';
  heldReports: number;
}

/** The announcement form's inputs, by the body's field each one fills (`notice.zh` has its own). */
const WORKS_FIELDS = ['categories', 'gridIds', 'startsAt', 'endsAt', 'notice.zh', 'notice.en', 'notice'];

/**
 * The unit's planned works with a form to announce new ones over whole grids: reports of their
 * categories there are then held (and the residents told) instead of dispatched, until they end.
 */
export function PlannedWorksPanel({
  unitId,
  areas,
  categoryName,
}: {
  unitId: string;
  areas: Area[];
  categoryName: (code: string) => string;
}) {
  useLang();
  const base = `/api/v1/units/${encodeURIComponent(unitId)}/planned-works`;
  const list = useApi<{ items: UnitWorks[] }>(base);
  const categories = useApi<CategoryInfo[]>('/api/v1/categories');
  const grids = areas.filter((a) => a.level === 'grid');
  const [chosenCategories, setChosenCategories] = useState<string[]>([]);
  const [chosenGrids, setChosenGrids] = useState<string[]>([]);
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [noticeZh, setNoticeZh] = useState('');
  const [noticeEn, setNoticeEn] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const form = useRef<HTMLFormElement>(null);
  const toggle = (list: string[], id: string) =>
    list.includes(id) ? list.filter((x) => x !== id) : [...list, id];

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

  async function publish(e: Event) {
    e.preventDefault();
    setFields({});
    const ok = await run(async () => {
      try {
        return await api('POST', base, {
          categories: chosenCategories,
          gridIds: chosenGrids,
          startsAt: instantFromDatetimeLocal(startsAt),
          endsAt: instantFromDatetimeLocal(endsAt),
          notice: { zh: noticeZh, en: noticeEn },
        });
      } catch (err) {
        // Each field's problem under its input, in the reader's language; the focus on the first.
        if (err instanceof ApiError && err.fields?.length) {
          setFields(placeFieldErrors(err.fields, WORKS_FIELDS));
          focusFirstInvalid(form.current);
        }
        throw err;
      }
    });
    if (ok) {
      setChosenCategories([]);
      setChosenGrids([]);
      setNoticeZh('');
      setNoticeEn('');
    }
  }

  const lang = getLang();
  return (
    <section class="card planned-works-panel" data-testid="planned-works-panel">
      <h2>{t('pwc.title')}</h2>
      <ErrorBox error={list.error ?? error} placed={(path) => isPlaced(path, WORKS_FIELDS)} />
      {list.data && list.data.items.length === 0 && <p class="muted">{t('pwc.none')}</p>}
      <ul>
        {list.data?.items.map((w) => (
          <li key={w.id} data-testid="unit-planned-works">
            <strong>
              {formatDateTime(w.startsAt, lang)} – {formatDateTime(w.endsAt, lang)}
            </strong>{' '}
            · {t(`pwc.state.${w.state}`)} · {w.categories.map(categoryName).join('、')} ·{' '}
            {w.gridIds.map((id) => pick(areas.find((a) => a.id === id)?.name) || id).join('、')}
            <p>{pick(w.notice)}</p>
            {w.state === 'active' && (
              <p class="hint">
                {t('pwc.held', { n: w.heldReports })}{' '}
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => void run(() => api('POST', `${base}/${w.id}/end`))}
                >
                  {t('pwc.end')}
                </button>{' '}
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => void run(() => api('POST', `${base}/${w.id}/cancel`))}
                >
                  {t('pwc.cancel')}
                </button>
              </p>
            )}
          </li>
        ))}
      </ul>
      <details>
        <summary>{t('pwc.new')}</summary>
        <form onSubmit={publish} ref={form}>
          <fieldset>
            <legend>{t('pwc.categories')}</legend>
            {categories.data?.map((c) => (
              <label key={c.code}>
                <input
                  type="checkbox"
                  checked={chosenCategories.includes(c.code)}
                  onChange={() => setChosenCategories(toggle(chosenCategories, c.code))}
                  {...invalidProps('categories', fields.categories)}
                />{' '}
                {pick(c.name)}
              </label>
            ))}
            <FieldError id={fieldErrorId('categories')} text={fields.categories} />
          </fieldset>
          <fieldset>
            <legend>{t('pwc.grids')}</legend>
            {grids.map((g) => (
              <label key={g.id}>
                <input
                  type="checkbox"
                  checked={chosenGrids.includes(g.id)}
                  onChange={() => setChosenGrids(toggle(chosenGrids, g.id))}
                  {...invalidProps('gridIds', fields.gridIds)}
                />{' '}
                {pick(g.name)}
              </label>
            ))}
            <FieldError id={fieldErrorId('gridIds')} text={fields.gridIds} />
          </fieldset>
          <label>
            {t('pwc.startsAt')}
            <input
              type="datetime-local"
              value={startsAt}
              onInput={(e) => setStartsAt(e.currentTarget.value)}
              {...invalidProps('startsAt', fields.startsAt)}
            />
          </label>
          <FieldError id={fieldErrorId('startsAt')} text={fields.startsAt} />
          <label>
            {t('pwc.endsAt')}
            <input
              type="datetime-local"
              value={endsAt}
              onInput={(e) => setEndsAt(e.currentTarget.value)}
              {...invalidProps('endsAt', fields.endsAt)}
            />
          </label>
          <FieldError id={fieldErrorId('endsAt')} text={fields.endsAt} />
          <label>
            {t('pwc.noticeZh')}
            <textarea
              value={noticeZh}
              onInput={(e) => setNoticeZh(e.currentTarget.value)}
              {...invalidProps('notice.zh', fields['notice.zh'] ?? fields.notice)}
            />
          </label>
          <FieldError id={fieldErrorId('notice.zh')} text={fields['notice.zh'] ?? fields.notice} />
          <label>
            {t('pwc.noticeEn')}
            <textarea
              value={noticeEn}
              onInput={(e) => setNoticeEn(e.currentTarget.value)}
              {...invalidProps('notice.en', fields['notice.en'])}
            />
          </label>
          <FieldError id={fieldErrorId('notice.en')} text={fields['notice.en']} />
          <button type="submit" class="primary" disabled={busy}>
            {t('pwc.publish')}
          </button>
        </form>
      </details>
    </section>
  );
}
