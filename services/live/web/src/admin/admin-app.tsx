import { useEffect, useState } from 'preact/hooks';
import { t, useLang } from '../lib/i18n';
import { AppHeader } from '../lib/page';
import { AreasPage } from './areas-page';
import { CalendarsPage } from './calendars-page';
import { CategoriesPage } from './categories-page';
import { ResponsibilitiesPage } from './responsibilities-page';
import { SmsPage } from './sms-page';
import { UnitsPage } from './units-page';
import { UsersPage } from './users-page';
import { WebhooksPage } from './webhooks-page';

const TABS = {
  areas: AreasPage,
  units: UnitsPage,
  users: UsersPage,
  categories: CategoriesPage,
  responsibilities: ResponsibilitiesPage,
  calendars: CalendarsPage,
  webhooks: WebhooksPage,
  sms: SmsPage,
} as const;
type Tab = keyof typeof TABS;

/** The tab named by the URL hash (#units), so a reload or a shared link opens the same page. */
function tabFromHash(): Tab {
  const name = location.hash.slice(1);
  return name in TABS ? (name as Tab) : 'areas';
}

export function AdminApp() {
  useLang();
  const [tab, setTab] = useState<Tab>(tabFromHash);
  useEffect(() => {
    const onHash = () => setTab(tabFromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const Page = TABS[tab];
  return (
    <>
      <AppHeader titleKey="admin.title" staff />
      <nav class="admin-tabs" data-testid="admin-tabs">
        {(Object.keys(TABS) as Tab[]).map((name) => (
          <a key={name} href={`#${name}`} class={name === tab ? 'active' : ''} data-testid={`tab-${name}`}>
            {t(`admin.tab.${name}`)}
          </a>
        ))}
      </nav>
      <main class="wide admin">
        <Page key={tab} />
      </main>
    </>
  );
}
