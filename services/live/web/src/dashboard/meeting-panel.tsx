import { rotatingChair } from '@grid-dispatch/domain';
import { useRef, useState } from 'preact/hooks';
import { ApiError, api } from '../lib/api';
import { instantFromDatetimeLocal } from '../lib/datetime-input';
import { ErrorBox } from '../lib/error-box';
import {
  FieldError,
  fieldErrorId,
  focusFirstInvalid,
  invalidProps,
  isPlaced,
  placeFieldErrors,
} from '../lib/field-error';
import { formatDateTime, formatRate } from '../lib/format';
import { getLang, pick, t, useLang } from '../lib/i18n';
import { SkeletonRows } from '../lib/skeleton';
import { useApi } from '../lib/use-api';
import {
  type Agenda,
  type ChairOrder,
  DECISION_KINDS,
  type DecisionKind,
  type Meeting,
  type UnitName,
} from './committee.types';
import { RATE_TILES } from './kpi.types';

/** The decision form's inputs, by the body's field each one fills. */
const DECISION_FIELDS = [
  'kind',
  'projectId',
  'unitId',
  'milestone.title',
  'milestone.dueAt',
  'milestone',
  'text',
];

/**
 * This month's joint meeting of a committee: created with the chair the rotation proposes (or
 * another member), its agenda in sections, the units present, the decisions recorded during the
 * meeting, and the minutes filed when it is marked held. Writes carry the version read; a 409
 * reloads the meeting and says so.
 */
export function MeetingPanel({
  base,
  month,
  meetings,
  order,
  onChanged,
}: {
  base: string;
  month: string;
  meetings: Meeting[];
  order: ChairOrder | undefined;
  onChanged: () => Promise<void>;
}) {
  useLang();
  const meeting = meetings.find((m) => m.month === month);
  const names = new Map((order?.order ?? []).map((u) => [u.unitId, u]));
  const unitName = (id: string) => pick(names.get(id)?.name) || id;
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** One write; a stale version reloads the meeting and says so in a sentence. */
  async function write(call: () => Promise<unknown>): Promise<boolean> {
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      await call();
      await onChanged();
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.code === 'VERSION_CONFLICT') {
        await onChanged();
        setNote(t('jc.staleMeeting'));
      } else setError(e);
      throw e;
    } finally {
      setBusy(false);
    }
  }
  const ifMatch = (m: Meeting) => ({ headers: { 'if-match': String(m.version) } });

  return (
    <section class="card meeting-panel" data-testid="meeting-panel">
      <h3>{t('jc.meeting', { month })}</h3>
      {note && (
        <p class="notice" role="status">
          {note}
        </p>
      )}
      {meeting ? (
        <MeetingBody
          key={meeting.id}
          base={base}
          meeting={meeting}
          members={order?.order ?? []}
          unitName={unitName}
          busy={busy}
          write={write}
          ifMatch={ifMatch}
          error={error}
        />
      ) : (
        <CreateMeeting
          base={base}
          month={month}
          order={order}
          previous={meetings.find((m) => m.month < month) ?? null}
          busy={busy}
          write={write}
          error={error}
        />
      )}
    </section>
  );
}

function CreateMeeting({
  base,
  month,
  order,
  previous,
  busy,
  write,
  error,
}: {
  base: string;
  month: string;
  order: ChairOrder | undefined;
  previous: Meeting | null;
  busy: boolean;
  write: (call: () => Promise<unknown>) => Promise<boolean>;
  error: unknown;
}) {
  const members = order?.order ?? [];
  // The same rotation the server applies when no chair is named: shown, and left to the server.
  const proposed = rotatingChair(
    members.map((u) => ({ ...u, id: u.unitId })),
    month,
    { storedOrder: order?.unitIds ?? [], lastChairId: previous?.chair.unitId ?? null },
  );
  const [chair, setChair] = useState('');
  const chosen = chair || proposed?.unitId || '';
  return (
    <>
      <p class="muted">{t('jc.noMeeting')}</p>
      {proposed && <p data-testid="proposed-chair">{t('jc.proposedChair', { name: pick(proposed.name) })}</p>}
      <ErrorBox error={error} />
      <label>
        {t('jc.chairUnit')}{' '}
        <select value={chosen} onChange={(e) => setChair(e.currentTarget.value)} data-testid="meeting-chair">
          {members.map((u) => (
            <option key={u.unitId} value={u.unitId}>
              {pick(u.name)}
            </option>
          ))}
        </select>
      </label>{' '}
      <button
        type="button"
        class="primary"
        data-testid="meeting-create"
        disabled={busy || members.length === 0}
        onClick={() =>
          void write(() =>
            api('POST', `${base}/meetings`, {
              month,
              ...(chosen && chosen !== proposed?.unitId ? { chairUnitId: chosen } : {}),
            }),
          ).catch(() => undefined)
        }
      >
        {t('jc.create')}
      </button>
    </>
  );
}

