import { ApiError } from './api';
import { hasMessage, t } from './messages';
import { useLang } from './use-lang';

/** Human text for any error: the server's message, or a plain network message. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('error.network');
    return error.message || error.code;
  }
  return t('error.generic', { message: error instanceof Error ? error.message : String(error) });
}

/**
 * Shows an error with its field messages (role=alert, so screen readers announce it). The server
 * speaks English; a known error code gets a headline in the reader's language above its message.
 */
export function ErrorBox({ error }: { error: unknown }) {
  useLang();
  if (!error) return null;
  const fields = error instanceof ApiError ? (error.fields ?? []) : [];
  const headline =
    error instanceof ApiError && hasMessage(`apiError.${error.code}`) ? t(`apiError.${error.code}`) : null;
  return (
    <div
      class="error-box"
      role="alert"
      data-testid="error"
      data-code={error instanceof ApiError ? error.code : undefined}
    >
      {headline && <p class="error-headline">{headline}</p>}
      <p>{errorText(error)}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => (
            <li key={f.path}>
              <code>{f.path}</code> {f.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
