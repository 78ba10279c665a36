import { districtDay, NEED_KINDS, RESOURCE_KINDS } from '@grid-dispatch/domain';
import { useRef, useState } from 'preact/hooks';
import { ApiError, api } from '../lib/api';
import type { Area } from '../lib/areas';
import { needKindName, type Resource } from '../lib/committee-lists';
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
import { ProjectsPanel, type UnitNames } from '../lib/projects-panel';
import { SkeletonRows } from '../lib/skeleton';
import { useApi } from '../lib/use-api';
import { unitCommunities } from './unit-activities';

addMessages({
  zh: {
    'ur.title': '本单位资源',
    'ur.none': '本单位尚未登记资源。',
    'ur.new': '登记资源',
    'ur.edit': '修改',
    'ur.withdraw': '撤回',
    'ur.save': '保存',
    'ur.cancel': '取消',
    'ur.community': '联席会议（社区）',
    'ur.name': '资源名称',
    'ur.description': '说明（志愿者请写技能）',
    'ur.kind': '资源类型',
    'ur.serves': '可服务的需求',
    'ur.capacity': '容量（人次或场次）',
    'ur.from': '可用起始日',
    'ur.to': '可用截止日（可不填）',
    'ur.hours': '开放时间（可不填）',
    'ur.contactName': '联系人',
    'ur.contactPhone': '联系电话',
    'ur.stale': '资源已被他人修改，已重新载入，请核对后再操作。',
    'ur.projects': '本单位参与的项目',
  },
  en: {
    'ur.title': 'Our resources',
    'ur.none': 'Our unit offers no resources yet.',
    'ur.new': 'Offer a resource',
    'ur.edit': 'Edit',
    'ur.withdraw': 'Withdraw',
    'ur.save': 'Save',
    'ur.cancel': 'Cancel',
    'ur.community': 'Joint committee (community)',
    'ur.name': 'Title',
    'ur.description': 'Description (for volunteers, their skills)',
    'ur.kind': 'Kind',
    'ur.serves': 'Needs it can serve',
    'ur.capacity': 'Capacity (people or sessions)',
    'ur.from': 'Available from',
    'ur.to': 'Available until (optional)',
    'ur.hours': 'Opening hours (optional)',
    'ur.contactName': 'Contact person',
    'ur.contactPhone': 'Contact phone',
    'ur.stale': 'Someone changed the resource meanwhile; it is reloaded, check it and act again.',
    'ur.projects': 'Projects we take part in',
  },
});

type UnitRow = { id: string; name: { zh: string; en: string }; areaIds: string[] };

const RESOURCE_FIELDS = [
  'communityId',
  'title',
  'description',
  'kind',
  'serves',
  'capacity',
  'availableFrom',
  'availableTo',
  'openingHours',
  'contact.name',
  'contact.phone',
];

interface Draft {
  communityId: string;
  title: string;
  description: string;
  kind: string;
  serves: string[];
  capacity: string;
  availableFrom: string;
  availableTo: string;
  openingHours: string;
  contactName: string;
  contactPhone: string;
}

const draftOf = (r: Resource): Draft => ({
  communityId: r.communityId,
  title: r.title,
  description: r.description,
  kind: r.kind,
  serves: r.serves,
  capacity: String(r.capacity),
  availableFrom: r.availableFrom,
  availableTo: r.availableTo ?? '',
  openingHours: r.openingHours ?? '',
  contactName: r.contact.name,
  contactPhone: r.contact.phone,
});

const bodyOf = (d: Draft) => ({
  communityId: d.communityId,
  title: d.title,
  description: d.description,
  kind: d.kind,
  serves: d.serves,
  capacity: Number(d.capacity),
  availableFrom: d.availableFrom,
  availableTo: d.availableTo || null,
  openingHours: d.openingHours.trim() || null,
  contact: { name: d.contactName, phone: d.contactPhone },
});

/**
 * A member unit's own lists in the console: the resources it offers (offered, edited, withdrawn)
 * and the projects it takes part in (milestones marked done; started and delivered when it leads).
 */
export function UnitLists({ areas, unitId }: { areas: Area[]; unitId: string }) {
  useLang();
  const units = useApi<UnitRow[]>('/api/v1/units');
  const own = units.data?.find((u) => u.id === unitId);
  const communities = own ? unitCommunities(areas, own.areaIds) : [];
  const unitNames: UnitNames = new Map((units.data ?? []).map((u) => [u.id, u.name]));
  if (communities.length === 0) return null;
  return (
    <div class="unit-lists" data-testid="unit-lists">
      <UnitResources unitId={unitId} communities={communities} />
      <ProjectsPanel
        path="/api/v1/projects?limit=100"
        secretary={false}
        unitId={unitId}
        unitNames={unitNames}
        titleKey="ur.projects"
      />
    </div>
  );
}

