import { NEED_KINDS } from '@grid-dispatch/domain';
import { useRef, useState } from 'preact/hooks';
import { ApiError, api } from '../lib/api';
import type { Area } from '../lib/areas';
import { type Need, needKindName, type Project } from '../lib/committee-lists';
import { ErrorBox } from '../lib/error-box';
import {
  FieldError,
  fieldErrorId,
  focusFirstInvalid,
  invalidProps,
  isPlaced,
  placeFieldErrors,
} from '../lib/field-error';
import { addMessages, pick, t, useLang } from '../lib/i18n';
import { SkeletonRows } from '../lib/skeleton';
import { useApi } from '../lib/use-api';
import { deviceId } from './device-id';
import { needsHref } from './route';

addMessages({
  zh: {
    'rn.title': '社区需求',
    'rn.community': '选择社区',
    'rn.none': '该社区暂无待办需求。',
    'rn.meToo': '我也需要',
    'rn.supported': '已记下，共 {n} 人需要。',
    'rn.supportedBefore': '您之前已经表示过需要（共 {n} 人）。',
    'rn.raise': '提出新需求',
    'rn.needTitle': '需求标题',
    'rn.description': '具体说明',
    'rn.kind': '需求类别',
    'rn.people': '涉及人数',
    'rn.phone': '联系电话（选填，仅工作人员可见）',
    'rn.submit': '提交需求',
    'rn.submitAnyway': '不是同一件事，仍然提交',
    'rn.similar': '社区里已有相近的需求，如果是同一件事，点“我也需要”即可：',
    'rn.mine': '我提出的需求',
    'rn.declined': '未受理原因：{reason}',
    'rn.thanks': '已收到您的需求，联席会议会尽快受理。',
    'rn.projects': '已交付的服务项目',
    'rn.noProjects': '暂无已交付的项目。',
    'rn.rate': '评分',
    'rn.rateSend': '提交评分',
    'rn.rated': '谢谢您的评分。',
    'rn.raiseOnBehalf': '代居民登记需求',
    'rn.phoneOnBehalf': '居民电话（附议时必填，仅工作人员可见）',
    'rn.similarOnBehalf': '社区里已有相近的需求，如果是同一件事，记为该居民附议：',
    'rn.supportByPhone': '记为该居民附议',
    'rn.phoneForSupport': '请先填写居民的电话，一个电话只记一次。',
    'rn.recorded': '已登记，可在上方需求列表中受理。',
    'rn.supportedByPhone': '已记下该居民附议，共 {n} 人需要。',
    'rn.supportedByPhoneBefore': '该电话此前已附议过（共 {n} 人）。',
  },
  en: {
    'rn.title': 'Community needs',
    'rn.community': 'Community',
    'rn.none': 'No open needs in this community.',
    'rn.meToo': 'Me too',
    'rn.supported': 'Noted: {n} people need this.',
    'rn.supportedBefore': 'You said so before ({n} people need this).',
    'rn.raise': 'Raise a need',
    'rn.needTitle': 'Title',
    'rn.description': 'What is needed',
    'rn.kind': 'Kind',
    'rn.people': 'People concerned',
    'rn.phone': 'Phone (optional, seen by staff only)',
    'rn.submit': 'Send the need',
    'rn.submitAnyway': 'Not the same: send it anyway',
    'rn.similar': 'The community has similar needs already; if it is the same, press “Me too”:',
    'rn.mine': 'Needs I raised',
    'rn.declined': 'Declined: {reason}',
    'rn.thanks': 'Your need is received; the joint committee will look at it soon.',
    'rn.projects': 'Delivered projects',
    'rn.noProjects': 'No delivered projects yet.',
    'rn.rate': 'Score',
    'rn.rateSend': 'Send the score',
    'rn.rated': 'Thank you for your score.',
    'rn.raiseOnBehalf': 'Record a need for a resident',
    'rn.phoneOnBehalf': 'Resident’s phone (needed to add them to a need; staff only)',
    'rn.similarOnBehalf':
      'The community has similar needs already; if it is the same, add the resident to it:',
    'rn.supportByPhone': 'Add this resident',
    'rn.phoneForSupport': 'Enter the resident’s phone first: each number counts once.',
    'rn.recorded': 'Recorded: triage it in the needs list above.',
    'rn.supportedByPhone': 'The resident is added: {n} people need this.',
    'rn.supportedByPhoneBefore': 'That number was added before ({n} people need this).',
  },
});

const MINE_KEY = 'gd.needs';
const NEED_FIELDS = ['title', 'description', 'kind', 'peopleConcerned', 'contactPhone'];

