import { DISTRICT_TIME_ZONE } from '@grid-dispatch/domain';
import { useState } from 'preact/hooks';
import { pick, t, useLang } from '../lib/i18n';
import { hoursToText, type OfficePeriod, textToHours } from './calendar-text';
import { type CalendarYear, draftToYear, nextYearDraft, type YearDraft, yearToDraft } from './calendar-year';
import { YearFieldset } from './calendar-year-fieldset';
import { BilingualFields, TextField } from './field-rows';
import { Field } from './form-fields';
import { saveRecord } from './record-api';
import { editTitle, RecordFormFrame } from './record-form-frame';
import { RecordPage, RecordTable } from './record-page';
import { useRecordForm } from './use-record-form';
import { useResource } from './use-resource';

interface Calendar {
  id: string;
  name: { zh: string; en: string };
  timezone: string;
  officeHours: OfficePeriod[];
  workingWeekdays?: number[];
  years: CalendarYear[];
  inUse?: boolean;
}

const CALENDARS = '/api/v1/admin/calendars';
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

function CalendarForm({ calendar, onSaved }: { calendar: Calendar | null; onSaved: (id: string) => void }) {
  useLang();
  const [id, setId] = useState(calendar?.id ?? '');
  const [name, setName] = useState({ zh: calendar?.name.zh ?? '', en: calendar?.name.en ?? '' });
  const [timezone, setTimezone] = useState(calendar?.timezone ?? DISTRICT_TIME_ZONE);
  const [hours, setHours] = useState(
    hoursToText(
      calendar?.officeHours ?? [
        { start: '08:30', end: '12:00' },
        { start: '13:00', end: '17:30' },
      ],
    ),
  );
  const [weekdays, setWeekdays] = useState<number[]>(calendar?.workingWeekdays ?? [1, 2, 3, 4, 5]);
  const [years, setYears] = useState<YearDraft[]>((calendar?.years ?? []).map(yearToDraft));
  const form = useRecordForm();
  const setYear = (i: number, patch: Partial<YearDraft>) =>
    setYears((ys) => ys.map((y, j) => (j === i ? { ...y, ...patch } : y)));

  async function submit(e: Event) {
    const body = {
      name,
      timezone,
      officeHours: textToHours(hours),
      workingWeekdays: [...weekdays].sort(),
      years: years.map(draftToYear),
    };
    // PUT by id creates or replaces: a new calendar is keyed by the id typed.
    const savedId = await form.submit(e, () => saveRecord(CALENDARS, id.trim(), body));
    if (savedId !== null) onSaved(savedId);
  }

  return (
    <RecordFormFrame testId="calendar-form" title={editTitle(calendar?.id)} form={form} onSubmit={submit}>
      {!calendar && <TextField label={t('admin.calendarId')} path="id" value={id} onInput={setId} />}
      <BilingualFields path="name" input="name" value={name} onChange={setName} />
      <TextField label={t('admin.timezone')} path="timezone" value={timezone} onInput={setTimezone} />
      <Field label={`${t('admin.officeHours')} (${t('admin.officeHoursHelp')})`} path="officeHours">
        <textarea
          rows={3}
          data-testid="input-officeHours"
          value={hours}
          onInput={(e) => setHours(e.currentTarget.value)}
        />
      </Field>
      <Field label={t('admin.weekdays')} path="workingWeekdays">
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
        // Keyed by place: a year's number is being typed and may repeat until saved.
        <YearFieldset key={i} index={i} year={y} onChange={(patch) => setYear(i, patch)} />
      ))}
      <button type="button" onClick={() => setYears((ys) => [...ys, nextYearDraft(new Date())])}>
        {t('admin.addYear')}
      </button>
    </RecordFormFrame>
  );
}

/** Working calendars: office hours, public holidays and 调休 make-up days per year. */
export function CalendarsPage() {
  useLang();
  const res = useResource<Calendar>(CALENDARS);
  return (
    <RecordPage
      records={res}
      keyOf={(c) => c.id}
      list={(selection) => (
        <RecordTable
          testId="calendar-list"
          rows={res.items}
          selection={selection}
          cells={(c) => (
            <>
              <td>{pick(c.name)}</td>
              <td class="muted">
                {c.id} · {c.years.map((y) => y.year).join(', ')}
                {c.inUse && ` · ${t('admin.inUse')}`}
              </td>
            </>
          )}
        />
      )}
      form={(calendar, onSaved) => <CalendarForm calendar={calendar} onSaved={onSaved} />}
    />
  );
}
