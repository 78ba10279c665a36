import { useState } from 'preact/hooks';
import { ErrorBox } from '../lib/error-box';
import { t } from '../lib/i18n';
import { postAction } from './post-action';
import type { TicketView } from './ticket.types';

/**
 * 核查销号 in one row: a first click asks, the confirm verifies the fix as solved (which closes
 * the ticket). "Not solved" is in the detail's action panel, where a note can be written.
 */
export function VerifyButton({ ticket, onDone }: { ticket: TicketView; onDone: (t: TicketView) => void }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      onDone(await postAction(ticket, 'verify', { solved: true }));
      setAsking(false);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  if (!asking)
    return (
      <button
        type="button"
        class="primary"
        data-testid={`verify-${ticket.trackingCode}`}
        onClick={() => setAsking(true)}
      >
        {t('dash.verify')}
      </button>
    );
  return (
    <span class="verify-ask">
      <span>{t('dash.verifyAsk')}</span>
      <button type="button" class="primary" data-testid="verify-confirm" disabled={busy} onClick={confirm}>
        {t('dash.verifyConfirm')}
      </button>
      <button type="button" disabled={busy} onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </button>
      <ErrorBox error={error} />
    </span>
  );
}