function MeetingBody({
  base,
  meeting,
  members,
  unitName,
  busy,
  write,
  ifMatch,
  error,
}: {
  base: string;
  meeting: Meeting;
  members: UnitName[];
  unitName: (id: string) => string;
  busy: boolean;
  write: (call: () => Promise<unknown>) => Promise<boolean>;
  ifMatch: (m: Meeting) => { headers: Record<string, string> };
  error: unknown;
}) {
  const path = `${base}/meetings/${meeting.month}`;
  const agenda = useApi<Agenda>(`${path}/agenda`);
  const [present, setPresent] = useState<string[]>(meeting.attendeeUnitIds);
  const [minutes, setMinutes] = useState(meeting.minutes ?? '');
  const planned = meeting.status === 'planned';
  const lang = getLang();
  return (
    <>
      <p>
        <strong data-testid="meeting-chair-name">{t('jc.chair', { name: pick(meeting.chair.name) })}</strong>{' '}
        ·{' '}
        <span data-testid="meeting-status" data-status={meeting.status}>
          {t(`jc.status.${meeting.status}`)}
        </span>
        {meeting.heldAt && <> · {t('jc.heldAt', { time: formatDateTime(meeting.heldAt, lang) })}</>}
      </p>
      <ErrorBox error={error} placed={(p) => isPlaced(p, DECISION_FIELDS)} />
      <AgendaSections
        agenda={agenda.data}
        error={agenda.error}
        loading={agenda.loading}
        unitName={unitName}
      />
      <fieldset disabled={!planned || busy}>
        <legend>{t('jc.attendees')}</legend>
        {members.map((u) => (
          <label key={u.unitId} class="inline">
            <input
              type="checkbox"
              checked={present.includes(u.unitId)}
              data-testid={`attendee-${u.unitId}`}
              onChange={(e) =>
                setPresent(
                  e.currentTarget.checked ? [...present, u.unitId] : present.filter((x) => x !== u.unitId),
                )
              }
            />{' '}
            {pick(u.name)}
          </label>
        ))}{' '}
        <button
          type="button"
          data-testid="attendees-save"
          onClick={() =>
            void write(() =>
              api('PUT', `${path}/attendees`, { attendeeUnitIds: present }, ifMatch(meeting)),
            ).catch(() => undefined)
          }
        >
          {t('jc.saveAttendees')}
        </button>
      </fieldset>
      <h4>{t('jc.decisions')}</h4>
      {meeting.decisions.length === 0 ? (
        <p class="muted">{t('jc.noDecisions')}</p>
      ) : (
        <ol data-testid="decisions">
          {meeting.decisions.map((d) => (
            <li key={d.at} data-kind={d.kind}>
              <strong>{t(`jc.kind.${d.kind}`)}</strong>
              {d.projectId && <> · {d.projectId}</>}
              {d.unitId && <> · {unitName(d.unitId)}</>}
              {d.milestone && (
                <>
                  {' '}
                  · {d.milestone.title} ({formatDateTime(d.milestone.dueAt, lang)})
                </>
              )}
              {d.text && <> · {d.text}</>}
            </li>
          ))}
        </ol>
      )}
      {planned ? (
        <>
          <DecisionForm
            members={members}
            projects={agenda.data?.awaitingApproval ?? []}
            busy={busy}
            record={(body) => write(() => api('POST', `${path}/decisions`, body, ifMatch(meeting)))}
          />
          <form
            class="hold-form"
            onSubmit={(e) => {
              e.preventDefault();
              void write(() =>
                api('POST', `${path}/hold`, minutes.trim() ? { minutes } : {}, ifMatch(meeting)),
              ).catch(() => undefined);
            }}
          >
            <label>
              {t('jc.minutesText')}
              <textarea
                rows={4}
                value={minutes}
                data-testid="hold-minutes"
                onInput={(e) => setMinutes(e.currentTarget.value)}
              />
            </label>
            <button type="submit" class="primary" disabled={busy} data-testid="meeting-hold">
              {t('jc.hold')}
            </button>
          </form>
        </>
      ) : (
        <p class="muted">{t('jc.heldNote')}</p>
      )}
    </>
  );
}

