import { useMemo, useState } from 'preact/hooks';
import { pick, t, useLang } from '../lib/i18n';
import type { MapFrame } from '../lib/location-map';
import { type Bounds, frameOfAll, frameOfArea, mappedDistricts } from '../lib/map-projection';
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
  const context = useMemo(() => areas.filter((a) => a.id !== area?.id), [areas, area?.id]);
  const frame = useEditorFrame(areas, area?.id ?? null, parentId);

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
        context={context}
        frame={frame}
        points={points}
        onChange={setPoints}
        error={fieldError(form.fields, 'boundary')}
      />
    </RecordFormFrame>
  );
}

/**
 * Where the boundary editor looks: the area being edited (its boundary and what lies below it),
 * else its parent (a new grid is drawn inside its community), else the first district on the map.
 * The same box keeps the same frame object, so typing in the form never moves the map.
 */
function useEditorFrame(areas: readonly Area[], areaId: string | null, parentId: string): MapFrame | null {
  const bounds: Bounds | null =
    (areaId ? frameOfArea(areas, areaId) : null) ??
    (parentId ? frameOfArea(areas, parentId) : null) ??
    firstDistrictFrame(areas) ??
    frameOfAll(areas);
  const key = bounds ? `${bounds.minLat},${bounds.minLng},${bounds.maxLat},${bounds.maxLng}` : '';
  // Keyed by the box itself, not the object.
  return useMemo(() => (bounds ? { bounds } : null), [key]);
}

function firstDistrictFrame(areas: readonly Area[]): Bounds | null {
  const first = mappedDistricts(areas)[0];
  return first ? frameOfArea(areas, first.id) : null;
}
