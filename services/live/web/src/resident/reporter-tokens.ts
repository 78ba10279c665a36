/**
 * The reports filed from this browser: tracking code → reporter token (needed to rate the fix).
 * Only in localStorage; the server keeps a hash of the token, never the token.
 */
export interface StoredReport {
  trackingCode: string;
  reporterToken: string;
  category: string;
  at: string;
}

const KEY = 'gd.reports';

export function storedReports(): StoredReport[] {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) ?? '[]') as StoredReport[];
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

export function rememberReport(report: StoredReport): void {
  const list = storedReports().filter((r) => r.trackingCode !== report.trackingCode);
  // Newest first, and a bounded list: a shared family tablet should not grow forever.
  localStorage.setItem(KEY, JSON.stringify([report, ...list].slice(0, 20)));
}

export function tokenFor(trackingCode: string): string | undefined {
  const code = trackingCode.toUpperCase();
  return storedReports().find((r) => r.trackingCode === code)?.reporterToken;
}
