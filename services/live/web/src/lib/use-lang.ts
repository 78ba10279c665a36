import { useEffect, useState } from 'preact/hooks';
import { getLang, type Lang, onLangChange } from './messages';

/** The current language; the calling component re-renders when it changes. */
export function useLang(): Lang {
  const [lang, set] = useState(getLang());
  useEffect(() => onLangChange(set), []);
  return lang;
}
