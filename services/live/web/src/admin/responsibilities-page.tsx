import { useState } from 'preact/hooks';
import { api } from '../lib/api';
import { ErrorBox } from '../lib/error-box';
import { pick, t, useLang } from '../lib/i18n';
import { AdminSplit, FormButtons } from './admin-shell';
import { type Area, areaPath } from './area-tree';
import { Field, Select } from './form-fields';
import type { Unit } from './units-page';
import { useResource } from './use-resource';
import { useSave } from './use-save';

interface Line {
  id: string;
  category: string;
  areaId: string;
  leadUnitId: string;
  assistUnitIds: string[];
}

interface CategoryRef {
  code: string;
  name: { zh: string; en: string };
}

interface Refs {
  categories: CategoryRef[];
  areas: Area[];
  units: Unit[];
}

function LineForm({
  line,
  refs,
  onSaved,
}: {
  line: Line | null;
  refs: Refs;
  onSaved: (id: string | null) => void;
}) {
  const lang = useLang();
  const [category, setCategory] = useState(line?.category ?? '');
  const [areaId, setAreaId] = useState(line?.areaId ?? '');
  const [leadUnitId, setLead] = useState(line?.leadUnitId ?? '');
  const [assist, setAssist] = useState<string[]>(line?.assistUnitIds ?? []);
  const [saved, setSaved] = useState(false);
  const save = useSave();
  const active = refs.units.filter((u) => u.active);

  async function submit(e: Event) {
    e.preventDefault();
    setSaved(false);
    const body = { category, areaId, leadUnitId, assistUnitIds: assist.filter((u) => u !== leadUnitId) };
    let savedId = line?.id ?? null;
    const ok = await save.run(async () => {
      if (line) await api('PUT', `/api/v1/admin/responsibilities/${encodeURIComponent(line.id)}`, body);
      else savedId = (await api<Line>('POST', '/api/v1/admin/responsibilities', body)).id;
    });
    if (ok) {
      setSaved(true);
      onSaved(savedId);
    }
  }
  async function remove() {
    if (!line || !confirm(t('admin.confirmDelete', { name: `${line.category} @ ${line.areaId}` }))) return;
    if (await save.run(() => api('DELETE', `/api/v1/admin/responsibilities/${encodeURIComponent(line.id)}`)))
      onSaved(null);
  }

  return (
    <form onSubmit={submit} data-testid="responsibility-form">
      <h2>{line ? t('admin.edit') : t('admin.new')}</h2>
      <Field label={t('admin.category')} path="category" fields={save.fields}>
        <Select
          name="category"
          value={category}
          onChange={setCategory}
          options={[['', '—'], ...refs.categories.map((c): [string, string] => [c.code, pick(c.name)])]}
        />
      </Field>
      <Field label={t('admin.area')} path="areaId" fields={save.fields}>
        <Select
          name="areaId"
          value={areaId}
          onChange={setAreaId}
          options={[
            ['', '—'],
            ...refs.areas.map((a): [string, string] => [a.id, areaPath(refs.areas, a.id, lang)]),
          ]}
        />
      </Field>
      <Field label={t('admin.leadUnit')} path="leadUnitId" fields={save.fields}>
        <Select
          name="leadUnitId"
          value={leadUnitId}
          onChange={setLead}
          options={[['', '—'], ...active.map((u): [string, string] => [u.id, pick(u.name)])]}
        />
      </Field>
      <Field label={t('admin.assistUnits')} path="assistUnitIds" fields={save.fields}>
        <select
          multiple
          size={6}
          data-testid="input-assistUnitIds"
          onChange={(e) => setAssist([...e.currentTarget.selectedOptions].map((o) => o.value))}
        >
          {active
            .filter((u) => u.id !== leadUnitId)
            .map((u) => (
              <option key={u.id} value={u.id} selected={assist.includes(u.id)}>
                {pick(u.name)}
              </option>
            ))}
        </select>
      </Field>
      <ErrorBox error={save.error} />
      <FormButtons busy={save.busy} saved={saved} onDelete={line ? remove : undefined} />
    </form>
  );
}

/** 责任清单: which unit answers for which category in which area (the most specific area wins). */
export function ResponsibilitiesPage() {
  const lang = useLang();
  const res = useResource<Line>('/api/v1/admin/responsibilities');
  const categories = useResource<CategoryRef>('/api/v1/admin/categories');
  const areas = useResource<Area>('/api/v1/admin/areas');
  const units = useResource<Unit>('/api/v1/admin/units');
  const refs: Refs = { categories: categories.items, areas: areas.items, units: units.items };
  const [selected, setSelected] = useState<string | null>(null);
  // Remount the form only when the user picks another record, not when a save selects the new one.
  const [formKey, setFormKey] = useState(0);
  const choose = (id: string) => {
    setSelected(id);
    setFormKey((k) => k + 1);
  };
  const line = res.items.find((l) => l.id === selected) ?? null;
  const name = (list: Array<{ name: { zh: string; en: string } }>, i: number) =>
    i >= 0 ? pick(list[i]!.name) : '';
  const category = (code: string) =>
    name(
      refs.categories,
      refs.categories.findIndex((c) => c.code === code),
    ) || code;
  const unit = (id: string) =>
    name(
      refs.units,
      refs.units.findIndex((u) => u.id === id),
    ) || id;
  const sorted = [...res.items].sort(
    (a, b) => a.category.localeCompare(b.category) || a.areaId.localeCompare(b.areaId),
  );
  return (
    <AdminSplit
      loading={res.loading}
      error={res.error ?? categories.error ?? areas.error ?? units.error}
      onNew={() => choose('new')}
      list={
        <table data-testid="responsibility-list">
          <tbody>
            {sorted.map((l) => (
              <tr
                key={l.id}
                class={`clickable${l.id === selected ? ' selected' : ''}`}
                onClick={() => choose(l.id)}
              >
                <td>{category(l.category)}</td>
                <td>{areaPath(refs.areas, l.areaId, lang)}</td>
                <td>
                  {unit(l.leadUnitId)}
                  {l.assistUnitIds.length > 0 && (
                    <span class="muted"> + {l.assistUnitIds.map(unit).join('、')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
      editor={
        (selected === 'new' || line) && (
          <LineForm
            key={formKey}
            line={line}
            refs={refs}
            onSaved={async (id) => {
              // Reload first, so the record is there when it becomes the selection.
              await res.reload();
              setSelected(id);
            }}
          />
        )
      }
    />
  );
}
