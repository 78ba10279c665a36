/** One field's problem, right under it (announced by screen readers as it appears). */
export function FieldError({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <span class="field-error" id={id} role="alert" data-testid={id}>
      {text}
    </span>
  );
}
