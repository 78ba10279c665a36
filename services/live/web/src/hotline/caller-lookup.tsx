import { useState } from 'preact/hooks';
import { api } from '../lib/api';
import { ErrorBox } from '../lib/error-box';
import { formatDateTime } from '../lib/format';
import { getLang, pick, t, useLang } from '../lib/i18n';
import { useCategoryName } from '../lib/use-categories';

interface CallerReport {
  trackingCode: string;
  category: string;
  status: string;
  channel: string;
  reportedAt: string;
  updatedAt: string;
  unit: { name: { zh: string; en: string } } | null;
}

/** The caller's earlier reports by phone: what the caller may be told about each. */
export function CallerLookup() {
  useLang();
  const categoryName = useCategoryName();
  const [phone, setPhone] = useState('');
  const [items, setItems] = useState<CallerReport[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function look(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await api<{ items: CallerReport[] }>(
        'GET',
        `/api/v1/hotline/reports?phone=${encodeURIComponent(phone.trim())}`,
      );
      setItems(answer.items);
    } catch (err) {
      setItems(null);
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card caller-lookup" data-testid="caller-lookup">
      <h2>{t('h.lookupTitle')}</h2>
      <form class="lookup-row" onSubmit={look} noValidate>
        <label for="lookup-phone" class="sr-only">
          {t('h.lookupPhone')}
        </label>
        <input
          id="lookup-phone"
          type="tel"
          maxLength={30}
          placeholder={t('h.lookupPhone')}
          value={phone}
          onInput={(e) => setPhone(e.currentTarget.value)}
        />
        <button type="submit" disabled={busy || !phone.trim()}>
          {t('h.lookupSubmit')}
        </button>
      </form>
      <ErrorBox error={error} />
      {items && items.length === 0 && <p class="muted">{t('h.lookupNone')}</p>}
      {items && items.length > 0 && (
        <>
          <p class="muted">{t('h.lookupCount', { n: items.length })}</p>
          <ul class="caller-reports" data-testid="caller-reports">
            {items.map((r) => (
              <li key={r.trackingCode}>
                <strong class="mono">{r.trackingCode}</strong>
                <span>{categoryName(r.category)}</span>
                <span class="status">{t(`status.${r.status}`)}</span>
                <span class="muted">
                  {formatDateTime(r.reportedAt, getLang())} · {t(`channel.${r.channel}`)}
                </span>
                {r.unit && <span>{pick(r.unit.name)}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
