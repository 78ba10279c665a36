import type { ComponentChildren } from 'preact';
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { t, useLang } from '../lib/i18n';
import { ListSearch, Pager } from '../lib/list-controls';
import { matchesSearch, PAGE_SIZE, pageOf } from '../lib/list-view';
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

/** Every text and number a record holds (names in both languages, codes, ids), for the search. */
export function recordTexts(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string' || typeof value === 'number') out.push(String(value));
  else if (Array.isArray(value)) for (const v of value) recordTexts(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) recordTexts(v, out);
  return out;
}

/**
 * The list as a table: one clickable row a record, the chosen one marked; a search over what the
 * records hold and a page at a time, so a district's hundreds of users stay usable.
 */
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
  useLang();
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);
  const found = rows.filter((row) => matchesSearch(recordTexts(row), query));
  const shown = pageOf(found, page);
  return (
    <>
      {rows.length > PAGE_SIZE / 5 && (
        <ListSearch
          value={query}
          label={t('admin.search')}
          onChange={(q) => {
            setQuery(q);
            setPage(0);
          }}
        />
      )}
      <table data-testid={testId}>
        <tbody>
          {shown.items.map((row) => {
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
      {found.length === 0 && rows.length > 0 && <p class="muted">{t('admin.noMatch')}</p>}
      <Pager page={shown.page} pages={shown.pages} onPage={setPage} />
    </>
  );
}
