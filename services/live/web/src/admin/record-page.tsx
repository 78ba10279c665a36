import type { ComponentChildren } from 'preact';
import { Fragment } from 'preact';
import { AdminSplit } from './admin-shell';
import { type RecordSelection, useRecordSelection } from './use-record-selection';
import { firstError, type Resource } from './use-resource';

/**
 * An admin page: the collection's list beside the form of the chosen record. The page supplies how
 * to list and how to edit; choosing, "new", remounting the form and reloading after a save are here.
 */
export function RecordPage<T>({
  records,
  keyOf,
  references = [],
  list,
  form,
}: {
  records: Resource<T>;
  keyOf: (record: T) => string;
  /** Other collections the page shows or offers (units, areas …): their load errors show too. */
  references?: Array<Resource<unknown>>;
  list: (selection: RecordSelection<T>) => ComponentChildren;
  /** The form for a record, or for a new one (null); `onSaved` gets the key written, null after a delete. */
  form: (record: T | null, onSaved: (key: string | null) => Promise<void>) => ComponentChildren;
}) {
  const selection = useRecordSelection(records, keyOf);
  const { selected, record } = selection;
  return (
    <AdminSplit
      loading={records.loading}
      error={firstError([records, ...references])}
      onNew={() => selection.choose('new')}
      list={list(selection)}
      editor={
        // A key chosen before the reload that brings its record shows nothing until it arrives.
        (selected === 'new' || record) && (
          <Fragment key={selection.formKey}>{form(record, selection.onSaved)}</Fragment>
        )
      }
    />
  );
}

/** The list as a table: one clickable row a record, the chosen one marked. */
export function RecordTable<T>({
  testId,
  rows,
  selection,
  cells,
}: {
  testId: string;
  rows: T[];
  selection: RecordSelection<T>;
  cells: (record: T) => ComponentChildren;
}) {
  return (
    <table data-testid={testId}>
      <tbody>
        {rows.map((row) => {
          const key = selection.keyOf(row);
          return (
            <tr
              key={key}
              class={`clickable${key === selection.selected ? ' selected' : ''}`}
              onClick={() => selection.choose(key)}
            >
              {cells(row)}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
