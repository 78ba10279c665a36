import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorBox } from '../lib/error-box';
import { focusFirstInvalid, isPlaced } from '../lib/field-error';
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
  const box = useRef<HTMLFormElement>(null);
  // The fields this form has inputs for (each Field marks its own): their errors show there.
  const [inputPaths, setInputPaths] = useState<string[]>([]);
  useEffect(() => {
    const marked = box.current?.querySelectorAll<HTMLElement>('[data-field]') ?? [];
    setInputPaths([...marked].map((el) => el.dataset.field!));
    if (Object.keys(form.fields).length > 0) focusFirstInvalid(box.current);
  }, [form.fields]);
  return (
    <form onSubmit={onSubmit} data-testid={testId} ref={box}>
      <h2>{title}</h2>
      <FieldErrors.Provider value={form.fields}>{children}</FieldErrors.Provider>
      <ErrorBox error={form.error} placed={(path) => isPlaced(path, inputPaths)} />
      <FormButtons busy={form.busy} saved={form.saved} onDelete={onDelete} deleteLabel={deleteLabel} />
    </form>
  );
}
