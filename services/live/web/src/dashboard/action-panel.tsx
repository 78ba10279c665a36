import { useState } from 'preact/hooks';
import { ApiError } from '../lib/api';
import { ErrorBox } from '../lib/error-box';
import { formatDateTime } from '../lib/format';
import { t, useLang } from '../lib/i18n';
import type { Names } from './names';
import { postAction } from './post-action';
import type { TicketView } from './ticket.types';
import { type ActionInput, availableActions, buildBody, type SecretaryAction } from './ticket-actions';
import { UnitPicker } from './unit-picker';
import type { UnitRef } from './use-reference';

interface Props {
  ticket: TicketView;
  names: Names;
  units: UnitRef[];
  /** Open tickets a duplicate may be merged into. */
  mergeTargets: TicketView[];
  onDone: (t: TicketView) => void;
}

/** The secretary's actions on one ticket; only those its status allows are offered. */
export function ActionPanel({ ticket, names, units, mergeTargets, onDone }: Props) {
  useLang();
  const actions = availableActions(ticket);
  const [action, setAction] = useState<SecretaryAction | null>(null);
  const [input, setInput] = useState<ActionInput>({});
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const set = (patch: Partial<ActionInput>) => setInput((i) => ({ ...i, ...patch }));

  function choose(a: SecretaryAction) {
    setAction(a === action ? null : a);
    setInput({});
    setFields({});
    setError(null);
    setDone(null);
  }

  async function submit(e: Event) {
    e.preventDefault();
    if (!action) return;
    const built = buildBody(action, ticket, input);
    if (!built.ok) {
      setFields(Object.fromEntries(Object.entries(built.fields).map(([k, v]) => [k, t(v)])));
      return;
    }
    setBusy(true);
    setError(null);
    setFields({});
    try {
      onDone(await postAction(ticket, action, built.body));
      setDone(t('act.done', { action: t(`act.${action}`) }));
      setAction(null);
    } catch (err) {
      setError(err);
      // The server's field errors go next to their inputs as well as into the error box.
      if (err instanceof ApiError && err.fields)
        setFields(Object.fromEntries(err.fields.map((f) => [f.path, f.message])));
    } finally {
      setBusy(false);
    }
  }

  const radio = (name: keyof ActionInput, value: boolean, label: string) => (
    <label class="inline">
      <input
        type="radio"
        name={name}
        checked={input[name] === value}
        onChange={() => set({ [name]: value })}
      />
      {label}
    </label>
  );
  // The next unit, for an approved return or a reassignment: never the one holding the ticket.
  const unitPicker = () => (
    <UnitPicker
      units={units}
      names={names}
      value={input.unitId ?? ''}
      exclude={ticket.unitId}
      onChange={(unitId) => set({ unitId })}
      error={fields.unitId}
    />
  );
  const text = (name: 'note' | 'reason', required = false) => (
    <div class="field">
      <label>
        {t(`act.${name}`)}
        {required ? ' *' : ''}
        <textarea
          data-testid={`action-${name}`}
          value={input[name] ?? ''}
          onInput={(e) => set({ [name]: e.currentTarget.value })}
        />
      </label>
      {fields[name] && <span class="field-error">{fields[name]}</span>}
    </div>
  );

  return (
    <div class="action-panel" data-testid="action-panel">
      <div class="action-buttons">
        {actions.map((a) => (
          <button
            type="button"
            key={a}
            data-testid={`action-${a}`}
            class={a === action ? 'active' : ''}
            onClick={() => choose(a)}
          >
            {t(`act.${a}`)}
          </button>
        ))}
      </div>
      {done && (
        <p class="notice" role="status">
          {done}
        </p>
      )}
      {action && (
        <form class="card action-form" onSubmit={submit}>
          {action === 'decide' && (
            <>
              <p>
                {t(`dash.pending.${ticket.pendingRequest?.kind ?? 'return'}`, {
                  time: ticket.pendingRequest?.resolveBy
                    ? formatDateTime(ticket.pendingRequest.resolveBy)
                    : '',
                })}
                : {ticket.pendingRequest?.reason}
              </p>
              <div class="field">
                {radio('approve', true, t('act.approve'))}
                {radio('approve', false, t('act.refuse'))}
                {fields.approve && <span class="field-error">{fields.approve}</span>}
              </div>
              {ticket.pendingRequest?.kind === 'return' && input.approve && unitPicker()}
              {text('note')}
            </>
          )}
          {action === 'reassign' && (
            <>
              {unitPicker()}
              {text('reason')}
            </>
          )}
          {action === 'verify' && (
            <>
              <div class="field">
                {radio('solved', true, t('act.solved'))}
                {radio('solved', false, t('act.notSolved'))}
                {fields.solved && <span class="field-error">{fields.solved}</span>}
              </div>
              {text('note')}
            </>
          )}
          {(action === 'reopen' || action === 'cancel') && text('reason', true)}
          {action === 'merge' && (
            <div class="field">
              <label>
                {t('act.into')}
                <select
                  data-testid="merge-target"
                  value={input.intoTicketId ?? ''}
                  onChange={(e) => set({ intoTicketId: e.currentTarget.value })}
                >
                  <option value="">{t('act.choose')}</option>
                  {mergeTargets
                    .filter((m) => m.id !== ticket.id)
                    // Duplicates are of the same category: those first.
                    .sort(
                      (a, b) =>
                        Number(a.category !== ticket.category) - Number(b.category !== ticket.category),
                    )
                    .map((m) => (
                      <option key={m.id} value={m.id}>
                        {m.trackingCode} · {names.category(m.category)}
                      </option>
                    ))}
                </select>
              </label>
              {fields.intoTicketId && <span class="field-error">{fields.intoTicketId}</span>}
            </div>
          )}
          {action === 'urge' && text('note')}
          <button type="submit" class="primary" data-testid="action-submit" disabled={busy}>
            {t('act.submit')}
          </button>
          <ErrorBox error={error} />
        </form>
      )}
    </div>
  );
}
