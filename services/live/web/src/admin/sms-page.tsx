import type { SmsState } from '@grid-dispatch/domain';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../lib/api';
import { ErrorBox } from '../lib/error-box';
import { formatDateTime } from '../lib/format';
import { getLang, t, useLang } from '../lib/i18n';
import './sms-messages';

interface SmsMessage {
  id: string;
  trackingCode: string;
  state: SmsState;
  maskedPhone: string;
  text: string;
  status: 'pending' | 'sent' | 'failed' | 'skipped';
  attempts: number;
  provider: string | null;
  lastError: string | null;
  createdAt: string;
}

interface SmsLog {
  items: SmsMessage[];
  optOuts: { phones: number; reports: number };
}

/**
 * Resident SMS: the latest messages as logged (with the development provider, the record of what
 * would have been sent) and how many numbers and reports opted out. Read only.
 */
export function SmsPage() {
  useLang();
  const lang = getLang();
  const [log, setLog] = useState<SmsLog | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api<SmsLog>('GET', '/api/v1/admin/sms?limit=100').then(setLog).catch(setError);
  }, []);
  if (error) return <ErrorBox error={error} />;
  if (!log) return null;
  return (
    <div data-testid="sms-page">
      <p class="muted">{t('sms.intro')}</p>
      <p data-testid="sms-opt-outs">
        {t('sms.optOuts', { phones: log.optOuts.phones, reports: log.optOuts.reports })}
      </p>
      {log.items.length === 0 ? (
        <p class="muted">{t('sms.none')}</p>
      ) : (
        <table data-testid="sms-list">
          <thead>
            <tr>
              <th>{t('sms.when')}</th>
              <th>{t('sms.phone')}</th>
              <th>{t('sms.state')}</th>
              <th>{t('sms.text')}</th>
              <th>{t('sms.status')}</th>
              <th>{t('sms.attempts')}</th>
            </tr>
          </thead>
          <tbody>
            {log.items.map((m) => (
              <tr key={m.id}>
                <td>{formatDateTime(m.createdAt, lang)}</td>
                <td>
                  <code>{m.maskedPhone}</code>
                </td>
                <td>{t(`sms.state.${m.state}`)}</td>
                <td>{m.text}</td>
                <td title={m.lastError ?? ''}>
                  {t(`sms.status.${m.status}`)}
                  {m.provider === 'dev' && m.status === 'sent' && ` ${t('sms.dev')}`}
                </td>
                <td>{m.attempts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
