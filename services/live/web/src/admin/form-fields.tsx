import { type ComponentChildren, createContext } from 'preact';
import { useContext, useLayoutEffect, useRef } from 'preact/hooks';
import { FieldError, fieldErrorId } from '../lib/field-error';
import { fieldError } from './field-errors';

/**
 * The server's field errors of the form around (see field-errors.ts). A context, so each field of a
 * form finds its message by its path without every field row being handed the whole map.
 */
export const FieldErrors = createContext<Record<string, string>>({});

/** A labelled input with the server's message for its path under it. */
export function Field({
  label,
  path,
  children,
}: {
  label: string;
  path: string;
  children: ComponentChildren;
}) {
  const error = fieldError(useContext(FieldErrors), path);
  const box = useRef<HTMLDivElement>(null);
  // The control comes in as children: it is tied to its message here, before the form looks for
  // the first invalid input to focus.
  useLayoutEffect(() => {
    const control = box.current?.querySelector('input, select, textarea');
    if (!control) return;
    if (error) {
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', fieldErrorId(path));
    } else {
      control.removeAttribute('aria-invalid');
      control.removeAttribute('aria-describedby');
    }
  }, [error, path]);
  return (
    <div class={`field${error ? ' has-error' : ''}`} data-field={path} ref={box}>
      {/* biome-ignore lint/a11y/noLabelWithoutControl: the control comes in as children, inside the label */}
      <label>
        {label}
        {children}
      </label>
      <FieldError id={fieldErrorId(path)} text={error} />
    </div>
  );
}

export function TextInput({
  value,
  onInput,
  name,
  type = 'text',
  placeholder,
}: {
  value: string;
  onInput: (v: string) => void;
  name: string;
  type?: string;
  placeholder?: string;
}) {
  return (
    <input
      name={name}
      data-testid={`input-${name}`}
      type={type}
      value={value}
      placeholder={placeholder}
      onInput={(e) => onInput(e.currentTarget.value)}
    />
  );
}

export function Select({
  value,
  onChange,
  name,
  options,
}: {
  value: string;
  onChange: (v: string) => void;
  name: string;
  options: Array<[string, string]>;
}) {
  return (
    <select
      name={name}
      data-testid={`input-${name}`}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
    >
      {options.map(([v, label]) => (
        <option key={v} value={v}>
          {label}
        </option>
      ))}
    </select>
  );
}

/** A <select multiple>; `name`, when given, is also the form field's name. */
export function MultiSelect({
  testId,
  name,
  size,
  value,
  onChange,
  options,
}: {
  testId: string;
  name?: string;
  size: number;
  value: string[];
  onChange: (v: string[]) => void;
  options: Array<[string, string]>;
}) {
  return (
    <select
      multiple
      size={size}
      name={name}
      data-testid={testId}
      onChange={(e) => onChange([...e.currentTarget.selectedOptions].map((o) => o.value))}
    >
      {options.map(([v, label]) => (
        <option key={v} value={v} selected={value.includes(v)}>
          {label}
        </option>
      ))}
    </select>
  );
}
