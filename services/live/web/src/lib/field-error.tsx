import type { ApiError } from './api';
import { fieldMessage } from './error-box';

/** One field's problem, right under it (announced by screen readers as it appears). */
export function FieldError({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <span class="field-error" id={id} role="alert" data-testid={id}>
      {text}
    </span>
  );
}

/** The id of a staff form field's message (`field-error-note`), for aria-describedby and tests. */
export function fieldErrorId(path: string): string {
  return `field-error-${path.replace(/\s/g, '-')}`;
}

/** What ties an input to its message while it has one: aria-invalid and aria-describedby. */
export function invalidProps(path: string, text: string | undefined) {
  return text ? { 'aria-invalid': true as const, 'aria-describedby': fieldErrorId(path) } : {};
}

/**
 * The server's field errors a form shows under its own inputs, in the reader's language: each
 * path an input of the form stands for (`inputPaths`) gets its messages, and a nested one
 * (`name.zh`, `photos[2]`) goes to the input for its first segment. The rest stay in the ErrorBox.
 */
export function placeFieldErrors(
  fields: ApiError['fields'],
  inputPaths: readonly string[],
): Record<string, string> {
  const placed: Record<string, string> = {};
  for (const f of fields ?? []) {
    const at = inputPaths.includes(f.path) ? f.path : f.path.split(/[.[]/)[0]!;
    if (!inputPaths.includes(at)) continue;
    const text = fieldMessage(f.message);
    placed[at] = placed[at] ? `${placed[at]}; ${text}` : text;
  }
  return placed;
}

/** True when a field error is shown under an input (so the ErrorBox leaves it out). */
export function isPlaced(path: string, inputPaths: readonly string[]): boolean {
  return inputPaths.includes(path) || inputPaths.includes(path.split(/[.[]/)[0]!);
}

/** Moves the focus to the form's first input marked invalid, once the render marking it is done. */
export function focusFirstInvalid(form: HTMLElement | null): void {
  requestAnimationFrame(() => {
    const first = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    first?.focus();
    first?.scrollIntoView({ block: 'center' });
  });
}
