import { useState } from 'preact/hooks';
import { pick, t, useLang } from '../lib/i18n';
import { AdminSplit } from './admin-shell';
import { AreaForm } from './area-form';
import { type Area, flattenTree } from './area-tree';
import { useResource } from './use-resource';

/** The area hierarchy as an indented tree; choosing one edits it. */
export function AreasPage() {
  useLang();
  const res = useResource<Area>('/api/v1/admin/areas');
  const [selected, setSelected] = useState<string | 'new' | null>(null);
  // Remount the form only when the user picks another record, not when a save selects the new one.
  const [formKey, setFormKey] = useState(0);
  const choose = (id: string) => {
    setSelected(id);
    setFormKey((k) => k + 1);
  };
  const area = res.items.find((a) => a.id === selected) ?? null;
  return (
    <AdminSplit
      loading={res.loading}
      error={res.error}
      onNew={() => choose('new')}
      list={
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
      }
      editor={
        // An id chosen before the reload that brings its record shows nothing until it arrives.
        (selected === 'new' || area) && (
          <AreaForm
            key={formKey}
            area={area}
            areas={res.items}
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
