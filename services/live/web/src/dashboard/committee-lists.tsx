import { districtDay } from '@grid-dispatch/domain';
import { useRef, useState } from 'preact/hooks';
import { allPages } from '../lib/all-pages';
import { ApiError, api } from '../lib/api';
import { type Match, type Need, needKindName, type Resource } from '../lib/committee-lists';
import { useCommitteeUpdates } from '../lib/committee-updates';
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
import { addMessages, getLang, pick, t, useLang } from '../lib/i18n';
import { ProjectsPanel, type UnitNames } from '../lib/projects-panel';
import { SkeletonRows } from '../lib/skeleton';
import { useApi } from '../lib/use-api';
import { NeedForm } from '../resident/community-needs';

addMessages({
  zh: {
    'jn.title': '需求清单',
    'jn.none': '暂无需求。',
    'jn.accept': '受理',
    'jn.decline': '不予受理',
    'jn.declineReason': '不予受理的原因（居民可见）',
    'jn.merge': '合并到',
    'jn.mergeGo': '合并',
    'jn.matches': '匹配资源',
    'jn.noMatches': '本街道暂无可用的资源。',
    'jn.resources': '资源清单',
    'jn.noResources': '暂无资源。',
    'jn.newProject': '由所选资源创建项目',
    'jn.projectTitle': '项目名称',
    'jn.projectDescription': '项目说明',
    'jn.lead': '牵头单位',
    'jn.participants': '参与单位',
    'jn.milestone': '节点名称',
    'jn.amount': '用量（剩余 {n}，不填则不占用）',
    'jn.milestoneDue': '节点到期日',
    'jn.addMilestone': '再加一个节点',
    'jn.create': '创建项目',
    'jn.created': '项目已创建，待批准。',
    'jn.stale': '需求已被他人更新，已重新载入，请核对后再操作。',
    'jn.distance': '相距 {m} 米',
  },
  en: {
    'jn.title': 'Needs',
    'jn.none': 'No needs.',
    'jn.accept': 'Accept',
    'jn.decline': 'Decline',
    'jn.declineReason': 'Why declined (the resident reads it)',
    'jn.merge': 'Merge into',
    'jn.mergeGo': 'Merge',
    'jn.matches': 'Matching resources',
    'jn.noMatches': 'No resources available in the sub-district.',
    'jn.resources': 'Resources',
    'jn.noResources': 'No resources.',
    'jn.newProject': 'A project from the chosen resources',
    'jn.projectTitle': 'Project title',
    'jn.projectDescription': 'Description',
    'jn.lead': 'Lead unit',
    'jn.participants': 'Participating units',
    'jn.milestone': 'Milestone',
    'jn.amount': 'Amount used ({n} left; empty takes none)',
    'jn.milestoneDue': 'Milestone due',
    'jn.addMilestone': 'Add a milestone',
    'jn.create': 'Create the project',
    'jn.created': 'Project created, waiting for approval.',
    'jn.stale': 'Someone updated the need meanwhile; it is reloaded, check it and act again.',
    'jn.distance': '{m} m away',
  },
});

type Member = { unitId: string; name: { zh: string; en: string } };

/**
 * A committee's needs, resources and projects for its secretary: needs triaged (accept, decline
 * with a reason, merge), an accepted need's matching resources and a project made from those
 * chosen, the projects moved on, and the resources the member units offer.
 */