function UnitResources({ unitId, communities }: { unitId: string; communities: Area[] }) {
  const base = `/api/v1/units/${encodeURIComponent(unitId)}/resources`;
  const list = useApi<{ items: Resource[] }>(base);
  const [editing, setEditing] = useState<Resource | 'new' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState('');

  async function withdraw(r: Resource) {
    setError(null);
    setNote('');
    try {
      await api('DELETE', `${base}/${encodeURIComponent(r.id)}`, undefined, {
        headers: { 'if-match': String(r.version) },
      });
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) setNote(t('ur.stale'));
      else setError(e);
    }
    await list.reload();
  }

  return (
    <section class="card unit-resources" data-testid="unit-resources">
      <h3>{t('ur.title')}</h3>
      {note && (
        <p class="note" data-testid="resources-note">
          {note}
        </p>
      )}
      <ErrorBox error={list.error ?? error} />
      {list.loading && !list.data && <SkeletonRows rows={2} />}
      {list.data && list.data.items.length === 0 && <p class="muted">{t('ur.none')}</p>}
      <ul>
        {list.data?.items.map((r) => (
          <li key={r.id} data-testid="unit-resource" data-resource={r.id}>
            <strong>{r.title}</strong> · {t(`jl.resource.${r.kind}`)} ·{' '}
            {t('jl.capacity', { n: r.capacity, remaining: r.remaining })}
            <br />
            <span class="muted">
              {r.availableFrom}–{r.availableTo ?? '…'}
              {r.openingHours && ` · ${r.openingHours}`} · {r.serves.map(needKindName).join('、')}
            </span>{' '}
            <button type="button" data-testid="resource-edit" onClick={() => setEditing(r)}>
              {t('ur.edit')}
            </button>{' '}
            <button type="button" data-testid="resource-withdraw" onClick={() => void withdraw(r)}>
              {t('ur.withdraw')}
            </button>
          </li>
        ))}
      </ul>
      {editing ? (
        <ResourceForm
          key={editing === 'new' ? 'new' : editing.id}
          base={base}
          resource={editing === 'new' ? null : editing}
          communities={communities}
          onDone={(saved, stale) => {
            setEditing(null);
            setNote(stale ? t('ur.stale') : '');
            if (saved || stale) void list.reload();
          }}
        />
      ) : (
        <button type="button" data-testid="resource-new" onClick={() => setEditing('new')}>
          {t('ur.new')}
        </button>
      )}
    </section>
  );
}

function ResourceForm({
  base,
  resource,
  communities,
  onDone,
}: {
  base: string;
  resource: Resource | null;
  communities: Area[];
  onDone: (saved: boolean, stale: boolean) => void;
}) {
  const [draft, setDraft] = useState<Draft>(() =>
    resource
      ? draftOf(resource)
      : {
          communityId: communities[0]?.id ?? '',
          title: '',
          description: '',
          kind: '',
          serves: [],
          capacity: '',
          availableFrom: districtDay(new Date()),
          availableTo: '',
          openingHours: '',
          contactName: '',
          contactPhone: '',
        },
  );
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const set = (key: keyof Draft) => (e: { currentTarget: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.currentTarget.value }));

  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFields({});
    try {
      if (resource)
        await api('PUT', `${base}/${encodeURIComponent(resource.id)}`, bodyOf(draft), {
          headers: { 'if-match': String(resource.version) },
        });
      else await api('POST', base, bodyOf(draft));
      onDone(true, false);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) return onDone(false, true);
      setError(err);
      if (err instanceof ApiError && err.fields?.length) {
        setFields(placeFieldErrors(err.fields, RESOURCE_FIELDS));
        focusFirstInvalid(form.current);
      }
    } finally {
      setBusy(false);
    }
  }

  const input = (key: keyof Draft, path: string, label: string, type = 'text') => (
    <>
      <label>
        {label}
        <input
          type={type}
          value={draft[key] as string}
          data-testid={`resource-${key}`}
          onInput={set(key)}
          {...invalidProps(path, fields[path])}
        />
      </label>
      <FieldError id={fieldErrorId(path)} text={fields[path]} />
    </>
  );

  return (
    <form ref={form} onSubmit={save} noValidate class="resource-form" data-testid="resource-form">
      <label>
        {t('ur.community')}
        <select
          value={draft.communityId}
          data-testid="resource-communityId"
          onChange={set('communityId')}
          {...invalidProps('communityId', fields.communityId)}
        >
          {communities.map((a) => (
            <option key={a.id} value={a.id}>
              {pick(a.name)}
            </option>
          ))}
        </select>
      </label>
      <FieldError id={fieldErrorId('communityId')} text={fields.communityId} />
      {input('title', 'title', t('ur.name'))}
      {input('description', 'description', t('ur.description'))}
      <label>
        {t('ur.kind')}
        <select
          value={draft.kind}
          data-testid="resource-kind"
          onChange={set('kind')}
          {...invalidProps('kind', fields.kind)}
        >
          <option value="">—</option>
          {RESOURCE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`jl.resource.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <FieldError id={fieldErrorId('kind')} text={fields.kind} />
      <fieldset {...invalidProps('serves', fields.serves)}>
        <legend>{t('ur.serves')}</legend>
        {NEED_KINDS.map((k) => (
          <label key={k}>
            <input
              type="checkbox"
              checked={draft.serves.includes(k)}
              data-testid={`resource-serves-${k}`}
              onChange={() =>
                setDraft((d) => ({
                  ...d,
                  serves: d.serves.includes(k) ? d.serves.filter((x) => x !== k) : [...d.serves, k],
                }))
              }
            />{' '}
            {needKindName(k)}
          </label>
        ))}
      </fieldset>
      <FieldError id={fieldErrorId('serves')} text={fields.serves} />
      {input('capacity', 'capacity', t('ur.capacity'), 'number')}
      {input('availableFrom', 'availableFrom', t('ur.from'), 'date')}
      {input('availableTo', 'availableTo', t('ur.to'), 'date')}
      {input('openingHours', 'openingHours', t('ur.hours'))}
      {input('contactName', 'contact.name', t('ur.contactName'))}
      {input('contactPhone', 'contact.phone', t('ur.contactPhone'), 'tel')}
      <ErrorBox error={error} placed={(path) => isPlaced(path, RESOURCE_FIELDS)} />
      <button type="submit" class="primary" disabled={busy} data-testid="resource-save">
        {t('ur.save')}
      </button>{' '}
      <button type="button" onClick={() => onDone(false, false)}>
        {t('ur.cancel')}
      </button>
    </form>
  );
}
