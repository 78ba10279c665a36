import type { ComponentChildren } from 'preact';
import { t, useLang } from '../lib/i18n';
import { Field, Select, TextInput } from './form-fields';

/** Text in both languages, as the server stores names and descriptions. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** A labelled text input whose name is its field path; `children` go after it (a hint). */
export function TextField({
  label,
  path,
  value,
  onInput,
  type,
  placeholder,
  children,
}: {
  label: string;
  path: string;
  value: string;
  onInput: (v: string) => void;
  type?: string;
  placeholder?: string;
  children?: ComponentChildren;
}) {
  return (
    <Field label={label} path={path}>
      <TextInput name={path} type={type} value={value} onInput={onInput} placeholder={placeholder} />
      {children}
    </Field>
  );
}

/** A labelled select whose name is its field path. */
export function SelectField({
  label,
  path,
  value,
  onChange,
  options,
}: {
  label: string;
  path: string;
  value: string;
  onChange: (v: string) => void;
  options: Array<[string, string]>;
}) {
  return (
    <Field label={label} path={path}>
      <Select name={path} value={value} onChange={onChange} options={options} />
    </Field>
  );
}

/**
 * The Chinese and the English input of one bilingual value: `path` "name" edits name.zh and
 * name.en, labelled admin.nameZh / admin.nameEn, in inputs named `<input>-zh` / `<input>-en`.
 */
export function BilingualFields({
  path,
  input,
  value,
  onChange,
}: {
  path: 'name' | 'description';
  input: 'name' | 'desc';
  value: Bilingual;
  /** Takes an update, not a value, so typing in both inputs before a render loses neither. */
  onChange: (update: (v: Bilingual) => Bilingual) => void;
}) {
  useLang();
  const label = path === 'name' ? 'admin.name' : 'admin.desc';
  return (
    <>
      <Field label={t(`${label}Zh`)} path={`${path}.zh`}>
        <TextInput name={`${input}-zh`} value={value.zh} onInput={(zh) => onChange((v) => ({ ...v, zh }))} />
      </Field>
      <Field label={t(`${label}En`)} path={`${path}.en`}>
        <TextInput name={`${input}-en`} value={value.en} onInput={(en) => onChange((v) => ({ ...v, en }))} />
      </Field>
    </>
  );
}

export function ActiveCheckbox({ value, onChange }: { value: boolean; onChange: (v: boolean) => void }) {
  useLang();
  return (
    <label class="inline">
      <input type="checkbox" checked={value} onChange={(e) => onChange(e.currentTarget.checked)} />
      {t('admin.active')}
    </label>
  );
}
