/**
 * Dates and durations as people read them. Pure (the domain's district time and duration parser):
 * unit-tested in Node.
 * Every time is shown in the district's time (China Standard Time), whatever the browser's own zone.
 */
import {
  districtWallClock,
  isIsoDuration,
  parseIsoDuration as parseDomainDuration,
} from '@grid-dispatch/domain';

export type FormatLang = 'zh' | 'en';

/** The district's clock at an instant, 'YYYY-MM-DDTHH:MM:SS.sss', or null for an unreadable one. */
function wallClock(at: string | number | Date): string | null {
  const ms = new Date(at).getTime();
  return Number.isNaN(ms) ? null : districtWallClock(ms);
}

/** 2026-11-27 09:55 in the district's time. */
export function formatDateTime(iso: string | number | Date, lang: FormatLang = 'zh'): string {
  const local = wallClock(iso);
  if (local === null) return '';
  const text = `${local.slice(0, 10)} ${local.slice(11, 16)}`;
  return lang === 'zh' ? text : `${text} (CST)`;
}

/** 09:55 in the district's time. */
export function formatTime(iso: string | number | Date): string {
  return wallClock(iso)?.slice(11, 16) ?? '';
}

/** Milliseconds as `1天2小时`, `3小时5分`, `4分12秒` / `1d 2h`, `3h 5m`, `4m 12s` (two largest units). */
export function formatDurationMs(ms: number, lang: FormatLang = 'zh'): string {
  const units: [number, string, string][] = [
    [86400000, '天', 'd'],
    [3600000, '小时', 'h'],
    [60000, '分', 'm'],
    [1000, '秒', 's'],
  ];
  let rest = Math.max(0, Math.floor(Math.abs(ms) / 1000) * 1000);
  const out: string[] = [];
  for (const [size, zh, en] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 || (out.length > 0 && out.length < 2)) out.push(lang === 'zh' ? `${n}${zh}` : `${n}${en}`);
    if (out.length === 2) break;
  }
  if (out.length === 0) return lang === 'zh' ? '0秒' : '0s';
  // "3小时0分" reads oddly: drop a trailing zero unit.
  if (out.length === 2 && /^0/.test(out[1]!)) out.pop();
  return lang === 'zh' ? out.join('') : out.join(' ');
}

/**
 * An ISO-8601 duration in milliseconds, or null when the server would refuse it: the domain's
 * own parser (weeks alone or days-and-time, a fraction only on the last part, no years or months).
 */
export function parseIsoDuration(iso: string): number | null {
  return isIsoDuration(iso) ? parseDomainDuration(iso) : null;
}

/** `PT15M` → `15分` / `15m`; null or garbage → `—`. */
export function formatIsoDuration(iso: string | null | undefined, lang: FormatLang = 'zh'): string {
  if (!iso) return '—';
  const ms = parseIsoDuration(iso);
  return ms === null ? iso : formatDurationMs(ms, lang);
}

/** 0.873 → `87.3%`; null (nothing to measure yet) → `—`. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
