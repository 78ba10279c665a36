import { checkUnitActionDraft, offeredActions, type UnitActionKind } from '@grid-dispatch/domain';
import { useRef, useState } from 'preact/hooks';
import { ApiError, api } from '../lib/api';
import { datetimeLocalValue, instantFromDatetimeLocal } from '../lib/datetime-input';
import { ErrorBox } from '../lib/error-box';
import {
  FieldError,
  fieldErrorId,
  focusFirstInvalid,
  invalidProps,
  isPlaced,
  placeFieldErrors,
} from '../lib/field-error';
import { t, useLang } from '../lib/i18n';
import { PhotoUpload } from '../lib/photo-upload';
import type { TicketRow } from './ticket.types';

export type UnitAction = UnitActionKind;

/**
 * The unit's actions the domain's action table allows on this ticket now: the lead unit's, or
 * only progress notes for an assisting unit.
 */
export function actionsFor(
  ticket: { status: string; unitId: string | null; pendingRequest?: { kind: string } | null },
  myUnitId: string | undefined,
): UnitAction[] {
  const viewer = myUnitId !== undefined && ticket.unitId === myUnitId ? 'lead_unit' : 'assisting_unit';
  return offeredActions(ticket, viewer) as UnitAction[];
}

/** Default for an extension: one day after the current fix deadline, in the district's time. */
function suggestResolveBy(t: TicketRow): string {
  const base = t.deadlines.resolve ? Date.parse(t.deadlines.resolve.dueAt) : Date.now();
  return datetimeLocalValue(base + 86400000);
}

/**
 * One action on one ticket, sent with If-Match: version so that acting on a stale screen is refused
 * (409) instead of silently overriding what someone else just did.
 */
export function ActionForm({
  ticket,
  action,
  onDone,
  onCancel,
  onConflict,
}: {
  ticket: TicketRow;
  action: UnitAction;
  onDone: (updated: TicketRow) => void;
  onCancel: () => void;
  onConflict: () => void;
}) {
  useLang();
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [resolveBy, setResolveBy] = useState(() => suggestResolveBy(ticket));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const form = useRef<HTMLFormElement>(null);
  const textPath = action === 'progress' || action === 'resolve' ? 'note' : 'reason';
  // The inputs this form has, by the body's field each one fills.
  const inputPaths = [
    ...(action === 'accept' ? [] : [textPath]),
    ...(action === 'extension' ? ['resolveBy'] : []),
    ...(action === 'resolve' ? ['photos'] : []),
  ];

  /** Puts each problem under its input and the focus on the first. */
  function showFields(placed: Record<string, string>) {
    setFields(placed);
    if (Object.keys(placed).length > 0) focusFirstInvalid(form.current);
  }

  /** The new deadline as an instant (the picker is in the district's time), or '' while it is empty or unreadable. */
  function resolveByInstant(): string {
    return instantFromDatetimeLocal(resolveBy);
  }

  function body(): Record<string, unknown> {
    switch (action) {
      case 'accept':
        return {};
      case 'progress':
        return { note: text };
      case 'resolve':
        return photos.length ? { note: text, photos } : { note: text };
      case 'return':
        return { reason: text };
      case 'extension':
        return { resolveBy: resolveByInstant(), reason: text };
    }
  }

  async function submit(e: Event) {
    e.preventDefault();
    // The lifecycle's own rules, checked here first and said in the reader's language.
    const problems = checkUnitActionDraft(action, { text, resolveBy: resolveByInstant() }, new Date());
    if (problems.length > 0) {
      setError(null);
      return showFields(placeFieldErrors(problems, inputPaths));
    }
    setFields({});
    setBusy(true);
    setError(null);
    try {
      const updated = await api<TicketRow>(
        'POST',
        `/api/v1/tickets/${encodeURIComponent(ticket.id)}/${action}`,
        body(),
        { headers: { 'if-match': String(ticket.version) } },
      );
      onDone(updated);
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.fields?.length) showFields(placeFieldErrors(err.fields, inputPaths));
      if (err instanceof ApiError && err.status === 409) onConflict();
    } finally {
      setBusy(false);
    }
  }

  const textLabel =
    action === 'progress'
      ? t('c.progressNote')
      : action === 'resolve'
        ? t('c.resolveNote')
        : action === 'accept'
          ? null
          : t('c.reason');
  return (
    <form class="action-form" data-testid={`form-${action}`} onSubmit={submit} ref={form} noValidate>
      <h3>{t(`c.action.${action}`)}</h3>
      {action === 'return' && <p class="hint">{t('c.returnHint')}</p>}
      {(action === 'progress' || action === 'resolve') && <p class="hint">{t('c.publicHint')}</p>}
      {action === 'extension' && (
        <>
          <label for="resolve-by">{t('c.resolveBy')}</label>
          <input
            id="resolve-by"
            type="datetime-local"
            required
            value={resolveBy}
            onInput={(e) => setResolveBy(e.currentTarget.value)}
            {...invalidProps('resolveBy', fields.resolveBy)}
          />
          <FieldError id={fieldErrorId('resolveBy')} text={fields.resolveBy} />
        </>
      )}
      {textLabel && (
        <>
          <label for={`text-${action}`}>{textLabel}</label>
          <textarea
            id={`text-${action}`}
            rows={3}
            maxLength={2000}
            required
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
            {...invalidProps(textPath, fields[textPath])}
          />
          <FieldError id={fieldErrorId(textPath)} text={fields[textPath]} />
        </>
      )}
      {action === 'resolve' && (
        <>
          <PhotoUpload id="fix-photos" urls={photos} onChange={setPhotos} />
          <FieldError id={fieldErrorId('photos')} text={fields.photos} />
        </>
      )}
      <ErrorBox error={error} placed={(path) => isPlaced(path, inputPaths)} />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy} data-testid={`send-${action}`}>
          {busy ? t('c.sending') : action === 'accept' ? t('c.action.accept') : t('c.send')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
