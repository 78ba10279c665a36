/**
 * i18n for every page: t(), getLang/setLang, useLang() (re-renders on a switch), addMessages and
 * <LangSwitch/>. The catalogue is in messages.ts; the common strings in common-messages.ts.
 */
import './common-messages';
import './event-messages';

export { LangSwitch } from './lang-switch';
export { addMessages, getLang, type Lang, type Messages, onLangChange, pick, setLang, t } from './messages';
export { useLang } from './use-lang';
