import { useEffect, useState } from 'preact/hooks';
import { allPages } from './all-pages';
import { ApiError, api } from './api';
import type { Project } from './committee-lists';
import { ErrorBox } from './error-box';
import { formatDateTime } from './format';
import { addMessages, getLang, pick, t, useLang } from './i18n';
import { SkeletonRows } from './skeleton';
import { useApi } from './use-api';

addMessages({
  zh: {
    'jp.title': '项目清单',
    'jp.none': '暂无项目。',
    'jp.lead': '牵头：{name}',
    'jp.participants': '参与：{names}',
    'jp.step.approve': '批准',
    'jp.step.start': '开始实施',
    'jp.step.deliver': '交付',
    'jp.step.evaluate': '结束评价',
    'jp.done': '标记完成',
    'jp.waive': '免除',
    'jp.waiveReason': '免除原因',
    'jp.stale': '项目已被他人更新，已重新载入最新状态，请核对后再操作。',
  },
  en: {
    'jp.title': 'Projects',
    'jp.none': 'No projects.',
    'jp.lead': 'Lead: {name}',
    'jp.participants': 'With: {names}',
    'jp.step.approve': 'Approve',
    'jp.step.start': 'Start',
    'jp.step.deliver': 'Deliver',
    'jp.step.evaluate': 'Close the evaluation',
    'jp.done': 'Mark done',
    'jp.waive': 'Waive',
    'jp.waiveReason': 'Why waived',
    'jp.stale': 'Someone updated the project meanwhile; it is reloaded, check it and act again.',
  },
});

/** The step a project's status allows next, and who may take it (the server decides in the end). */
const NEXT_STEP: Record<string, { step: string; by: 'secretary' | 'lead' } | undefined> = {
  proposed: { step: 'approve', by: 'secretary' },
  approved: { step: 'start', by: 'lead' },
  in_progress: { step: 'deliver', by: 'lead' },
  delivered: { step: 'evaluate', by: 'secretary' },
};

export type UnitNames = ReadonlyMap<string, { zh: string; en: string }>;

/**
 * Projects for staff: where each stands, its milestones, and the one next step the reader may
 * take (a secretary any; a unit's staff start and deliver what their unit leads, and mark any
 * milestone of a project it takes part in done). A stale version (409) is said in a sentence and
 * the list reloaded.
 */
export function ProjectsPanel({
  path,
  secretary,
  unitId,
  unitNames,
  refresh = 0,
  titleKey = 'jp.title',
}: {
  path: string;
  secretary: boolean;
  unitId: string | null;
  unitNames: UnitNames;
  refresh?: number;
  /** The panel's heading, a message key. */
  titleKey?: string;
}) {
  useLang();
  const list = useApi(path, allPages<Project>);
  // A project made elsewhere on the page (refresh counts them) shows at once.
  useEffect(() => {
    if (refresh) void list.reload();
  }, [refresh]);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  // The milestone whose waiver is being written, and why.
  const [waiving, setWaiving] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const name = (id: string) => {
    const n = unitNames.get(id);
    return n ? pick(n) : id;
  };

  async function act(project: Project, to: string, body?: unknown) {
    setBusy(true);
    setError(null);
    setNote('');
    try {
      await api('POST', `/api/v1/projects/${encodeURIComponent(project.id)}/${to}`, body ?? {}, {
        headers: { 'if-match': String(project.version) },
      });
      await list.reload();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        await list.reload();
        setNote(t('jp.stale'));
      } else setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card projects-panel" data-testid="projects-panel">
      <h3>{t(titleKey)}</h3>
      {note && (
        <p class="note" data-testid="projects-note">
          {note}
        </p>
      )}
      <ErrorBox error={list.error ?? error} />
      {list.loading && !list.data && <SkeletonRows rows={2} />}
      {list.data && list.data.items.length === 0 && <p class="muted">{t('jp.none')}</p>}
      <ul>
        {list.data?.items.map((p) => {
          const next = NEXT_STEP[p.status];
          const mayStep = next && (secretary || (next.by === 'lead' && p.leadUnitId === unitId));
          const working = p.status === 'approved' || p.status === 'in_progress';
          return (
            <li key={p.id} data-testid="staff-project" data-project={p.id} data-status={p.status}>
              <strong>{p.title}</strong> ·{' '}
              <span data-testid="project-status">{t(`jl.project.${p.status}`)}</span>
              <br />
              <span class="muted">
                {t('jp.lead', { name: name(p.leadUnitId) })}
                {p.participantUnitIds.length > 0 &&
                  ` · ${t('jp.participants', { names: p.participantUnitIds.map(name).join('、') })}`}
                {p.averageScore !== null &&
                  ` · ${t('jl.score', { score: p.averageScore, n: p.evaluationCount })}`}
              </span>
              <ol class="milestones">
                {p.milestones.map((m) => (
                  <li key={m.id} data-testid="milestone" data-done={String(m.doneAt !== null)}>
                    {m.title} · {t('jl.milestoneDue', { due: formatDateTime(m.dueAt, getLang()) })}
                    {m.doneAt && ` · ${t('jl.milestoneDone')}`}
                    {m.waivedAt &&
                      ` · ${t('jl.milestoneWaived')}${m.waiveReason ? `（${m.waiveReason}）` : ''}`}
                    {working && !m.doneAt && !m.waivedAt && (
                      <>
                        {' '}
                        <button
                          type="button"
                          disabled={busy}
                          data-testid="milestone-done"
                          onClick={() => void act(p, `milestones/${encodeURIComponent(m.id)}/done`)}
                        >
                          {t('jp.done')}
                        </button>
                        {secretary && (
                          <>
                            {' '}
                            {waiving === m.id ? (
                              <span class="waive-form">
                                <label>
                                  {t('jp.waiveReason')}{' '}
                                  <input
                                    value={reason}
                                    data-testid="milestone-waive-reason"
                                    onInput={(e) => setReason(e.currentTarget.value)}
                                  />
                                </label>{' '}
                                <button
                                  type="button"
                                  disabled={busy}
                                  data-testid="milestone-waive-confirm"
                                  onClick={() => {
                                    setWaiving(null);
                                    void act(p, `milestones/${encodeURIComponent(m.id)}/waive`, { reason });
                                  }}
                                >
                                  {t('jp.waive')}
                                </button>
                              </span>
                            ) : (
                              <button
                                type="button"
                                disabled={busy}
                                data-testid="milestone-waive"
                                onClick={() => {
                                  setReason('');
                                  setWaiving(m.id);
                                }}
                              >
                                {t('jp.waive')}
                              </button>
                            )}
                          </>
                        )}
                      </>
                    )}
                  </li>
                ))}
              </ol>
              {next && mayStep && (
                <button
                  type="button"
                  class="primary"
                  disabled={busy}
                  data-testid={`project-${next.step}`}
                  onClick={() => void act(p, next.step)}
                >
                  {t(`jp.step.${next.step}`)}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
