import type { FieldError } from '../validation/field-error';
import { InputCollector } from './lifecycle-input.validator';

/** The actions a unit sends from its console's action form. */
export type UnitActionKind = 'accept' | 'progress' | 'resolve' | 'return' | 'extension';

/** What the form holds: the note or reason, and for an extension the new deadline (ISO, or ''). */
export interface UnitActionDraft {
  text: string;
  resolveBy?: string;
}

/** The field each action's text goes to: a note for work done, a reason for a request. */
export function unitActionTextPath(action: UnitActionKind): 'note' | 'reason' | null {
  if (action === 'progress' || action === 'resolve') return 'note';
  if (action === 'return' || action === 'extension') return 'reason';
  return null;
}

/**
 * The lifecycle's checks of an action's own fields, for the console to run before sending, with
 * the server's words (the page says them in the reader's language): the note or reason is
 * required and not too long, an extension's new deadline is given and later than now. What
 * depends on the ticket (a pending request, its current deadline) stays the server's to check.
 */
export function checkUnitActionDraft(
  action: UnitActionKind,
  draft: UnitActionDraft,
  now: Date,
): FieldError[] {
  const input = new InputCollector();
  const textPath = unitActionTextPath(action);
  if (textPath) input.text(draft.text, textPath, true);
  if (action === 'extension') {
    if (!draft.resolveBy) input.add('resolveBy', 'required');
    else {
      const resolveBy = input.instant(draft.resolveBy, 'resolveBy');
      if (resolveBy !== undefined && Date.parse(resolveBy) <= now.getTime())
        input.add('resolveBy', 'must be later than now');
    }
  }
  return input.errors;
}
