import { useState } from 'preact/hooks';
import { pick, t, useLang } from '../lib/i18n';
import { type Area, areaOptions, areaPath } from './area-tree';
import { SelectField } from './field-rows';
import { Field, MultiSelect } from './form-fields';
import { saveRecord } from './record-api';
import { RecordFormFrame } from './record-form-frame';
import { RecordPage, RecordTable } from './record-page';
import type { Unit } from './units-page';
import { useRecordForm } from './use-record-form';
import { useResource } from './use-resource';

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

const LINES = '/api/v1/admin/responsibilities';

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
  const form = useRecordForm();
  const active = refs.units.filter((u) => u.active);

  async function submit(e: Event) {
    const body = { category, areaId, leadUnitId, assistUnitIds: assist.filter((u) => u !== leadUnitId) };
    const savedId = await form.submit(e, () => saveRecord(LINES, line?.id ?? null, body));
    if (savedId !== null) onSaved(savedId);
  }
  async function remove() {
    if (line && (await form.remove(LINES, line.id, `${line.category} @ ${line.areaId}`))) onSaved(null);
  }

  return (
    <RecordFormFrame
      testId="responsibility-form"
      title={line ? t('admin.edit') : t('admin.new')}
      form={form}
      onSubmit={submit}
      onDelete={line ? remove : undefined}
    >
      <SelectField
        label={t('admin.category')}
        path="category"
        value={category}
        onChange={setCategory}
        options={[['', '—'], ...refs.categories.map((c): [string, string] => [c.code, pick(c.name)])]}
      />
      <SelectField
        label={t('admin.area')}
        path="areaId"
        value={areaId}
        onChange={setAreaId}
        options={[['', '—'], ...areaOptions(refs.areas, lang)]}
      />
      <SelectField
        label={t('admin.leadUnit')}
        path="leadUnitId"
        value={leadUnitId}
        onChange={setLead}
        options={[['', '—'], ...active.map((u): [string, string] => [u.id, pick(u.name)])]}
      />
      <Field label={t('admin.assistUnits')} path="assistUnitIds">
        <MultiSelect
          testId="input-assistUnitIds"
          size={6}
          value={assist}
          onChange={setAssist}
          options={active.filter((u) => u.id !== leadUnitId).map((u) => [u.id, pick(u.name)])}
        />
      </Field>
    </RecordFormFrame>
  );
}

/** 责任清单: which unit answers for which category in which area (the most specific area wins). */
export function ResponsibilitiesPage() {
  const lang = useLang();
  const res = useResource<Line>(LINES);
  const categories = useResource<CategoryRef>('/api/v1/admin/categories');
  const areas = useResource<Area>('/api/v1/admin/areas');
  const units = useResource<Unit>('/api/v1/admin/units');
  const refs: Refs = { categories: categories.items, areas: areas.items, units: units.items };
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
    <RecordPage
      records={res}
      keyOf={(l) => l.id}
      references={[categories, areas, units]}
      list={(selection) => (
        <RecordTable
          testId="responsibility-list"
          rows={sorted}
          selection={selection}
          cells={(l) => (
            <>
              <td>{category(l.category)}</td>
              <td>{areaPath(refs.areas, l.areaId, lang)}</td>
              <td>
                {unit(l.leadUnitId)}
                {l.assistUnitIds.length > 0 && (
                  <span class="muted"> + {l.assistUnitIds.map(unit).join('、')}</span>
                )}
              </td>
            </>
          )}
        />
      )}
      form={(line, onSaved) => <LineForm line={line} refs={refs} onSaved={onSaved} />}
    />
  );
}