/** The needs this browser raised, by community and id (kept so the resident can come back to them). */
function ownNeeds(): Array<{ communityId: string; id: string }> {
  try {
    const kept = JSON.parse(localStorage.getItem(MINE_KEY) ?? '[]');
    return Array.isArray(kept) ? kept : [];
  } catch {
    return [];
  }
}

function rememberNeed(communityId: string, id: string) {
  try {
    localStorage.setItem(MINE_KEY, JSON.stringify([{ communityId, id }, ...ownNeeds()].slice(0, 20)));
  } catch {
    // Not kept: the resident still saw the answer.
  }
}

/**
 * A community's needs list for residents, without login: the open and accepted needs with "me
 * too" (once per device), a form to raise one that offers near-duplicates first, the resident's
 * own needs with their status, and the delivered projects to rate.
 */
export function CommunityNeeds({ communityId }: { communityId: string | null }) {
  useLang();
  const areas = useApi<Area[]>('/api/v1/areas');
  const communities = (areas.data ?? []).filter((a) => a.level === 'community');
  const chosen = communities.some((a) => a.id === communityId) ? communityId! : (communities[0]?.id ?? null);
  return (
    <section class="card community-needs" data-testid="community-needs">
      <h2>{t('rn.title')}</h2>
      <ErrorBox error={areas.error} />
      {communities.length > 0 && (
        <label>
          {t('rn.community')}
          <select
            value={chosen ?? ''}
            data-testid="needs-community"
            onChange={(e) => {
              location.hash = needsHref(e.currentTarget.value);
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
      {areas.loading && !areas.data && <SkeletonRows rows={3} />}
      {chosen && <CommunityLists key={chosen} communityId={chosen} />}
    </section>
  );
}

function CommunityLists({ communityId }: { communityId: string }) {
  const base = `/api/v1/communities/${encodeURIComponent(communityId)}`;
  const list = useApi<{ items: Need[] }>(`${base}/needs`);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  // Each need raised here counts up, so the resident's own list shows the new one at once.
  const [raised, setRaised] = useState(0);

  async function support(need: Need) {
    setError(null);
    try {
      const r = await api<{ supporters: number; alreadySupported: boolean }>(
        'POST',
        `${base}/needs/${encodeURIComponent(need.id)}/support`,
        { device: deviceId() },
      );
      setNotes((n) => ({
        ...n,
        [need.id]: t(r.alreadySupported ? 'rn.supportedBefore' : 'rn.supported', { n: r.supporters }),
      }));
      void list.reload();
    } catch (e) {
      setError(e);
    }
  }

  const needItem = (n: Need) => (
    <li key={n.id} data-testid="public-need" data-need={n.id}>
      <h3>{n.title}</h3>
      <p class="muted">
        {needKindName(n.kind)} · {t(`jl.status.${n.status}`)} · {t('jl.people', { n: n.peopleConcerned })} ·{' '}
        <span data-testid="need-supporters">{t('jl.supporters', { n: n.supporters })}</span>
      </p>
      <p>{n.description}</p>
      {notes[n.id] ? (
        <p class="note" data-testid="need-support-note">
          {notes[n.id]}
        </p>
      ) : (
        <button type="button" data-testid="need-me-too" onClick={() => void support(n)}>
          {t('rn.meToo')}
        </button>
      )}
    </li>
  );

  return (
    <>
      <ErrorBox error={list.error ?? error} />
      {list.loading && !list.data && <SkeletonRows rows={3} />}
      {list.data && list.data.items.length === 0 && <p class="muted">{t('rn.none')}</p>}
      <ul class="need-list">{list.data?.items.map(needItem)}</ul>
      <OwnNeeds key={raised} base={base} communityId={communityId} />
      <NeedForm
        base={base}
        communityId={communityId}
        onRaised={() => {
          setRaised((n) => n + 1);
          void list.reload();
        }}
        supportItem={needItem}
      />
      <DeliveredProjects base={base} />
    </>
  );
}

/** The needs this device raised in the community, with where each stands and why it was declined. */
function OwnNeeds({ base, communityId }: { base: string; communityId: string }) {
  const [ids] = useState(() => ownNeeds().filter((n) => n.communityId === communityId));
  if (ids.length === 0) return null;
  return (
    <div class="own-needs" data-testid="own-needs">
      <h3>{t('rn.mine')}</h3>
      <ul>
        {ids.map((n) => (
          <OwnNeed key={n.id} path={`${base}/needs/${encodeURIComponent(n.id)}`} />
        ))}
      </ul>
    </div>
  );
}

function OwnNeed({ path }: { path: string }) {
  const need = useApi<Need>(path);
  if (!need.data) return null;
  const n = need.data;
  return (
    <li data-testid="own-need" data-status={n.status}>
      <strong>{n.title}</strong> · {t(`jl.status.${n.status}`)}
      {n.declineReason && (
        <p data-testid="own-need-reason">{t('rn.declined', { reason: n.declineReason })}</p>
      )}
    </li>
  );
}

/**
 * A new need, with the community's near-duplicates offered first. A resident's device sends it
 * itself; staff (`onBehalf`) record a caller's or visitor's need, and add the resident, by phone,
 * to a near-duplicate instead.
 */
export function NeedForm({
  base,
  communityId,
  onRaised,
  supportItem,
  onBehalf = false,
}: {
  /** The community's public path, /api/v1/communities/{id}. */
  base: string;
  communityId: string;
  onRaised: () => void;
  /** How a resident's page shows a near-duplicate, with its "me too". */
  supportItem?: (n: Need) => preact.JSX.Element;
  onBehalf?: boolean;
}) {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [kind, setKind] = useState('');
  const [people, setPeople] = useState('1');
  const [phone, setPhone] = useState('');
  // Near-duplicates shown for this kind and title; sending again goes ahead.
  const [similar, setSimilar] = useState<{ key: string; items: Need[] } | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  // Staff: what adding the resident to a near-duplicate answered, by need.
  const [added, setAdded] = useState<Record<string, string>>({});
  const form = useRef<HTMLFormElement>(null);

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const key = `${kind}\n${title.trim()}`;
      if (kind && title.trim().length >= 2 && similar?.key !== key) {
        const found = await api<{ items: Need[] }>(
          'GET',
          `${base}/needs/similar?kind=${encodeURIComponent(kind)}&title=${encodeURIComponent(title.trim())}`,
        );
        setSimilar({ key, items: found.items });
        if (found.items.length > 0) return;
      }
      const need = {
        title,
        description,
        kind,
        peopleConcerned: Number(people),
        ...(phone.trim() ? { contactPhone: phone.trim() } : {}),
      };
      if (onBehalf) await api<Need>('POST', '/api/v1/needs', { communityId, ...need });
      else
        rememberNeed(
          communityId,
          (await api<Need>('POST', `${base}/needs`, { ...need, device: deviceId() })).id,
        );
      setSent(true);
      setTitle('');
      setDescription('');
      setSimilar(null);
      if (onBehalf) setPhone('');
      onRaised();
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.fields?.length) {
        setFields(placeFieldErrors(err.fields, NEED_FIELDS));
        focusFirstInvalid(form.current);
      }
    } finally {
      setBusy(false);
    }
  }

  /** Staff: the resident on the phone needs what a near-duplicate says; each number counts once. */
  async function addResident(n: Need) {
    setError(null);
    setFields({});
    if (!phone.trim()) {
      setFields({ contactPhone: t('rn.phoneForSupport') });
      focusFirstInvalid(form.current);
      return;
    }
    try {
      const r = await api<{ supporters: number; alreadySupported: boolean }>(
        'POST',
        `${base}/needs/${encodeURIComponent(n.id)}/support`,
        { phone: phone.trim() },
      );
      const said = r.alreadySupported ? 'rn.supportedByPhoneBefore' : 'rn.supportedByPhone';
      setAdded((a) => ({ ...a, [n.id]: t(said, { n: r.supporters }) }));
      onRaised();
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.fields?.length) {
        setFields(
          placeFieldErrors(
            err.fields.map((f) => (f.path === 'phone' ? { ...f, path: 'contactPhone' } : f)),
            NEED_FIELDS,
          ),
        );
      }
    }
  }
  const staffItem = (n: Need) => (
    <li key={n.id} data-testid="similar-need">
      <strong>{n.title}</strong> · {t('jl.supporters', { n: n.supporters })}{' '}
      <button type="button" data-testid="need-support-phone" onClick={() => void addResident(n)}>
        {t('rn.supportByPhone')}
      </button>
      {added[n.id] && (
        <p class="note" data-testid="need-support-phone-note">
          {added[n.id]}
        </p>
      )}
    </li>
  );
  const offeredItem = onBehalf || !supportItem ? staffItem : supportItem;
  const offered = similar && similar.key === `${kind}\n${title.trim()}` ? similar.items : [];
  return (
    <details class="need-form">
      <summary data-testid="need-raise">{t(onBehalf ? 'rn.raiseOnBehalf' : 'rn.raise')}</summary>
      {sent && (
        <p class="note" data-testid="need-sent">
          {t(onBehalf ? 'rn.recorded' : 'rn.thanks')}
        </p>
      )}
      <form ref={form} onSubmit={submit} noValidate data-testid="need-form">
        <label>
          {t('rn.needTitle')}
          <input
            value={title}
            maxLength={100}
            data-testid="need-title"
            onInput={(e) => setTitle(e.currentTarget.value)}
            {...invalidProps('title', fields.title)}
          />
        </label>
        <FieldError id={fieldErrorId('title')} text={fields.title} />
        <label>
          {t('rn.description')}
          <textarea
            value={description}
            maxLength={2000}
            data-testid="need-description"
            onInput={(e) => setDescription(e.currentTarget.value)}
            {...invalidProps('description', fields.description)}
          />
        </label>
        <FieldError id={fieldErrorId('description')} text={fields.description} />
        <label>
          {t('rn.kind')}
          <select
            value={kind}
            data-testid="need-kind"
            onChange={(e) => setKind(e.currentTarget.value)}
            {...invalidProps('kind', fields.kind)}
          >
            <option value="">—</option>
            {NEED_KINDS.map((k) => (
              <option key={k} value={k}>
                {needKindName(k)}
              </option>
            ))}
          </select>
        </label>
        <FieldError id={fieldErrorId('kind')} text={fields.kind} />
        <label>
          {t('rn.people')}
          <input
            type="number"
            min={1}
            value={people}
            data-testid="need-people"
            onInput={(e) => setPeople(e.currentTarget.value)}
            {...invalidProps('peopleConcerned', fields.peopleConcerned)}
          />
        </label>
        <FieldError id={fieldErrorId('peopleConcerned')} text={fields.peopleConcerned} />
        <label>
          {t(onBehalf ? 'rn.phoneOnBehalf' : 'rn.phone')}
          <input
            type="tel"
            value={phone}
            maxLength={30}
            data-testid="need-phone"
            onInput={(e) => setPhone(e.currentTarget.value)}
            {...invalidProps('contactPhone', fields.contactPhone)}
          />
        </label>
        <FieldError id={fieldErrorId('contactPhone')} text={fields.contactPhone} />
        {offered.length > 0 && (
          <div class="similar-needs" data-testid="similar-needs">
            <p>{t(onBehalf ? 'rn.similarOnBehalf' : 'rn.similar')}</p>
            <ul>{offered.map(offeredItem)}</ul>
          </div>
        )}
        <ErrorBox error={error} placed={(path) => isPlaced(path, NEED_FIELDS)} />
        <button type="submit" class="primary" disabled={busy} data-testid="need-submit">
          {offered.length > 0 ? t('rn.submitAnyway') : t('rn.submit')}
        </button>
      </form>
    </details>
  );
}

