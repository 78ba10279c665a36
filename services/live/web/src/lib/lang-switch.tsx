import { setLang, t } from './messages';
import { useLang } from './use-lang';

/** 中文 | English toggle; the choice is kept in localStorage. */
export function LangSwitch() {
  const lang = useLang();
  return (
    <button
      type="button"
      class="lang-switch"
      data-testid="lang-switch"
      // The visible word is the accessible name (voice control users say what they see); the
      // title explains it, and lang tells a screen reader how to pronounce it.
      title={t('common.switchLanguage')}
      lang={lang === 'zh' ? 'en' : 'zh'}
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
    >
      {lang === 'zh' ? 'English' : '中文'}
    </button>
  );
}
