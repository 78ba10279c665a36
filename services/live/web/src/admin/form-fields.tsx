import type { ComponentChildren } from 'preact';
import { fieldError } from './field-errors';

/** A labelled input with the server's message for its path under it. */
export function Field({
  label,
  path,
  fields,
  children,
}: {
  label: string;
  path: string;
  fields: Record<string, string>;
  children: ComponentChildren;
}) {
  const error = fieldError(fields, path);
  return (
    <div class={`field${error ? ' has-error' : ''}`} data-field={path}>
      {/* biome-ignore lint/a11y/noLabelWithoutControl: the control comes in as children, inside the label */}
      <label>
        {label}
        {children}
      </label>
      {error && (
        <span class="field-error" data-testid={`field-error-${path}`}>
          {error}
        </span>
      )}
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
