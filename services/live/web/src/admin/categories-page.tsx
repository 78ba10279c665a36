import { useState } from 'preact/hooks';
import { api } from '../lib/api';
import { ErrorBox } from '../lib/error-box';
import { formatIsoDuration, parseIsoDuration } from '../lib/format';
import { pick, t, useLang } from '../lib/i18n';
import { AdminSplit, FormButtons } from './admin-shell';
import { Field, Select, TextInput } from './form-fields';
import { useResource } from './use-resource';
import { useSave } from './use-save';

interface Category {
  code: string;
  name: { zh: string; en: string };
  description?: { zh: string; en: string };
  priority: 'P1' | 'P2' | 'P3' | 'P4';
  ackWithin: string;
  resolveWithin: string;
  calendar: 'calendar' | 'working';
  active: boolean;
}

/** Shown beside a limit as it is typed: "PT4H = 4小时", or that it is not a duration. */
function DurationHint({ value }: { value: string }) {
  const lang = useLang();
  if (!value) return <span class="hint">{t('admin.durationHelp')}</span>;
  const ms = parseIsoDuration(value);
  if (ms === null || ms <= 0) return <span class="field-error">{t('admin.badDuration')}</span>;
  return <span class="hint">= {formatIsoDuration(value, lang)}</span>;
}

function CategoryForm({ category, onSaved }: { category: Category | null; onSaved: (code: string) => void }) {
  useLang();
  const [code, setCode] = useState(category?.code ?? '');
  const [zh, setZh] = useState(category?.name.zh ?? '');
  const [en, setEn] = useState(category?.name.en ?? '');
  const [descZh, setDescZh] = useState(category?.description?.zh ?? '');
  const [descEn, setDescEn] = useState(category?.description?.en ?? '');
  const [priority, setPriority] = useState<string>(category?.priority ?? 'P3');
  const [ackWithin, setAck] = useState(category?.ackWithin ?? '');
  const [resolveWithin, setResolve] = useState(category?.resolveWithin ?? '');
  // '' sends no calendar: the server then uses the priority's default clock (P1/P2 calendar time).
  const [clock, setClock] = useState<string>(category?.calendar ?? '');
  const [active, setActive] = useState(category?.active ?? true);
  const [saved, setSaved] = useState(false);
  const save = useSave();

  async function submit(e: Event) {
    e.preventDefault();
    setSaved(false);
    const body = {
      name: { zh, en },
      ...(descZh || descEn ? { description: { zh: descZh, en: descEn } } : {}),
      priority,
      ackWithin: ackWithin.trim(),
      resolveWithin: resolveWithin.trim(),
      ...(clock ? { calendar: clock } : {}),
      active,
    };
    if (
      await save.run(() => api('PUT', `/api/v1/admin/categories/${encodeURIComponent(code.trim())}`, body))
    ) {
      setSaved(true);
      onSaved(code.trim());
    }
  }

  return (
    <form onSubmit={submit} data-testid="category-form">
      <h2>{category ? `${t('admin.edit')} ${category.code}` : t('admin.new')}</h2>
      {!category && (
        <Field label={t('admin.code')} path="code" fields={save.fields}>
          <TextInput name="code" value={code} onInput={setCode} placeholder="road_collapse" />
        </Field>
      )}
      <Field label={t('admin.nameZh')} path="name.zh" fields={save.fields}>
        <TextInput name="name-zh" value={zh} onInput={setZh} />
      </Field>
      <Field label={t('admin.nameEn')} path="name.en" fields={save.fields}>
        <TextInput name="name-en" value={en} onInput={setEn} />
      </Field>
      <Field label={t('admin.descZh')} path="description.zh" fields={save.fields}>
        <TextInput name="desc-zh" value={descZh} onInput={setDescZh} />
      </Field>
      <Field label={t('admin.descEn')} path="description.en" fields={save.fields}>
        <TextInput name="desc-en" value={descEn} onInput={setDescEn} />
      </Field>
      <Field label={t('admin.priority')} path="priority" fields={save.fields}>
        <Select
          name="priority"
          value={priority}
          onChange={setPriority}
          options={['P1', 'P2', 'P3', 'P4'].map((p) => [p, `${p} ${t(`priority.${p}`)}`])}
        />
      </Field>
      <Field label={t('admin.ackWithin')} path="ackWithin" fields={save.fields}>
        <TextInput name="ackWithin" value={ackWithin} onInput={setAck} placeholder="PT15M" />
        <DurationHint value={ackWithin} />
      </Field>
      <Field label={t('admin.resolveWithin')} path="resolveWithin" fields={save.fields}>
        <TextInput name="resolveWithin" value={resolveWithin} onInput={setResolve} placeholder="PT4H" />
        <DurationHint value={resolveWithin} />
      </Field>
      <Field label={t('admin.clock')} path="calendar" fields={save.fields}>
        <Select
          name="calendar"
          value={clock}
          onChange={setClock}
          options={[
            ['', t('admin.clock.default')],
            ['calendar', t('admin.clock.calendar')],
            ['working', t('admin.clock.working')],
          ]}
        />
      </Field>
      <label class="inline">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
        {t('admin.active')}
      </label>
      <ErrorBox error={save.error} />
      <FormButtons busy={save.busy} saved={saved} />
    </form>
  );
}

/** Categories with their priority and time limits (PUT by code creates or replaces). */
export function CategoriesPage() {
  const lang = useLang();
  const res = useResource<Category>('/api/v1/admin/categories');
  const [selected, setSelected] = useState<string | null>(null);
  // Remount the form only when the user picks another record, not when a save selects the new one.
  const [formKey, setFormKey] = useState(0);
  const choose = (id: string) => {
    setSelected(id);
    setFormKey((k) => k + 1);
  };
  const category = res.items.find((c) => c.code === selected) ?? null;
  return (
    <AdminSplit
      loading={res.loading}
      error={res.error}
      onNew={() => choose('new')}
      list={
        <table data-testid="category-list">
          <tbody>
            {res.items.map((c) => (
              <tr
                key={c.code}
                class={`clickable${c.code === selected ? ' selected' : ''}`}
                onClick={() => choose(c.code)}
              >
                <td>
                  <span class={`prio prio-${c.priority}`}>{c.priority}</span>
                </td>
                <td>{pick(c.name)}</td>
                <td class="muted">
                  {formatIsoDuration(c.ackWithin, lang)} / {formatIsoDuration(c.resolveWithin, lang)}
                  {c.calendar === 'working' ? ` · ${t('admin.clock.working')}` : ''}
                  {!c.active && ` · ${t('admin.inactive')}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
      editor={
        (selected === 'new' || category) && (
          <CategoryForm
            key={formKey}
            category={category}
            onSaved={async (code) => {
              // Reload first, so the record is there when it becomes the selection.
              await res.reload();
              setSelected(code);
            }}
          />
        )
      }
    />
  );
}
