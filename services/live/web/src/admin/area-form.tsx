import { useState } from 'preact/hooks';
import { api } from '../lib/api';
import { ErrorBox } from '../lib/error-box';
import { pick, t, useLang } from '../lib/i18n';
import { FormButtons } from './admin-shell';
import { AREA_LEVELS, type Area, type AreaLevel, parentChoices } from './area-tree';
import { fieldError } from './field-errors';
import { Field, Select, TextInput } from './form-fields';
import { pointsToPolygon, polygonToPoints } from './polygon';
import { PolygonEditor } from './polygon-editor';
import { useSave } from './use-save';

/** Create or edit one area: names, level, parent and boundary (POST / PUT /api/v1/admin/areas). */
export function AreaForm({
  area,
  areas,
  onSaved,
}: {
  area: Area | null;
  areas: Area[];
  onSaved: (id: string | null) => void;
}) {
  useLang();
  const [id, setId] = useState('');
  const [zh, setZh] = useState(area?.name.zh ?? '');
  const [en, setEn] = useState(area?.name.en ?? '');
  const [level, setLevel] = useState<AreaLevel>(area?.level ?? 'grid');
  const [parentId, setParentId] = useState(area?.parentId ?? '');
  const [points, setPoints] = useState(polygonToPoints(area?.boundary));
  const [saved, setSaved] = useState(false);
  const save = useSave();
  const parents = parentChoices(areas, level, area?.id);

  async function submit(e: Event) {
    e.preventDefault();
    setSaved(false);
    const body = {
      name: { zh, en },
      level,
      parentId: parentId || null,
      boundary: pointsToPolygon(points),
    };
    let savedId: string | null = area?.id ?? null;
    const ok = await save.run(async () => {
      if (area) await api('PUT', `/api/v1/admin/areas/${encodeURIComponent(area.id)}`, body);
      else savedId = (await api<Area>('POST', '/api/v1/admin/areas', { ...body, ...(id ? { id } : {}) })).id;
    });
    if (ok) {
      setSaved(true);
      onSaved(savedId);
    }
  }

  async function remove() {
    if (!area || !confirm(t('admin.confirmDelete', { name: pick(area.name) }))) return;
    if (await save.run(() => api('DELETE', `/api/v1/admin/areas/${encodeURIComponent(area.id)}`)))
      onSaved(null);
  }

  return (
    <form onSubmit={submit} data-testid="area-form">
      <h2>{area ? `${t('admin.edit')} ${area.id}` : t('admin.new')}</h2>
      {!area && (
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
      <Field label={t('admin.level')} path="level" fields={save.fields}>
        <Select
          name="level"
          value={level}
          onChange={(v) => setLevel(v as AreaLevel)}
          options={AREA_LEVELS.map((l) => [l, t(`admin.level.${l}`)])}
        />
      </Field>
      <Field label={t('admin.parent')} path="parentId" fields={save.fields}>
        <Select
          name="parentId"
          value={parentId}
          onChange={setParentId}
          options={[
            ['', t('admin.none')],
            ...parents.map((p): [string, string] => [p.id, `${pick(p.name)} (${p.id})`]),
          ]}
        />
      </Field>
      <h3>{t('admin.boundary')}</h3>
      <PolygonEditor
        context={areas.filter((a) => a.id !== area?.id)}
        points={points}
        onChange={setPoints}
        error={fieldError(save.fields, 'boundary')}
      />
      <ErrorBox error={save.error} />
      <FormButtons busy={save.busy} saved={saved} onDelete={area ? remove : undefined} />
    </form>
  );
}
