import type { ComponentChildren } from 'preact';
import { ErrorBox } from '../lib/error-box';
import { t, useLang } from '../lib/i18n';

/**
 * The layout every admin page shares: the list (with its loading and error state and a "new"
 * button) on one side, the editor of the chosen record on the other.
 */
export function AdminSplit({
  loading,
  error,
  onNew,
  list,
  editor,
}: {
  loading: boolean;
  error: unknown;
  onNew: () => void;
  list: ComponentChildren;
  editor: ComponentChildren;
}) {
  useLang();
  return (
    <div class="admin-split">
      <section class="card admin-list">
        <div class="admin-list-head">
          <button type="button" class="primary" data-testid="admin-new" onClick={onNew}>
            {t('admin.new')}
          </button>
        </div>
        {loading && <p class="loading">{t('common.loading')}</p>}
        <ErrorBox error={error} />
        {list}
      </section>
      <section class="card admin-editor">{editor || <p class="muted">{t('admin.pick')}</p>}</section>
    </div>
  );
}

/** Save, and delete when editing an existing record; the save result below them. */
export function FormButtons({
  busy,
  saved,
  onDelete,
  deleteLabel,
}: {
  busy: boolean;
  saved: boolean;
  onDelete?: (() => void) | undefined;
  deleteLabel?: string;
}) {
  useLang();
  return (
    <div class="actions">
      <button type="submit" class="primary" data-testid="admin-save" disabled={busy}>
        {t('admin.save')}
      </button>
      {onDelete && (
        <button type="button" class="danger" data-testid="admin-delete" disabled={busy} onClick={onDelete}>
          {deleteLabel ?? t('admin.delete')}
        </button>
      )}
      {saved && (
        <span class="notice" role="status" data-testid="admin-saved">
          {t('admin.saved')}
        </span>
      )}
    </div>
  );
}
