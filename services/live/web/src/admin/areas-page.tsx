import { pick, t, useLang } from '../lib/i18n';
import { AreaForm } from './area-form';
import { type Area, flattenTree } from './area-tree';
import { RecordPage } from './record-page';
import type { Unit } from './units-page';
import { useResource } from './use-resource';

/** The area hierarchy as an indented tree; choosing one edits it. */
export function AreasPage() {
  useLang();
  const res = useResource<Area>('/api/v1/admin/areas');
  const units = useResource<Unit>('/api/v1/admin/units');
  return (
    <RecordPage
      records={res}
      keyOf={(a) => a.id}
      list={({ selected, choose }) => (
        <ul class="tree" data-testid="area-tree">
          {flattenTree(res.items).map(({ area: a, depth }) => (
            <li
              key={a.id}
              style={{ paddingLeft: `${depth * 18}px` }}
              class={a.id === selected ? 'selected' : ''}
            >
              <button type="button" class="link" data-testid={`area-${a.id}`} onClick={() => choose(a.id)}>
                {pick(a.name)}
              </button>{' '}
              <span class="muted">
                {t(`admin.level.${a.level}`)} · {a.id}
              </span>
            </li>
          ))}
        </ul>
      )}
      form={(area, onSaved) => (
        <AreaForm area={area} areas={res.items} units={units.items} onSaved={onSaved} />
      )}
    />
  );
}
