import type { ComponentChildren } from 'preact';
import { ErrorBox } from '../lib/error-box';
import { t, useLang } from '../lib/i18n';
import { FormButtons } from './admin-shell';
import { FieldErrors } from './form-fields';
import type { RecordForm } from './use-record-form';

/** "编辑 water" for a record being edited (by what names it), "新建" for a new one. */
export function editTitle(name: string | undefined): string {
  return name === undefined ? t('admin.new') : `${t('admin.edit')} ${name}`;
}

/** What every record form has around its fields: the title, the write's error and the buttons. */
export function RecordFormFrame({
  testId,
  title,
  form,
  onSubmit,
  onDelete,
  deleteLabel,
  children,
}: {
  testId: string;
  title: string;
  form: RecordForm;
  onSubmit: (e: Event) => void;
  onDelete?: (() => void) | undefined;
  deleteLabel?: string;
  children: ComponentChildren;
}) {
  useLang();
  return (
    <form onSubmit={onSubmit} data-testid={testId}>
      <h2>{title}</h2>
      <FieldErrors.Provider value={form.fields}>{children}</FieldErrors.Provider>
      <ErrorBox error={form.error} />
      <FormButtons busy={form.busy} saved={form.saved} onDelete={onDelete} deleteLabel={deleteLabel} />
    </form>
  );
}
