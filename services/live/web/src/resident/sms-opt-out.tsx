import { useState } from 'preact/hooks';
import { api } from '../lib/api';
import { ErrorBox } from '../lib/error-box';
import { addMessages, t, useLang } from '../lib/i18n';
import { tokenFor } from './reporter-tokens';

addMessages({
  zh: {
    'r.smsOptOut': '不再接收本报事的短信通知',
    'r.smsOptOutHint': '在其他设备上：请输入报事时留的电话号码。回复短信“TD”可退订该号码的全部通知。',
    'r.smsOptOutPhone': '报事时留的电话',
    'r.smsOptOutSubmit': '关闭短信通知',
    'r.smsOptedOut': '已关闭，本报事不再发送短信。',
  },
  en: {
    'r.smsOptOut': 'Stop text messages about this report',
    'r.smsOptOutHint':
      'On another device: enter the phone number given with the report. Replying “TD” to a message stops all messages to that number.',
    'r.smsOptOutPhone': 'Phone number given with the report',
    'r.smsOptOutSubmit': 'Stop text messages',
    'r.smsOptedOut': 'Done: no more text messages about this report.',
  },
});

/**
 * The reporter turns this report's text messages off: with the token this browser kept when
 * filing, or, on another device, with the phone number given with the report.
 */
export function SmsOptOut({ trackingCode }: { trackingCode: string }) {
  useLang();
  const stored = tokenFor(trackingCode);
  const [phone, setPhone] = useState('');
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const proof = stored ? { reporterToken: stored } : { contactPhone: phone.trim() };
      await api('POST', `/api/v1/reports/${encodeURIComponent(trackingCode)}/sms-opt-out`, proof);
      setDone(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (done)
    return (
      <p class="card notice" role="status" data-testid="sms-opted-out">
        {t('r.smsOptedOut')}
      </p>
    );
  return (
    <details class="card" data-testid="sms-opt-out">
      <summary>{t('r.smsOptOut')}</summary>
      <form onSubmit={submit}>
        {!stored && (
          <>
            <p class="hint">{t('r.smsOptOutHint')}</p>
            <label for="sms-opt-out-phone">{t('r.smsOptOutPhone')}</label>
            <input
              id="sms-opt-out-phone"
              type="tel"
              autocomplete="tel"
              value={phone}
              onInput={(e) => setPhone(e.currentTarget.value)}
            />
          </>
        )}
        <ErrorBox error={error} />
        <div class="actions full">
          <button
            type="submit"
            disabled={busy || (!stored && !phone.trim())}
            data-testid="sms-opt-out-submit"
          >
            {t('r.smsOptOutSubmit')}
          </button>
        </div>
      </form>
    </details>
  );
}
