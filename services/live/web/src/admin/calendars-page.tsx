import { useState } from 'preact/hooks';
import { api } from '../lib/api';
import { ErrorBox } from '../lib/error-box';
import { pick, t, useLang } from '../lib/i18n';
import { AdminSplit, FormButtons } from './admin-shell';
import {
  daysToText,
  hoursToText,
  type NamedDay,
  type OfficePeriod,
  textToDays,
  textToHours,
} from './calendar-text';
import { Field, TextInput } from './form-fields';
import { useResource } from './use-resource';
import { useSave } from './use-save';

interface CalendarYear {
  year: number;
  status?: string;
  source?: string;
  holidays: NamedDay[];
  makeUpWorkdays: NamedDay[];
}

interface Calendar {
  id: string;
  name: { zh: string; en: string };
  timezone: string;
  officeHours: OfficePeriod[];
  workingWeekdays?: number[];
  years: CalendarYear[];
  inUse?: boolean;
}

/** A year as edited: the day lists as text until saved. */
interface YearDraft {
  year: string;
  status?: string | undefined;
  source?: string | undefined;
  holidays: string;
  makeUp: string;
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

function CalendarForm({ calendar, onSaved }: { calendar: Calendar | null; onSaved: (id: string) => void }) {
  useLang();
  const [id, setId] = useState(calendar?.id ?? '');
  const [zh, setZh] = useState(calendar?.name.zh ?? '');
  const [en, setEn] = useState(calendar?.name.en ?? '');
  const [timezone, setTimezone] = useState(calendar?.timezone ?? 'Asia/Shanghai');
  const [hours, setHours] = useState(
    hoursToText(
      calendar?.officeHours ?? [
        { start: '08:30', end: '12:00' },
        { start: '13:00', end: '17:30' },
      ],
    ),
  );
  const [weekdays, setWeekdays] = useState<number[]>(calendar?.workingWeekdays ?? [1, 2, 3, 4, 5]);
  const [years, setYears] = useState<YearDraft[]>(
    (calendar?.years ?? []).map((y) => ({
      year: String(y.year),
      status: y.status,
      source: y.source,
      holidays: daysToText(y.holidays),
      makeUp: daysToText(y.makeUpWorkdays),
    })),
  );
  const [saved, setSaved] = useState(false);
  const save = useSave();
  const setYear = (i: number, patch: Partial<YearDraft>) =>
    setYears((ys) => ys.map((y, j) => (j === i ? { ...y, ...patch } : y)));

  async function submit(e: Event) {
    e.preventDefault();
    setSaved(false);
    const body = {
      name: { zh, en },
      timezone,
      officeHours: textToHours(hours),
      workingWeekdays: [...weekdays].sort(),
      years: years.map((y) => ({
        year: Number(y.year),
        ...(y.status ? { status: y.status } : {}),
        ...(y.source ? { source: y.source } : {}),
        holidays: textToDays(y.holidays),
        makeUpWorkdays: textToDays(y.makeUp),
      })),
    };
    const target = id.trim();
    if (await save.run(() => api('PUT', `/api/v1/admin/calendars/${encodeURIComponent(target)}`, body))) {
      setSaved(true);
      onSaved(target);
    }
  }

  return (
    <form onSubmit={submit} data-testid="calendar-form">
      <h2>{calendar ? `${t('admin.edit')} ${calendar.id}` : t('admin.new')}</h2>
      {!calendar && (
        <Field label={t('admin.calendarId')} path="id" fields={save.fields}>
          <TextInput name="id" value={id} onInput={setId} />
        </Field>
      )}
      <Field label={t('admin.nameZh')} path="name.zh" fields={save.fields}>
        <TextInput name="name-zh" value={zh} onInput={setZh} />
      </Field>
      <Field label={t('admin.nameEn')} path="name.en" fields={save.fields}>
        <TextInput name="name-en" value={en} onInput={setEn} />
      </Field>
      <Field label={t('admin.timezone')} path="timezone" fields={save.fields}>
        <TextInput name="timezone" value={timezone} onInput={setTimezone} />
      </Field>
      <Field
        label={`${t('admin.officeHours')} (${t('admin.officeHoursHelp')})`}
        path="officeHours"
        fields={save.fields}
      >
        <textarea
          rows={3}
          data-testid="input-officeHours"
          value={hours}
          onInput={(e) => setHours(e.currentTarget.value)}
        />
      </Field>
      <Field label={t('admin.weekdays')} path="workingWeekdays" fields={save.fields}>
        <span class="weekdays">
          {WEEKDAYS.map((d) => (
            <label class="inline" key={d}>
              <input
                type="checkbox"
                checked={weekdays.includes(d)}
                onChange={(e) =>
                  setWeekdays((w) => (e.currentTarget.checked ? [...w, d] : w.filter((x) => x !== d)))
                }
              />
              {t(`weekday.${d}`)}
            </label>
          ))}
        </span>
      </Field>
      <h3>{t('admin.years')}</h3>
      <p class="hint">{t('admin.daysHelp')}</p>
      {years.map((y, i) => (
        <fieldset class="calendar-year" key={i}>
          <legend>
            {t('admin.year')}{' '}
            <input
              class="year-input"
              value={y.year}
              onInput={(e) => setYear(i, { year: e.currentTarget.value })}
            />
            {y.status && <span class="muted"> {y.status}</span>}
          </legend>
          <Field label={t('admin.holidays')} path={`years[${i}].holidays`} fields={save.fields}>
            <textarea
              rows={6}
              value={y.holidays}
              onInput={(e) => setYear(i, { holidays: e.currentTarget.value })}
            />
          </Field>
          <Field label={t('admin.makeUpWorkdays')} path={`years[${i}].makeUpWorkdays`} fields={save.fields}>
            <textarea
              rows={3}
              value={y.makeUp}
              onInput={(e) => setYear(i, { makeUp: e.currentTarget.value })}
            />
          </Field>
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() =>
          setYears((ys) => [...ys, { year: String(new Date().getFullYear() + 1), holidays: '', makeUp: '' }])
        }
      >
        {t('admin.addYear')}
      </button>
      <ErrorBox error={save.error} />
      <FormButtons busy={save.busy} saved={saved} />
    </form>
  );
}

/** Working calendars: office hours, public holidays and 调休 make-up days per year. */
export function CalendarsPage() {
  useLang();
  const res = useResource<Calendar>('/api/v1/admin/calendars');
  const [selected, setSelected] = useState<string | null>(null);
  // Remount the form only when the user picks another record, not when a save selects the new one.
  const [formKey, setFormKey] = useState(0);
  const choose = (id: string) => {
    setSelected(id);
    setFormKey((k) => k + 1);
  };
  const calendar = res.items.find((c) => c.id === selected) ?? null;
  return (
    <AdminSplit
      loading={res.loading}
      error={res.error}
      onNew={() => choose('new')}
      list={
        <table data-testid="calendar-list">
          <tbody>
            {res.items.map((c) => (
              <tr
                key={c.id}
                class={`clickable${c.id === selected ? ' selected' : ''}`}
                onClick={() => choose(c.id)}
              >
                <td>{pick(c.name)}</td>
                <td class="muted">
                  {c.id} · {c.years.map((y) => y.year).join(', ')}
                  {c.inUse && ` · ${t('admin.inUse')}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
      editor={
        (selected === 'new' || calendar) && (
          <CalendarForm
            key={formKey}
            calendar={calendar}
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
