import { useState } from 'preact/hooks';
import { api } from '../lib/api';
import { ErrorBox } from '../lib/error-box';
import { pick, t, useLang } from '../lib/i18n';
import { AdminSplit, FormButtons } from './admin-shell';
import { type Area, areaPath } from './area-tree';
import { Field, Select, TextInput } from './form-fields';
import { useResource } from './use-resource';
import { useSave } from './use-save';

export interface Unit {
  id: string;
  name: { zh: string; en: string };
  kind: string;
  areaIds: string[];
  active: boolean;
}

export const UNIT_KINDS = ['water', 'gas', 'power', 'municipal', 'heating', 'property', 'other'];

/** A <select multiple> of areas, for the areas a unit serves. */
export function AreaMultiSelect({
  areas,
  value,
  onChange,
  name,
}: {
  areas: Area[];
  value: string[];
  onChange: (ids: string[]) => void;
  name: string;
}) {
  const lang = useLang();
  return (
    <select
      multiple
      size={8}
      name={name}
      data-testid={`input-${name}`}
      onChange={(e) => onChange([...e.currentTarget.selectedOptions].map((o) => o.value))}
    >
      {areas.map((a) => (
        <option key={a.id} value={a.id} selected={value.includes(a.id)}>
          {areaPath(areas, a.id, lang)}
        </option>
      ))}
    </select>
  );
}

function UnitForm({
  unit,
  areas,
  onSaved,
}: {
  unit: Unit | null;
  areas: Area[];
  onSaved: (id: string | null) => void;
}) {
  useLang();
  const [id, setId] = useState('');
  const [zh, setZh] = useState(unit?.name.zh ?? '');
  const [en, setEn] = useState(unit?.name.en ?? '');
  const [kind, setKind] = useState(unit?.kind ?? 'other');
  const [areaIds, setAreaIds] = useState<string[]>(unit?.areaIds ?? []);
  const [active, setActive] = useState(unit?.active ?? true);
  const [saved, setSaved] = useState(false);
  const save = useSave();

  async function submit(e: Event) {
    e.preventDefault();
    setSaved(false);
    const body = { name: { zh, en }, kind, areaIds, active };
    let savedId = unit?.id ?? null;
    const ok = await save.run(async () => {
      if (unit) await api('PUT', `/api/v1/admin/units/${encodeURIComponent(unit.id)}`, body);
      else savedId = (await api<Unit>('POST', '/api/v1/admin/units', { ...body, ...(id ? { id } : {}) })).id;
    });
    if (ok) {
      setSaved(true);
      onSaved(savedId);
    }
  }
  // DELETE deactivates: closed tickets and KPIs keep naming the unit.
  async function deactivate() {
    if (!unit || !confirm(t('admin.confirmDelete', { name: pick(unit.name) }))) return;
    if (await save.run(() => api('DELETE', `/api/v1/admin/units/${encodeURIComponent(unit.id)}`)))
      onSaved(unit.id);
  }

  return (
    <form onSubmit={submit} data-testid="unit-form">
      <h2>{unit ? `${t('admin.edit')} ${unit.id}` : t('admin.new')}</h2>
      {!unit && (
        <Field label={t('admin.id')} path="id" fields={save.fields}>
          <TextInput name="id" value={id} onInput={setId} />
        </Field>
      )}
      <Field label={t('admin.nameZh')} path="name.zh" fields={save.fields}>
        <TextInput name="name-zh" value={zh} onInput={setZh} />
      </Field>
      <Field label={t('admin.nameEn')} path="name.en" fields={save.fields}>
        <TextInput name="name-en" value={en} onInput={setEn} />
      </Field>
      <Field label={t('admin.kind')} path="kind" fields={save.fields}>
        <Select
          name="kind"
          value={kind}
          onChange={setKind}
          options={UNIT_KINDS.map((k) => [k, t(`admin.kind.${k}`)])}
        />
      </Field>
      <Field label={t('admin.unitAreas')} path="areaIds" fields={save.fields}>
        <AreaMultiSelect name="areaIds" areas={areas} value={areaIds} onChange={setAreaIds} />
      </Field>
      <label class="inline">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
        {t('admin.active')}
      </label>
      <ErrorBox error={save.error} />
      <FormButtons
        busy={save.busy}
        saved={saved}
        onDelete={unit?.active ? deactivate : undefined}
        deleteLabel={t('admin.deactivate')}
      />
    </form>
  );
}

/** Member units of the joint committees. */
export function UnitsPage() {
  useLang();
  const res = useResource<Unit>('/api/v1/admin/units');
  const areas = useResource<Area>('/api/v1/admin/areas');
  const [selected, setSelected] = useState<string | null>(null);
  // Remount the form only when the user picks another record, not when a save selects the new one.
  const [formKey, setFormKey] = useState(0);
  const choose = (id: string) => {
    setSelected(id);
    setFormKey((k) => k + 1);
  };
  const unit = res.items.find((u) => u.id === selected) ?? null;
  return (
    <AdminSplit
      loading={res.loading}
      error={res.error ?? areas.error}
      onNew={() => choose('new')}
      list={
        <table data-testid="unit-list">
          <tbody>
            {res.items.map((u) => (
              <tr
                key={u.id}
                class={`clickable${u.id === selected ? ' selected' : ''}`}
                onClick={() => choose(u.id)}
              >
                <td>{pick(u.name)}</td>
                <td class="muted">
                  {t(`admin.kind.${u.kind}`)}
                  {!u.active && ` · ${t('admin.inactive')}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
      editor={
        (selected === 'new' || unit) && (
          <UnitForm
            key={formKey}
            unit={unit}
            areas={areas.items}
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
