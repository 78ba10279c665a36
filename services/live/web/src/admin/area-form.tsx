import { useState } from 'preact/hooks';
import { pick, t, useLang } from '../lib/i18n';
import { AREA_LEVELS, type Area, type AreaLevel, parentChoices } from './area-tree';
import { fieldError } from './field-errors';
import { BilingualFields, SelectField, TextField } from './field-rows';
import { pointsToPolygon, polygonToPoints } from './polygon';
import { PolygonEditor } from './polygon-editor';
import { saveRecord, withOptionalId } from './record-api';
import { editTitle, RecordFormFrame } from './record-form-frame';
import type { Unit } from './units-page';
import { useRecordForm } from './use-record-form';

const AREAS = '/api/v1/admin/areas';

/** Create or edit one area: names, level, parent and boundary (POST / PUT /api/v1/admin/areas). */
export function AreaForm({
  area,
  areas,
  units,
  onSaved,
}: {
  area: Area | null;
  areas: Area[];
  /** The choices for a district's duty desk. */
  units: Unit[];
  onSaved: (id: string | null) => void;
}) {
  useLang();
  const [id, setId] = useState('');
  const [name, setName] = useState({ zh: area?.name.zh ?? '', en: area?.name.en ?? '' });
  const [level, setLevel] = useState<AreaLevel>(area?.level ?? 'grid');
  const [parentId, setParentId] = useState(area?.parentId ?? '');
  const [points, setPoints] = useState(polygonToPoints(area?.boundary));
  const [dutyUnitId, setDutyUnitId] = useState(area?.dutyUnitId ?? '');
  const form = useRecordForm();
  const parents = parentChoices(areas, level, area?.id);

  async function submit(e: Event) {
    const body = {
      name,
      level,
      parentId: parentId || null,
      boundary: pointsToPolygon(points),
      ...(level === 'district' ? { dutyUnitId: dutyUnitId || null } : {}),
    };
    const savedId = await form.submit(e, () =>
      saveRecord(AREAS, area?.id ?? null, body, withOptionalId(body, id)),
    );
    if (savedId !== null) onSaved(savedId);
  }

  async function remove() {
    if (area && (await form.remove(AREAS, area.id, pick(area.name)))) onSaved(null);
  }

  return (
    <RecordFormFrame
      testId="area-form"
      title={editTitle(area?.id)}
      form={form}
      onSubmit={submit}
      onDelete={area ? remove : undefined}
    >
      {!area && <TextField label={t('admin.id')} path="id" value={id} onInput={setId} />}
      <BilingualFields path="name" input="name" value={name} onChange={setName} />
      <SelectField
        label={t('admin.level')}
        path="level"
        value={level}
        onChange={(v) => setLevel(v as AreaLevel)}
        options={AREA_LEVELS.map((l) => [l, t(`admin.level.${l}`)])}
      />
      <SelectField
        label={t('admin.parent')}
        path="parentId"
        value={parentId}
        onChange={setParentId}
        options={[
          ['', t('admin.none')],
          ...parents.map((p): [string, string] => [p.id, `${pick(p.name)} (${p.id})`]),
        ]}
      />
      {level === 'district' && (
        <SelectField
          label={t('admin.dutyDesk')}
          path="dutyUnitId"
          value={dutyUnitId}
          onChange={setDutyUnitId}
          options={[
            ['', t('admin.noDutyDesk')],
            ...units
              .filter((u) => u.active || u.id === dutyUnitId)
              .map((u): [string, string] => [u.id, `${pick(u.name)} (${u.id})`]),
          ]}
        />
      )}
      <h3>{t('admin.boundary')}</h3>
      <PolygonEditor
        context={areas.filter((a) => a.id !== area?.id)}
        points={points}
        onChange={setPoints}
        error={fieldError(form.fields, 'boundary')}
      />
    </RecordFormFrame>
  );
}
