import { useState } from 'preact/hooks';
import type { Resource } from './use-resource';

/** The record an admin page edits: none yet, a new one, or one of the list's by key. */
export interface RecordSelection<T> {
  /** How a record is keyed: its id, or a category's code. */
  keyOf(record: T): string;
  /** The chosen key, 'new' while creating, null before anything is chosen. */
  selected: string | null;
  /** The chosen record once the list holds it; null for a new one or while its reload is pending. */
  record: T | null;
  /** The form's key: changes only when the user picks, so the form starts over from the record. */
  formKey: number;
  /** The user picks a record (or 'new'). */
  choose(key: string): void;
  /** After a write: reload the list, then select what was saved (null after a delete). */
  onSaved(key: string | null): Promise<void>;
}

export function useRecordSelection<T>(list: Resource<T>, keyOf: (item: T) => string): RecordSelection<T> {
  const [selected, setSelected] = useState<string | null>(null);
  // Remount the form only when the user picks another record, not when a save selects the new one.
  const [formKey, setFormKey] = useState(0);
  return {
    keyOf,
    selected,
    record: list.items.find((item) => keyOf(item) === selected) ?? null,
    formKey,
    choose(key) {
      setSelected(key);
      setFormKey((k) => k + 1);
    },
    async onSaved(key) {
      // Reload first, so the record is there when it becomes the selection.
      await list.reload();
      setSelected(key);
    },
  };
}
