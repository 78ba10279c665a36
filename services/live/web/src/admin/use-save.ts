import { useState } from 'preact/hooks';
import { ApiError } from '../lib/api';
import { fieldMessage } from '../lib/error-box';
import { fieldMap } from './field-errors';

export interface Save {
  busy: boolean;
  error: unknown;
  /** The server's field errors by path (see field-errors.ts). */
  fields: Record<string, string>;
  /** Runs a write; answers true when it succeeded. Errors stay on screen until the next run. */
  run(write: () => Promise<unknown>): Promise<boolean>;
  clear(): void;
}

export function useSave(): Save {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  return {
    busy,
    error,
    fields,
    clear: () => {
      setError(null);
      setFields({});
    },
    async run(write) {
      setBusy(true);
      setError(null);
      setFields({});
      try {
        await write();
        return true;
      } catch (e) {
        setError(e);
        // In the reader's language, under each input (see form-fields.tsx).
        if (e instanceof ApiError)
          setFields(fieldMap(e.fields?.map((f) => ({ path: f.path, message: fieldMessage(f.message) }))));
        return false;
      } finally {
        setBusy(false);
      }
    },
  };
}