export function CommitteeLists({
  communityId,
  members,
}: {
  communityId: string;
  members: readonly Member[];
}) {
  useLang();
  const q = `communityId=${encodeURIComponent(communityId)}`;
  const needs = useApi(`/api/v1/needs?${q}&limit=100`, allPages<Need>);
  const resources = useApi(`/api/v1/resources?${q}&limit=100`, allPages<Resource>);
  const [projects, setProjects] = useState(0);
  // Another secretary's or a unit's change shows without a reload (committee.updated).
  useCommitteeUpdates(communityId, (u) => {
    if (u.entity === 'need') void needs.reload();
    if (u.entity === 'resource') void resources.reload();
    if (u.entity === 'project') setProjects((n) => n + 1);
  });
  const [matching, setMatching] = useState<string | null>(null);
  const unitNames: UnitNames = new Map(members.map((m) => [m.unitId, m.name]));
  const unitName = (id: string) => {
    const n = unitNames.get(id);
    return n ? pick(n) : id;
  };
  const matched = needs.data?.items.find((n) => n.id === matching && n.status === 'accepted');
  return (
    <>
      <NeedsPanel
        needs={needs.data?.items}
        error={needs.error}
        reload={needs.reload}
        matching={matching}
        onMatch={setMatching}
      />
      <section class="card" data-testid="need-on-behalf">
        <NeedForm
          key={communityId}
          base={`/api/v1/communities/${encodeURIComponent(communityId)}`}
          communityId={communityId}
          onRaised={() => void needs.reload()}
          onBehalf
        />
      </section>
      {matched && (
        <MatchesPanel
          key={matched.id}
          need={matched}
          members={members}
          unitName={unitName}
          onCreated={() => {
            setProjects((n) => n + 1);
            void resources.reload();
          }}
        />
      )}
      <ProjectsPanel
        path={`/api/v1/projects?${q}&limit=100`}
        secretary
        unitId={null}
        unitNames={unitNames}
        refresh={projects}
      />
      <section class="card resources-panel" data-testid="committee-resources">
        <h3>{t('jn.resources')}</h3>
        <ErrorBox error={resources.error} />
        {resources.loading && !resources.data && <SkeletonRows rows={2} />}
        {resources.data && resources.data.items.length === 0 && <p class="muted">{t('jn.noResources')}</p>}
        <ul>
          {resources.data?.items.map((r) => (
            <li key={r.id} data-testid="committee-resource">
              <ResourceLine resource={r} unitName={unitName} />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

/** What a resource is, whose, how much is left, when and whom to call. */
export function ResourceLine({
  resource: r,
  unitName,
}: {
  resource: Resource;
  unitName: (id: string) => string;
}) {
  return (
    <>
      <strong>{r.title}</strong> · {t(`jl.resource.${r.kind}`)} · {unitName(r.unitId)}
      <br />
      <span class="muted">
        {t('jl.capacity', { n: r.capacity, remaining: r.remaining })} · {r.availableFrom}–
        {r.availableTo ?? '…'}
        {r.openingHours && ` · ${r.openingHours}`} · {r.serves.map(needKindName).join('、')} ·{' '}
        {r.contact.name} {r.contact.phone}
      </span>
    </>
  );
}

function NeedsPanel({
  needs,
  error: loadError,
  reload,
  matching,
  onMatch,
}: {
  needs: Need[] | undefined;
  error: unknown;
  reload: () => Promise<void>;
  matching: string | null;
  onMatch: (id: string | null) => void;
}) {
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [into, setInto] = useState<Record<string, string>>({});
  const [fields, setFields] = useState<Record<string, Record<string, string>>>({});

  async function triage(need: Need, body: Record<string, unknown>) {
    setBusy(true);
    setError(null);
    setNote('');
    setFields((f) => ({ ...f, [need.id]: {} }));
    try {
      await api('POST', `/api/v1/needs/${encodeURIComponent(need.id)}/triage`, body, {
        headers: { 'if-match': String(need.version) },
      });
      await reload();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        await reload();
        setNote(t('jn.stale'));
      } else if (e instanceof ApiError && e.fields?.length) {
        setFields((f) => ({ ...f, [need.id]: placeFieldErrors(e.fields, ['reason', 'into']) }));
        setError(e);
      } else setError(e);
    } finally {
      setBusy(false);
    }
  }

  const targets = (need: Need) =>
    (needs ?? []).filter((n) => n.id !== need.id && (n.status === 'open' || n.status === 'accepted'));
  return (
    <section class="card needs-panel" data-testid="committee-needs">
      <h3>{t('jn.title')}</h3>
      {note && (
        <p class="note" data-testid="needs-note">
          {note}
        </p>
      )}
      <ErrorBox error={loadError ?? error} placed={(path) => isPlaced(path, ['reason', 'into'])} />
      {!needs && !loadError && <SkeletonRows rows={2} />}
      {needs && needs.length === 0 && <p class="muted">{t('jn.none')}</p>}
      <ul>
        {needs?.map((n) => {
          const f = fields[n.id] ?? {};
          return (
            <li key={n.id} data-testid="staff-need" data-need={n.id} data-status={n.status}>
              <strong>{n.title}</strong> · {needKindName(n.kind)} ·{' '}
              <span data-testid="need-status">{t(`jl.status.${n.status}`)}</span>
              <br />
              <span class="muted">
                {t('jl.people', { n: n.peopleConcerned })} · {t('jl.supporters', { n: n.supporters })}
                {n.contactPhone && ` · ${n.contactPhone}`}
              </span>
              <p>{n.description}</p>
              {n.declineReason && <p class="muted">{n.declineReason}</p>}
              {n.status === 'open' && (
                <div class="triage">
                  <button
                    type="button"
                    class="primary"
                    disabled={busy}
                    data-testid="need-accept"
                    onClick={() => void triage(n, { decision: 'accept' })}
                  >
                    {t('jn.accept')}
                  </button>{' '}
                  <label>
                    {t('jn.declineReason')}
                    <input
                      value={reasons[n.id] ?? ''}
                      data-testid="need-decline-reason"
                      onInput={(e) => setReasons((r) => ({ ...r, [n.id]: e.currentTarget.value }))}
                      {...invalidProps('reason', f.reason)}
                    />
                  </label>
                  <FieldError id={fieldErrorId('reason')} text={f.reason} />
                  <button
                    type="button"
                    disabled={busy}
                    data-testid="need-decline"
                    onClick={() => void triage(n, { decision: 'decline', reason: reasons[n.id] ?? '' })}
                  >
                    {t('jn.decline')}
                  </button>{' '}
                  {targets(n).length > 0 && (
                    <>
                      <label>
                        {t('jn.merge')}{' '}
                        <select
                          value={into[n.id] ?? ''}
                          data-testid="need-merge-into"
                          onChange={(e) => setInto((m) => ({ ...m, [n.id]: e.currentTarget.value }))}
                          {...invalidProps('into', f.into)}
                        >
                          <option value="">—</option>
                          {targets(n).map((x) => (
                            <option key={x.id} value={x.id}>
                              {x.title}
                            </option>
                          ))}
                        </select>
                      </label>
                      <FieldError id={fieldErrorId('into')} text={f.into} />
                      <button
                        type="button"
                        disabled={busy || !into[n.id]}
                        data-testid="need-merge"
                        onClick={() => void triage(n, { decision: 'merge', into: into[n.id] })}
                      >
                        {t('jn.mergeGo')}
                      </button>
                    </>
                  )}
                </div>
              )}
              {n.status === 'accepted' && (
                <button
                  type="button"
                  aria-pressed={matching === n.id}
                  data-testid="need-matches"
                  onClick={() => onMatch(matching === n.id ? null : n.id)}
                >
                  {t('jn.matches')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

const PROJECT_FIELDS = [
  'title',
  'description',
  'resourceIds',
  'leadUnitId',
  'participantUnitIds',
  'milestones',
];

/** The district's day `days` from now, YYYY-MM-DD: a milestone date the form starts from. */
function inDays(days: number): string {
  return districtDay(Date.now() + days * 86_400_000);
}

/** The ranked resources for an accepted need, with reasons, and a project made from those ticked. */
function MatchesPanel({
  need,
  members,
  unitName,
  onCreated,
}: {
  need: Need;
  members: readonly Member[];
  unitName: (id: string) => string;
  onCreated: () => void;
}) {
  const matches = useApi<{ items: Match[] }>(`/api/v1/needs/${encodeURIComponent(need.id)}/matches`);
  const [chosen, setChosen] = useState<string[]>([]);
  // How much of each chosen resource the project takes once approved; empty takes none.
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const commitments = chosen
    .filter((id) => (amounts[id] ?? '').trim() !== '')
    .map((id) => ({ resourceId: id, amount: Number(amounts[id]) }));
  const amountPath = (id: string) =>
    `commitments[${commitments.findIndex((c) => c.resourceId === id)}].amount`;
  const inputPaths = [...PROJECT_FIELDS, ...commitments.map((c) => amountPath(c.resourceId))];
  const [title, setTitle] = useState(need.title);
  const [description, setDescription] = useState(need.description);
  const [lead, setLead] = useState('');
  const [participants, setParticipants] = useState<string[]>([]);
  const [milestones, setMilestones] = useState([{ title: '', due: inDays(14) }]);
  const editMilestone = (i: number, change: Partial<{ title: string; due: string }>) =>
    setMilestones((rows) => rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  // Rows left without a title are not milestones; each due at the end of its day's working hours.
  const milestoneBody = milestones
    .filter((m) => m.title.trim())
    .map((m) => ({ title: m.title.trim(), dueAt: instantFromDatetimeLocal(`${m.due}T18:00`) }));
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const lang = getLang();
  const toggle = (list: string[], id: string) =>
    list.includes(id) ? list.filter((x) => x !== id) : [...list, id];

  async function create(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFields({});
    try {
      await api('POST', '/api/v1/projects', {
        communityId: need.communityId,
        title,
        description,
        needIds: [need.id],
        resourceIds: chosen,
        ...(commitments.length ? { commitments } : {}),
        leadUnitId: lead,
        participantUnitIds: participants.filter((u) => u !== lead),
        ...(milestoneBody.length ? { milestones: milestoneBody } : {}),
      });
      setCreated(true);
      onCreated();
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.fields?.length) {
        setFields(placeFieldErrors(err.fields, inputPaths));
        focusFirstInvalid(form.current);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card matches-panel" data-testid="need-matches-panel">
      <h3>
        {t('jn.matches')} · {need.title}
      </h3>
      <ErrorBox error={matches.error} />
      {matches.loading && !matches.data && <SkeletonRows rows={2} />}
      {matches.data && matches.data.items.length === 0 && <p class="muted">{t('jn.noMatches')}</p>}
      <ol>
        {matches.data?.items.map((m) => (
          <li key={m.resource.id} data-testid="need-match" data-resource={m.resource.id}>
            <label>
              <input
                type="checkbox"
                checked={chosen.includes(m.resource.id)}
                data-testid="match-pick"
                onChange={() => {
                  setChosen((c) => toggle(c, m.resource.id));
                  if (!lead) setLead(m.resource.unitId);
                }}
              />{' '}
              <ResourceLine resource={m.resource} unitName={unitName} />
            </label>
            {chosen.includes(m.resource.id) && (
              <>
                <label class="match-amount">
                  {t('jn.amount', { n: m.resource.remaining })}
                  <input
                    type="number"
                    min={1}
                    max={m.resource.remaining}
                    value={amounts[m.resource.id] ?? ''}
                    data-testid="match-amount"
                    onInput={(e) => {
                      const value = e.currentTarget.value;
                      setAmounts((a) => ({ ...a, [m.resource.id]: value }));
                    }}
                    {...invalidProps(amountPath(m.resource.id), fields[amountPath(m.resource.id)])}
                  />
                </label>
                <FieldError
                  id={fieldErrorId(amountPath(m.resource.id))}
                  text={fields[amountPath(m.resource.id)]}
                />
              </>
            )}
            <ul class="match-reasons">
              {m.reasons.map((r) => (
                <li key={r.code} data-testid="match-reason">
                  {lang === 'en' ? r.en : r.zh}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      {created ? (
        <p class="note" data-testid="project-created">
          {t('jn.created')}
        </p>
      ) : (
        <form ref={form} onSubmit={create} noValidate data-testid="project-form">
          <h4>{t('jn.newProject')}</h4>
          <FieldError id={fieldErrorId('resourceIds')} text={fields.resourceIds} />
          <label>
            {t('jn.projectTitle')}
            <input
              value={title}
              data-testid="project-title"
              onInput={(e) => setTitle(e.currentTarget.value)}
              {...invalidProps('title', fields.title)}
            />
          </label>
          <FieldError id={fieldErrorId('title')} text={fields.title} />
          <label>
            {t('jn.projectDescription')}
            <textarea
              value={description}
              data-testid="project-description"
              onInput={(e) => setDescription(e.currentTarget.value)}
              {...invalidProps('description', fields.description)}
            />
          </label>
          <FieldError id={fieldErrorId('description')} text={fields.description} />
          <label>
            {t('jn.lead')}
            <select
              value={lead}
              data-testid="project-lead"
              onChange={(e) => setLead(e.currentTarget.value)}
              {...invalidProps('leadUnitId', fields.leadUnitId)}
            >
              <option value="">—</option>
              {members.map((m) => (
                <option key={m.unitId} value={m.unitId}>
                  {pick(m.name)}
                </option>
              ))}
            </select>
          </label>
          <FieldError id={fieldErrorId('leadUnitId')} text={fields.leadUnitId} />
          <fieldset>
            <legend>{t('jn.participants')}</legend>
            {members
              .filter((m) => m.unitId !== lead)
              .map((m) => (
                <label key={m.unitId}>
                  <input
                    type="checkbox"
                    checked={participants.includes(m.unitId)}
                    data-testid={`project-participant-${m.unitId}`}
                    onChange={() => setParticipants((p) => toggle(p, m.unitId))}
                  />{' '}
                  {pick(m.name)}
                </label>
              ))}
          </fieldset>
          <FieldError id={fieldErrorId('participantUnitIds')} text={fields.participantUnitIds} />
          {milestones.map((m, i) => (
            <div class="milestone-row" key={i}>
              <label>
                {t('jn.milestone')}
                <input
                  value={m.title}
                  data-testid="project-milestone"
                  onInput={(e) => editMilestone(i, { title: e.currentTarget.value })}
                  {...invalidProps('milestones', fields.milestones)}
                />
              </label>
              <label>
                {t('jn.milestoneDue')}
                <input
                  type="date"
                  value={m.due}
                  data-testid="project-milestone-due"
                  onInput={(e) => editMilestone(i, { due: e.currentTarget.value })}
                />
              </label>
            </div>
          ))}
          <button
            type="button"
            data-testid="project-milestone-add"
            onClick={() => setMilestones((rows) => [...rows, { title: '', due: inDays(28) }])}
          >
            {t('jn.addMilestone')}
          </button>
          <FieldError id={fieldErrorId('milestones')} text={fields.milestones} />
          <ErrorBox error={error} placed={(path) => isPlaced(path, inputPaths)} />
          <button type="submit" class="primary" disabled={busy} data-testid="project-create">
            {t('jn.create')}
          </button>
        </form>
      )}
    </section>
  );
}
