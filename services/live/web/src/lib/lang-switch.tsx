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
      aria-label={t('common.switchLanguage')}
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
    >
      {lang === 'zh' ? 'English' : '中文'}
    </button>
  );
}
