import { type FieldError, fieldError } from './field-error';

/** Longest free-text note, reason or comment the system stores (characters after trimming). */
export const MAX_TEXT_LENGTH = 2000;

/** Result of checking one free-text field: the trimmed value, or why it is unusable. */
export type TextCheck = { ok: true; value: string | undefined } | { ok: false; error: FieldError };

/**
 * Checks a free-text field such as `reason` or `note`.
 *
 * Values are trimmed before counting so that a reason of only spaces cannot satisfy a rule that
 * demands a reason. An optional field that is absent, `null` or blank yields `value: undefined`
 * rather than an error, because clients commonly send `""` for "nothing to say".
 */
export function checkText(value: unknown, path: string, required: boolean): TextCheck {
  if (value === undefined || value === null) {
    return required ? { ok: false, error: fieldError(path, 'is required') } : { ok: true, value: undefined };
  }
  if (typeof value !== 'string') {
    return { ok: false, error: fieldError(path, 'must be a string') };
  }
  const trimmed = value.trim();
  if (trimmed.length === 0) {
    return required
      ? { ok: false, error: fieldError(path, 'must not be blank') }
      : { ok: true, value: undefined };
  }
  if (trimmed.length > MAX_TEXT_LENGTH) {
    return { ok: false, error: fieldError(path, `must be at most ${MAX_TEXT_LENGTH} characters`) };
  }
  return { ok: true, value: trimmed };
}

/** True when `value` is a string with at least one non-whitespace character. */
export function isNonBlankString(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}
