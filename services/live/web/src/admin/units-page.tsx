import { useState } from 'preact/hooks';
import { pick, t, useLang } from '../lib/i18n';
import { type Area, areaOptions } from './area-tree';
import { ActiveCheckbox, BilingualFields, SelectField, TextField } from './field-rows';
import { Field, MultiSelect } from './form-fields';
import { saveRecord, withOptionalId } from './record-api';
import { editTitle, RecordFormFrame } from './record-form-frame';
import { RecordPage, RecordTable } from './record-page';
import { useRecordForm } from './use-record-form';
import { useResource } from './use-resource';

export interface Unit {
  id: string;
  name: { zh: string; en: string };
  kind: string;
  areaIds: string[];
  active: boolean;
}

export const UNIT_KINDS = ['water', 'gas', 'power', 'municipal', 'heating', 'property', 'other'];

const UNITS = '/api/v1/admin/units';

function UnitForm({
  unit,
  areas,
  onSaved,
}: {
  unit: Unit | null;
  areas: Area[];
  onSaved: (id: string | null) => void;
}) {
  const lang = useLang();
  const [id, setId] = useState('');
  const [name, setName] = useState({ zh: unit?.name.zh ?? '', en: unit?.name.en ?? '' });
  const [kind, setKind] = useState(unit?.kind ?? 'other');
  const [areaIds, setAreaIds] = useState<string[]>(unit?.areaIds ?? []);
  const [active, setActive] = useState(unit?.active ?? true);
  const form = useRecordForm();

  async function submit(e: Event) {
    const body = { name, kind, areaIds, active };
    const savedId = await form.submit(e, () =>
      saveRecord(UNITS, unit?.id ?? null, body, withOptionalId(body, id)),
    );
    if (savedId !== null) onSaved(savedId);
  }
  // DELETE deactivates: closed tickets and KPIs keep naming the unit.
  async function deactivate() {
    if (unit && (await form.remove(UNITS, unit.id, pick(unit.name)))) onSaved(unit.id);
  }

  return (
    <RecordFormFrame
      testId="unit-form"
      title={editTitle(unit?.id)}
      form={form}
      onSubmit={submit}
      onDelete={unit?.active ? deactivate : undefined}
      deleteLabel={t('admin.deactivate')}
    >
      {!unit && <TextField label={t('admin.id')} path="id" value={id} onInput={setId} />}
      <BilingualFields path="name" input="name" value={name} onChange={setName} />
      <SelectField
        label={t('admin.kind')}
        path="kind"
        value={kind}
        onChange={setKind}
        options={UNIT_KINDS.map((k) => [k, t(`admin.kind.${k}`)])}
      />
      <Field label={t('admin.unitAreas')} path="areaIds">
        <MultiSelect
          testId="input-areaIds"
          name="areaIds"
          size={8}
          value={areaIds}
          onChange={setAreaIds}
          options={areaOptions(areas, lang)}
        />
      </Field>
      <ActiveCheckbox value={active} onChange={setActive} />
    </RecordFormFrame>
  );
}

/** Member units of the joint committees. */
export function UnitsPage() {
  useLang();
  const res = useResource<Unit>(UNITS);
  const areas = useResource<Area>('/api/v1/admin/areas');
  return (
    <RecordPage
      records={res}
      keyOf={(u) => u.id}
      references={[areas]}
      list={(selection) => (
        <RecordTable
          testId="unit-list"
          rows={res.items}
          selection={selection}
          cells={(u) => (
            <>
              <td>{pick(u.name)}</td>
              <td class="muted">
                {t(`admin.kind.${u.kind}`)}
                {!u.active && ` · ${t('admin.inactive')}`}
              </td>
            </>
          )}
        />
      )}
      form={(unit, onSaved) => <UnitForm unit={unit} areas={areas.items} onSaved={onSaved} />}
    />
  );
}
