/**
 * Translations: Simplified Chinese first, English second. Each page registers its own strings with
 * addMessages; t() falls back to Chinese, then to the key itself, so a missing string shows up
 * visibly instead of as a blank.
 */
export type Lang = 'zh' | 'en';
export type Messages = Record<string, string>;

const KEY = 'gd.lang';
const catalog: Record<Lang, Messages> = { zh: {}, en: {} };
const listeners = new Set<(lang: Lang) => void>();
let current: Lang = readStored();

function readStored(): Lang {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function addMessages(messages: Partial<Record<Lang, Messages>>): void {
  Object.assign(catalog.zh, messages.zh);
  Object.assign(catalog.en, messages.en);
}

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  if (lang === current) return;
  current = lang;
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const cb of listeners) cb(lang);
}

export function onLangChange(cb: (lang: Lang) => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

/** `t('ticket.due', {time})` replaces `{time}` in the message. */
export function t(key: string, params?: Record<string, string | number>): string {
  let text = catalog[current][key] ?? catalog.zh[key] ?? key;
  if (params) for (const [k, v] of Object.entries(params)) text = text.replaceAll(`{${k}}`, String(v));
  return text;
}

export function hasMessage(key: string): boolean {
  return key in catalog[current] || key in catalog.zh;
}

/** Picks the current language from a `{zh, en}` name as the API returns them. */
export function pick(name: { zh: string; en: string } | string | undefined | null): string {
  if (!name) return '';
  if (typeof name === 'string') return name;
  return name[current] || name.zh;
}

/** One language's own text for a key, without falling back to the other (so a gap shows). */
export function textIn(lang: Lang, key: string): string | undefined {
  return catalog[lang][key];
}
