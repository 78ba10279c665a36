import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../lib/api';
import { ErrorBox } from '../lib/error-box';
import { pick, t, useLang } from '../lib/i18n';
import { SkeletonRows } from '../lib/skeleton';
import { useApi } from '../lib/use-api';
import type { ChairOrder, UnitName } from './committee.types';

/** Moves the item at `i` by `by` places (−1 up, +1 down), within the list. */
function moved<T>(list: readonly T[], i: number, by: number): T[] {
  const j = i + by;
  if (j < 0 || j >= list.length) return [...list];
  const next = [...list];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}

/**
 * The order in which the committee's member units take the chair: moved up and down, saved with
 * the version read (If-Match). When someone saved meanwhile (409) the page says so in a sentence
 * and shows the order now stored, so the secretary decides again on what is there.
 */
export function ChairOrderEditor({ base, onSaved }: { base: string; onSaved: () => void }) {
  useLang();
  const stored = useApi<ChairOrder>(`${base}/chair-order`);
  const [order, setOrder] = useState<UnitName[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (stored.data) setOrder(stored.data.order);
  }, [stored.data]);

  async function save() {
    if (!stored.data) return;
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      await api(
        'PUT',
        `${base}/chair-order`,
        { unitIds: order.map((u) => u.unitId) },
        { headers: { 'if-match': String(stored.data.version) } },
      );
      setNote(t('jc.orderSaved'));
      await stored.reload();
      onSaved();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        // Said once the stored order shows, so the sentence and the list agree.
        await stored.reload();
        setNote(t('jc.stale'));
      } else setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card chair-order" data-testid="chair-order">
      <h3>{t('jc.chairOrder')}</h3>
      <p class="hint">{t('jc.chairOrderHint')}</p>
      <ErrorBox error={stored.error ?? error} />
      {stored.loading && !stored.data && <SkeletonRows rows={3} />}
      <ol>
        {order.map((u, i) => (
          <li key={u.unitId} data-testid={`chair-${u.unitId}`}>
            {pick(u.name)}{' '}
            <button
              type="button"
              class="link"
              disabled={i === 0}
              aria-label={t('jc.up', { name: pick(u.name) })}
              data-testid={`chair-up-${u.unitId}`}
              onClick={() => setOrder(moved(order, i, -1))}
            >
              ↑
            </button>{' '}
            <button
              type="button"
              class="link"
              disabled={i === order.length - 1}
              aria-label={t('jc.down', { name: pick(u.name) })}
              onClick={() => setOrder(moved(order, i, 1))}
            >
              ↓
            </button>
          </li>
        ))}
      </ol>
      <button type="button" data-testid="chair-save" disabled={busy || !stored.data} onClick={save}>
        {t('jc.saveOrder')}
      </button>
      {note && (
        <p class="notice" role="status" data-testid="chair-note">
          {note}
        </p>
      )}
    </section>
  );
}
