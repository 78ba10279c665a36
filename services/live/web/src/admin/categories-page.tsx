import { defaultClockFor } from '@grid-dispatch/domain';
import { useState } from 'preact/hooks';
import { formatIsoDuration, parseIsoDuration } from '../lib/format';
import { pick, t, useLang } from '../lib/i18n';
import { ActiveCheckbox, BilingualFields, SelectField, TextField } from './field-rows';
import { LimitField, limitText, useLimit } from './limit-field';
import { saveRecord } from './record-api';
import { editTitle, RecordFormFrame } from './record-form-frame';
import { RecordPage, RecordTable } from './record-page';
import { useRecordForm } from './use-record-form';
import { useResource } from './use-resource';

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

const CATEGORIES = '/api/v1/admin/categories';

/** Shown beside a limit as it is typed: "PT4H = 4小时", or that it is not a duration. */
function DurationHint({ value }: { value: string }) {
  const lang = useLang();
  if (!value) return <span class="hint">{t('admin.durationHelp')}</span>;
  const ms = parseIsoDuration(value);
  if (ms === null || ms <= 0) return <span class="field-error">{t('admin.badDuration')}</span>;
  return <span class="hint">= {formatIsoDuration(value, lang)}</span>;
}

/** A stored limit no single unit says (`P1DT4H`), kept as ISO-8601 text and read back beside it. */
function DurationField({
  label,
  path,
  value,
  onInput,
  example,
}: {
  label: string;
  path: 'ackWithin' | 'resolveWithin';
  value: string;
  onInput: (v: string) => void;
  example: string;
}) {
  return (
    <TextField label={label} path={path} value={value} onInput={onInput} placeholder={example}>
      <DurationHint value={value} />
    </TextField>
  );
}

function CategoryForm({ category, onSaved }: { category: Category | null; onSaved: (code: string) => void }) {
  useLang();
  const [code, setCode] = useState(category?.code ?? '');
  const [name, setName] = useState({ zh: category?.name.zh ?? '', en: category?.name.en ?? '' });
  const [desc, setDesc] = useState({
    zh: category?.description?.zh ?? '',
    en: category?.description?.en ?? '',
  });
  const [priority, setPriority] = useState<string>(category?.priority ?? 'P3');
  const ack = useLimit(category?.ackWithin ?? '');
  const resolve = useLimit(category?.resolveWithin ?? '');
  // '' sends no calendar: the server then uses the priority's default clock (P1/P2 calendar time).
  const [clock, setClock] = useState<string>(category?.calendar ?? '');
  const [active, setActive] = useState(category?.active ?? true);
  const form = useRecordForm();
  // Days on a working clock are working days: the limit's unit says which.
  const workingClock = (clock || defaultClockFor(priority as Category['priority'])) === 'working';

  async function submit(e: Event) {
    const body = {
      name,
      ...(desc.zh || desc.en ? { description: desc } : {}),
      priority,
      ackWithin: ack.iso(),
      resolveWithin: resolve.iso(),
      ...(clock ? { calendar: clock } : {}),
      active,
    };
    // PUT by code creates or replaces: a new category is keyed by the code typed.
    const savedCode = await form.submit(e, () => saveRecord(CATEGORIES, code.trim(), body));
    if (savedCode !== null) onSaved(savedCode);
  }

  return (
    <RecordFormFrame testId="category-form" title={editTitle(category?.code)} form={form} onSubmit={submit}>
      {!category && (
        <TextField
          label={t('admin.code')}
          path="code"
          value={code}
          onInput={setCode}
          placeholder="road_collapse"
        />
      )}
      <BilingualFields path="name" input="name" value={name} onChange={setName} />
      <BilingualFields path="description" input="desc" value={desc} onChange={setDesc} />
      <SelectField
        label={t('admin.priority')}
        path="priority"
        value={priority}
        onChange={setPriority}
        options={['P1', 'P2', 'P3', 'P4'].map((p) => [p, `${p} ${t(`priority.${p}`)}`])}
      />
      {[
        { path: 'ackWithin' as const, state: ack, example: 'PT15M' },
        { path: 'resolveWithin' as const, state: resolve, example: 'PT4H' },
      ].map(({ path, state, example }) =>
        state.limit ? (
          <LimitField
            key={path}
            label={t(`admin.${path}`)}
            path={path}
            value={state.limit}
            onChange={state.setLimit}
            workingClock={workingClock}
          />
        ) : (
          <DurationField
            key={path}
            label={t(`admin.${path}`)}
            path={path}
            value={state.text}
            onInput={state.setText}
            example={example}
          />
        ),
      )}
      <SelectField
        label={t('admin.clock')}
        path="calendar"
        value={clock}
        onChange={setClock}
        options={[
          ['', t('admin.clock.default')],
          ['calendar', t('admin.clock.calendar')],
          ['working', t('admin.clock.working')],
        ]}
      />
      <ActiveCheckbox value={active} onChange={setActive} />
    </RecordFormFrame>
  );
}

/** Categories with their priority and time limits (PUT by code creates or replaces). */
export function CategoriesPage() {
  const lang = useLang();
  const res = useResource<Category>(CATEGORIES);
  return (
    <RecordPage
      records={res}
      keyOf={(c) => c.code}
      list={(selection) => (
        <RecordTable
          testId="category-list"
          rows={res.items}
          selection={selection}
          cells={(c) => (
            <>
              <td>
                <span class={`prio prio-${c.priority}`}>{c.priority}</span>
              </td>
              <td>{pick(c.name)}</td>
              <td class="muted">
                {limitText(c.ackWithin, c.calendar === 'working', lang)} /{' '}
                {limitText(c.resolveWithin, c.calendar === 'working', lang)}
                {c.calendar === 'working' ? ` · ${t('admin.clock.working')}` : ''}
                {!c.active && ` · ${t('admin.inactive')}`}
              </td>
            </>
          )}
        />
      )}
      form={(category, onSaved) => <CategoryForm category={category} onSaved={onSaved} />}
    />
  );
}
