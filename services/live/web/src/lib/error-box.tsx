import { ApiError } from './api';
import './field-messages';
import { sayFieldMessage } from './field-text';
import { getLang, hasMessage, t } from './messages';
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
 * An error as one sentence for a line of text (a bulk outcome, a panel's note): the headline of a
 * known code in the reader's language, followed in English by the server's own sentence; on a
 * Chinese page the headline alone, so no server English shows.
 */
export function errorSentence(error: unknown): string {
  const headline =
    error instanceof ApiError && hasMessage(`apiError.${error.code}`) ? t(`apiError.${error.code}`) : '';
  if (headline && getLang() === 'zh') return headline;
  return [headline, errorText(error)].filter(Boolean).join(' — ');
}

/** A refused field's message in the reader's language, where the pages know it. */
export function fieldMessage(message: string): string {
  return sayFieldMessage(message, (key) => (hasMessage(key) ? t(key) : undefined));
}

/** A field as the form names it, where the pages know it; its path otherwise. */
function FieldName({ path }: { path: string }) {
  const key = `field.name.${path}`;
  return hasMessage(key) ? <strong>{t(key)}</strong> : <code>{path}</code>;
}

/**
 * Shows an error with its field messages (role=alert, so screen readers announce it). The server
 * speaks English: a known error code gets a headline in the reader's language and its fields'
 * messages are said in it too; on a Chinese page the server's own sentence then sits folded under
 * "详情" (for whoever reports the problem on), so the page reads as Chinese.
 */
export function ErrorBox({ error, placed }: { error: unknown; placed?: (path: string) => boolean }) {
  const lang = useLang();
  if (!error) return null;
  // A field the form shows under its input is not repeated here.
  const fields = (error instanceof ApiError ? (error.fields ?? []) : []).filter((f) => !placed?.(f.path));
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
      {headline && lang === 'zh' ? (
        <details class="error-detail">
          <summary>{t('error.details')}</summary>
          <p>{errorText(error)}</p>
        </details>
      ) : (
        <p>{errorText(error)}</p>
      )}
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => (
            <li key={f.path} data-path={f.path}>
              <FieldName path={f.path} /> {fieldMessage(f.message)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
