import type { FieldError } from '@grid-dispatch/domain';
import { useState } from 'preact/hooks';
import { ApiError } from '../lib/api';
import { ErrorBox } from '../lib/error-box';
import { t, useLang } from '../lib/i18n';
import { getSession } from '../lib/session';
import { type ExportFormat, exportFileName, exportPath } from './export-path';
import type { Period } from './period';
import type { BoardFilter } from './ticket-board';

/**
 * Downloads the tickets of the current drill-down and KPI period as CSV or JSON lines. The API
 * wants the staff token in a header, which a plain link cannot send, so the file is fetched and
 * saved from a blob (the server streams it; the browser holds it once, as any download).
 */
export function TicketExport({ filter, period }: { filter: BoardFilter; period: Period }) {
  useLang();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function download(format: ExportFormat) {
    setError(null);
    setBusy(format);
    try {
      const res = await fetch(exportPath(filter, period, format), {
        headers: { authorization: `Bearer ${getSession()?.token ?? ''}` },
      });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as {
          error?: { code: string; message: string; fields?: FieldError[] };
        } | null;
        throw new ApiError(
          res.status,
          body?.error?.code ?? `http_${res.status}`,
          body?.error?.message ?? t('export.failed'),
          body?.error?.fields,
        );
      }
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = exportFileName(res.headers.get('content-disposition'), period, format);
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'network', t('export.failed')));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div class="ticket-export" data-testid="ticket-export">
      <span class="muted">{t('export.period', { from: period.from, to: period.to })}</span>{' '}
      <button type="button" data-testid="export-csv" disabled={busy !== null} onClick={() => download('csv')}>
        {busy === 'csv' ? t('export.busy') : t('export.csv')}
      </button>{' '}
      <button
        type="button"
        data-testid="export-jsonl"
        disabled={busy !== null}
        onClick={() => download('jsonl')}
      >
        {busy === 'jsonl' ? t('export.busy') : t('export.jsonl')}
      </button>
      <ErrorBox error={error} />
    </div>
  );
}
