import { type ComponentChildren, type ComponentType, render } from 'preact';
import { LangSwitch } from './lang-switch';
import { getLang, t } from './messages';
import { logout } from './session-store';
import { useLang } from './use-lang';
import { useSession } from './use-session';

/** Mounts a page's root component into #app (every entry HTML has one). */
export function mountPage(App: ComponentType): void {
  document.documentElement.lang = getLang() === 'zh' ? 'zh-CN' : 'en';
  const root = document.getElementById('app');
  if (!root) throw new Error('#app missing from the page');
  // The HTML carries a "loading" line for slow phones; Preact would keep it beside the app.
  root.replaceChildren();
  render(<App />, root);
}

/**
 * The top bar of every page: the page title (a translation key), extra content (e.g. the live
 * status), the language switch and — for a logged-in staff page — the user and a logout button.
 */
export function AppHeader({
  titleKey,
  staff = false,
  children,
}: {
  titleKey: string;
  staff?: boolean;
  children?: ComponentChildren;
}) {
  useLang();
  const current = useSession();
  const session = staff ? current : null;
  return (
    <header class="app-header">
      <h1>{t(titleKey)}</h1>
      <div class="header-tools">
        {children}
        {session && (
          <span class="who" data-testid="who">
            {session.user.displayName ?? session.user.username}
          </span>
        )}
        {session && (
          <button type="button" class="link" data-testid="logout" onClick={logout}>
            {t('common.logout')}
          </button>
        )}
        <LangSwitch />
      </div>
    </header>
  );
}
