import { t, useLang } from './i18n';

/**
 * Grey rows where a list or a card will be, while it loads: the page keeps its shape instead of
 * flashing "loading…", "no data" or raw ids. Screen readers hear "loading" once.
 */
export function SkeletonRows({ rows = 3, label }: { rows?: number; label?: string }) {
  useLang();
  return (
    <div class="skeleton-rows loading" role="status" data-testid="skeleton">
      <span class="visually-hidden">{label ?? t('common.loading')}</span>
      {Array.from({ length: rows }, (_, i) => (
        <span key={i} class="skeleton" aria-hidden="true" />
      ))}
    </div>
  );
}
