import { useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { deleteRecord } from './record-api';
import { type Save, useSave } from './use-save';

export interface RecordForm extends Save {
  /** Shows the "saved" notice: set by a submit that went through, cleared by the next submit. */
  saved: boolean;
  /** Handles the form's submit event: runs the write and answers the key saved, null if it failed. */
  submit(e: Event, write: () => Promise<string>): Promise<string | null>;
  /** Asks the user first, naming the record, then DELETEs it; answers whether it went. */
  remove(collection: string, key: string, name: string): Promise<boolean>;
}

/** The write state of one admin record form. */
export function useRecordForm(): RecordForm {
  const save = useSave();
  const [saved, setSaved] = useState(false);
  return {
    ...save,
    saved,
    async submit(e, write) {
      e.preventDefault();
      setSaved(false);
      let key: string | null = null;
      if (
        await save.run(async () => {
          key = await write();
        })
      )
        setSaved(true);
      return key;
    },
    async remove(collection, key, name) {
      if (!confirm(t('admin.confirmDelete', { name }))) return false;
      return save.run(() => deleteRecord(collection, key));
    },
  };
}
