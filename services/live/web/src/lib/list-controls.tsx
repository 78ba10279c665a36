import { t, useLang } from './i18n';

/** The search box above a list. */
export function ListSearch({
  value,
  onChange,
  label,
}: {
  value: string;
  onChange: (q: string) => void;
  label: string;
}) {
  useLang();
  return (
    <input
      type="search"
      class="list-search"
      data-testid="list-search"
      aria-label={label}
      placeholder={label}
      value={value}
      onInput={(e) => onChange(e.currentTarget.value)}
    />
  );
}

/** Previous / next under a list, with where the reader is; nothing for a single page. */
export function Pager({ page, pages, onPage }: { page: number; pages: number; onPage: (p: number) => void }) {
  useLang();
  if (pages <= 1) return null;
  return (
    <nav class="pager" data-testid="pager" aria-label={t('list.pages')}>
      <button type="button" data-testid="page-prev" disabled={page === 0} onClick={() => onPage(page - 1)}>
        {t('list.prev')}
      </button>
      <span data-testid="page-at">{t('list.pageOf', { n: page + 1, of: pages })}</span>
      <button
        type="button"
        data-testid="page-next"
        disabled={page >= pages - 1}
        onClick={() => onPage(page + 1)}
      >
        {t('list.next')}
      </button>
    </nav>
  );
}
