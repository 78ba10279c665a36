import { useState } from 'preact/hooks';
import { errorSentence } from '../lib/error-box';
import { t, useLang } from '../lib/i18n';
import { BULK_ACTIONS, type BulkAction, type BulkOutcome, planBulk, runBulk } from './bulk-actions';
import type { Names } from './names';
import { postAction } from './post-action';
import type { TicketView } from './ticket.types';
import type { ActionInput } from './ticket-actions';
import { UnitPicker } from './unit-picker';
import type { UnitRef } from './use-reference';

interface Props {
  selected: TicketView[];
  names: Names;
  units: UnitRef[];
  onChanged: (t: TicketView) => void;
  /** Takes tickets out of the selection. */
  onDeselect: (ids: string[]) => void;
}

interface Result {
  action: BulkAction;
  outcomes: BulkOutcome[];
  skipped: { ticket: TicketView; reason: string }[];
}

/**
 * Urge, reassign or verify every selected ticket in one step. Each ticket gets its own
 * version-checked request; tickets whose status does not allow the action are left out and named,
 * and every failure is reported against its ticket while the others go through.
 */
export function BulkBar({ selected, names, units, onChanged, onDeselect }: Props) {
  useLang();
  const [action, setAction] = useState<BulkAction | null>(null);
  const [input, setInput] = useState<ActionInput>({});
  const [fields, setFields] = useState<Record<string, string>>({});
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const set = (patch: Partial<ActionInput>) => setInput((i) => ({ ...i, ...patch }));

  if (selected.length === 0 && !result) return null;

  function choose(a: BulkAction) {
    setAction(a === action ? null : a);
    setInput({});
    setFields({});
    setResult(null);
  }

  async function submit(e: Event) {
    e.preventDefault();
    if (!action || progress) return;
    const plan = planBulk(selected, action, input);
    if (Object.keys(plan.fields).length > 0) {
      setFields(Object.fromEntries(Object.entries(plan.fields).map(([k, v]) => [k, t(v)])));
      return;
    }
    setFields({});
    setProgress({ done: 0, total: plan.send.length });
    const outcomes = await runBulk(plan, action, postAction, (done, total) => setProgress({ done, total }));
    for (const o of outcomes) if (o.ok) onChanged(o.updated);
    setProgress(null);
    setResult({
      action,
      outcomes,
      skipped: plan.skip.map((s) => ({ ticket: s.ticket, reason: t(`bulk.skip.${s.reason}`) })),
    });
    setAction(null);
    // What went through leaves the selection; what failed or was left out stays, to retry or open.
    onDeselect(outcomes.filter((o) => o.ok).map((o) => o.ticket.id));
  }

  const failed = result?.outcomes.filter((o) => !o.ok) ?? [];
  const succeeded = result ? result.outcomes.length - failed.length : 0;

  return (
    <div class="card bulk-bar" data-testid="bulk-bar">
      {selected.length > 0 && (
        <div class="action-buttons">
          <strong data-testid="bulk-count">{t('bulk.selected', { n: selected.length })}</strong>
          {BULK_ACTIONS.map((a) => (
            <button
              type="button"
              key={a}
              data-testid={`bulk-${a}`}
              class={a === action ? 'active' : ''}
              onClick={() => choose(a)}
            >
              {t(`act.${a}`)}
            </button>
          ))}
          <button
            type="button"
            class="link"
            data-testid="bulk-clear"
            onClick={() => {
              onDeselect(selected.map((tk) => tk.id));
              setResult(null);
            }}
          >
            {t('bulk.clear')}
          </button>
        </div>
      )}
      {action && (
        <form class="action-form" onSubmit={submit}>
          {action === 'reassign' && (
            <UnitPicker
              units={units}
              names={names}
              value={input.unitId ?? ''}
              onChange={(unitId) => set({ unitId })}
              error={fields.unitId}
            />
          )}
          {action === 'verify' && (
            <div class="field">
              {[true, false].map((solved) => (
                <label class="inline" key={String(solved)}>
                  <input
                    type="radio"
                    name="bulk-solved"
                    checked={input.solved === solved}
                    onChange={() => set({ solved })}
                  />
                  {t(solved ? 'act.solved' : 'act.notSolved')}
                </label>
              ))}
              {fields.solved && <span class="field-error">{fields.solved}</span>}
            </div>
          )}
          <div class="field">
            <label>
              {t(action === 'reassign' ? 'act.reason' : 'act.note')}
              <textarea
                data-testid="bulk-text"
                value={(action === 'reassign' ? input.reason : input.note) ?? ''}
                onInput={(e) =>
                  set(
                    action === 'reassign'
                      ? { reason: e.currentTarget.value }
                      : { note: e.currentTarget.value },
                  )
                }
              />
            </label>
          </div>
          <button type="submit" class="primary" data-testid="bulk-submit" disabled={progress !== null}>
            {t('bulk.submit', { action: t(`act.${action}`), n: selected.length })}
          </button>
        </form>
      )}
      {progress && (
        <p role="status" data-testid="bulk-progress">
          {t('bulk.progress', { done: progress.done, total: progress.total })}
        </p>
      )}
      {result && (
        <div role="status" data-testid="bulk-result">
          <p>
            {t('bulk.result', { action: t(`act.${result.action}`), ok: succeeded, failed: failed.length })}
          </p>
          {(failed.length > 0 || result.skipped.length > 0) && (
            <ul class="bulk-problems">
              {failed.map((o) => (
                <li key={o.ticket.id} data-testid={`bulk-failed-${o.ticket.trackingCode}`}>
                  <strong>{o.ticket.trackingCode}</strong> {errorSentence(o.ok ? null : o.error)}
                </li>
              ))}
              {result.skipped.map((s) => (
                <li key={s.ticket.id} data-testid={`bulk-skipped-${s.ticket.trackingCode}`}>
                  <strong>{s.ticket.trackingCode}</strong> {s.reason} ({t(`status.${s.ticket.status}`)})
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