/** Delivered projects of the community, each rated 1–5 once per device. */
function DeliveredProjects({ base }: { base: string }) {
  const list = useApi<{ items: Project[] }>(`${base}/projects`);
  const delivered = (list.data?.items ?? []).filter(
    (p) => p.status === 'delivered' || p.status === 'evaluated',
  );
  return (
    <div class="delivered-projects" data-testid="delivered-projects">
      <h3>{t('rn.projects')}</h3>
      <ErrorBox error={list.error} />
      {list.data && delivered.length === 0 && <p class="muted">{t('rn.noProjects')}</p>}
      <ul>
        {delivered.map((p) => (
          <li key={p.id} data-testid="public-project" data-project={p.id}>
            <strong>{p.title}</strong> · {t(`jl.project.${p.status}`)} ·{' '}
            <span data-testid="project-score">
              {p.averageScore === null
                ? t('jl.noScore')
                : t('jl.score', { score: p.averageScore, n: p.evaluationCount })}
            </span>
            <p>{p.description}</p>
            {p.status === 'delivered' && (
              <ProjectRating
                path={`${base}/projects/${encodeURIComponent(p.id)}/evaluations`}
                onRated={list.reload}
              />
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ProjectRating({ path, onRated }: { path: string; onRated: () => Promise<void> }) {
  const [score, setScore] = useState(5);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (done)
    return (
      <p class="note" data-testid="project-rated">
        {t('rn.rated')}
      </p>
    );
  return (
    <form
      class="project-rating"
      onSubmit={async (e) => {
        e.preventDefault();
        setError(null);
        try {
          await api('POST', path, { device: deviceId(), score });
          setDone(true);
          void onRated();
        } catch (err) {
          setError(err);
        }
      }}
    >
      <label>
        {t('rn.rate')}{' '}
        <select
          value={score}
          data-testid="project-score-pick"
          onChange={(e) => setScore(Number(e.currentTarget.value))}
        >
          {[5, 4, 3, 2, 1].map((n) => (
            <option key={n} value={n}>
              {'★'.repeat(n)} {n}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="submit" data-testid="project-rate">
        {t('rn.rateSend')}
      </button>
      <ErrorBox error={error} />
    </form>
  );
}