function AgendaSections({
  agenda,
  error,
  loading,
  unitName,
}: {
  agenda: Agenda | undefined;
  error: unknown;
  loading: boolean;
  unitName: (id: string) => string;
}) {
  const lang = getLang();
  if (error) return <ErrorBox error={error} />;
  if (!agenda) return loading ? <SkeletonRows rows={4} /> : null;
  const none = <li class="muted">{t('jc.agenda.none')}</li>;
  const milestones = (items: Agenda['lateMilestones']) =>
    items.length === 0
      ? none
      : items.map((m) => (
          <li key={`${m.projectId}-${m.milestone.id}`}>
            {t('jc.agenda.milestone', {
              project: m.projectTitle,
              title: m.milestone.title,
              due: formatDateTime(m.milestone.dueAt, lang),
            })}{' '}
            · {unitName(m.leadUnitId)}
          </li>
        ));
  return (
    <div class="agenda" data-testid="agenda">
      <h4>{t('jc.agenda')}</h4>
      <section data-testid="agenda-needs">
        <h5>{t('jc.agenda.newNeeds')}</h5>
        <ul>
          {agenda.newNeeds.length === 0
            ? none
            : agenda.newNeeds.map((n) => (
                <li key={n.id}>
                  {t('jc.agenda.need', {
                    title: n.title,
                    people: n.peopleConcerned,
                    supporters: n.supporters,
                  })}
                </li>
              ))}
        </ul>
      </section>
      <section data-testid="agenda-late">
        <h5>{t('jc.agenda.late')}</h5>
        <ul>{milestones(agenda.lateMilestones)}</ul>
      </section>
      <section data-testid="agenda-due">
        <h5>{t('jc.agenda.due')}</h5>
        <ul>{milestones(agenda.dueMilestones)}</ul>
      </section>
      <section data-testid="agenda-awaiting">
        <h5>{t('jc.agenda.awaiting')}</h5>
        <ul>
          {agenda.awaitingApproval.length === 0
            ? none
            : agenda.awaitingApproval.map((p) => (
                <li key={p.id}>
                  {p.title} · {unitName(p.leadUnitId)} · <code>{p.id}</code>
                </li>
              ))}
        </ul>
      </section>
      <section data-testid="agenda-tickets">
        <h5>{t('jc.agenda.tickets')}</h5>
        <p>{t('jc.agenda.ticketCounts', { open: agenda.tickets.open, overdue: agenda.tickets.overdue })}</p>
      </section>
      <section data-testid="agenda-kpis">
        <h5>{t('jc.agenda.kpis')}</h5>
        <dl class="agenda-kpis">
          {RATE_TILES.map((key) => (
            <div key={key}>
              <dt>{t(`kpi.${key}`)}</dt>
              <dd>{formatRate(agenda.kpis[key])}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}

/** A decision as the form sends it: only the fields its kind takes, the others left out. */
function DecisionForm({
  members,
  projects,
  busy,
  record,
}: {
  members: UnitName[];
  projects: Agenda['awaitingApproval'];
  busy: boolean;
  record: (body: Record<string, unknown>) => Promise<boolean>;
}) {
  const [kind, setKind] = useState<DecisionKind>('note');
  const [projectId, setProjectId] = useState('');
  const [unitId, setUnitId] = useState('');
  const [title, setTitle] = useState('');
  const [dueAt, setDueAt] = useState('');
  const [text, setText] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const form = useRef<HTMLFormElement>(null);

  async function submit(e: Event) {
    e.preventDefault();
    setFields({});
    const body: Record<string, unknown> = { kind };
    if (projectId.trim()) body.projectId = projectId.trim();
    if (kind === 'assign_unit') body.unitId = unitId || undefined;
    if (kind === 'set_milestone') body.milestone = { title, dueAt: instantFromDatetimeLocal(dueAt) };
    if (text.trim()) body.text = text;
    try {
      await record(body);
      setProjectId('');
      setTitle('');
      setDueAt('');
      setText('');
    } catch (err) {
      // Each field's problem under its input, in the reader's language; the focus on the first.
      if (err instanceof ApiError && err.fields?.length) {
        setFields(placeFieldErrors(err.fields, DECISION_FIELDS));
        focusFirstInvalid(form.current);
      }
    }
  }

  const projectError = fields.projectId;
  const milestoneError = fields.milestone;
  return (
    <form class="decision-form" ref={form} onSubmit={submit} data-testid="decision-form">
      <h5>{t('jc.recordDecision')}</h5>
      <label>
        {t('jc.kind')}
        <select
          value={kind}
          data-testid="decision-kind"
          onChange={(e) => setKind(e.currentTarget.value as DecisionKind)}
          {...invalidProps('kind', fields.kind)}
        >
          {DECISION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`jc.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <FieldError id={fieldErrorId('kind')} text={fields.kind} />
      <label>
        {t('jc.projectId')}
        <input
          list="agenda-projects"
          value={projectId}
          data-testid="decision-project"
          onInput={(e) => setProjectId(e.currentTarget.value)}
          {...invalidProps('projectId', projectError)}
        />
        <datalist id="agenda-projects">
          {projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </datalist>
      </label>
      <FieldError id={fieldErrorId('projectId')} text={projectError} />
      {kind === 'assign_unit' && (
        <>
          <label>
            {t('jc.unitId')}
            <select
              value={unitId}
              onChange={(e) => setUnitId(e.currentTarget.value)}
              {...invalidProps('unitId', fields.unitId)}
            >
              <option value="">—</option>
              {members.map((u) => (
                <option key={u.unitId} value={u.unitId}>
                  {pick(u.name)}
                </option>
              ))}
            </select>
          </label>
          <FieldError id={fieldErrorId('unitId')} text={fields.unitId} />
        </>
      )}
      {kind === 'set_milestone' && (
        <>
          <label>
            {t('jc.milestoneTitle')}
            <input
              value={title}
              onInput={(e) => setTitle(e.currentTarget.value)}
              {...invalidProps('milestone.title', fields['milestone.title'] ?? milestoneError)}
            />
          </label>
          <FieldError
            id={fieldErrorId('milestone.title')}
            text={fields['milestone.title'] ?? milestoneError}
          />
          <label>
            {t('jc.milestoneDue')}
            <input
              type="datetime-local"
              value={dueAt}
              onInput={(e) => setDueAt(e.currentTarget.value)}
              {...invalidProps('milestone.dueAt', fields['milestone.dueAt'])}
            />
          </label>
          <FieldError id={fieldErrorId('milestone.dueAt')} text={fields['milestone.dueAt']} />
        </>
      )}
      <label>
        {t('jc.text')}
        <textarea
          rows={2}
          value={text}
          data-testid="decision-text"
          onInput={(e) => setText(e.currentTarget.value)}
          {...invalidProps('text', fields.text)}
        />
      </label>
      <FieldError id={fieldErrorId('text')} text={fields.text} />
      <button type="submit" disabled={busy} data-testid="decision-submit">
        {t('jc.recordDecision')}
      </button>
    </form>
  );
}
