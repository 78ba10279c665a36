import '../lib/style.css';
import './console.css';
import './messages';
import { useEffect, useState } from 'preact/hooks';
import { ErrorBox } from '../lib/error-box';
import { t, useLang } from '../lib/i18n';
import { ListSearch } from '../lib/list-controls';
import { LiveBadge } from '../lib/live-status';
import { AppHeader, mountPage } from '../lib/page';
import { getSession, type Session, StaffGate } from '../lib/session';
import { SkeletonRows } from '../lib/skeleton';
import { useAreas } from '../lib/use-areas';
import { useCategoryName } from '../lib/use-categories';
import { playAlert, unlockSound } from './alert-sound';
import { P1Banner } from './p1-banner';
import { PlannedWorksPanel } from './planned-works-panel';
import { TicketDetail } from './ticket-detail';
import { TicketList } from './ticket-list';
import { UnitActivities } from './unit-activities';
import { UnitKpis } from './unit-kpis';
import { UnitLists } from './unit-lists';
import { useInbox } from './use-inbox';

/** The unit console: live inbox, ticket detail with actions, P1 alerts, the unit's own figures. */
function Console({ session }: { session: Session }) {
  useLang();
  const categoryName = useCategoryName();
  const areas = useAreas();
  const [selected, setSelected] = useState<string | null>(null);
  const [soundBlocked, setSoundBlocked] = useState(false);
  const [acted, setActed] = useState(0);
  const [query, setQuery] = useState('');
  const inbox = useInbox(session, (alert) => {
    void playAlert().then((ok) => {
      setSoundBlocked(!ok);
      document.body.dataset.sound = ok ? 'played' : 'blocked';
    });
    // Flash the tab title too: the console often sits in a background tab.
    document.title = `🔴 P1 ${alert.trackingCode}`;
  });
  useEffect(() => {
    if (inbox.alerts.length === 0) document.title = `${t('app.console')} · grid-dispatch`;
  }, [inbox.alerts.length]);

  // Any click or key press on the page lets the browser play the next alert.
  useEffect(() => {
    if (!soundBlocked) return;
    const unlock = () => {
      unlockSound();
      setSoundBlocked(false);
    };
    document.addEventListener('pointerdown', unlock, { once: true });
    document.addEventListener('keydown', unlock, { once: true });
    return () => {
      document.removeEventListener('pointerdown', unlock);
      document.removeEventListener('keydown', unlock);
    };
  }, [soundBlocked]);

  const tickets = [...inbox.tickets.values()];
  return (
    <div class="console">
      <P1Banner
        alerts={inbox.alerts}
        soundBlocked={soundBlocked}
        categoryName={categoryName}
        areas={areas}
        onOpen={(id) => {
          setSelected(id);
          inbox.dismissAlert(id);
        }}
        onDismiss={inbox.dismissAlert}
      />
      <main class="wide console-main">
        <section class={`inbox-pane${selected ? ' has-selection' : ''}`}>
          <h2>
            {t('c.inbox')}{' '}
            <span class="count" data-testid="inbox-count">
              {tickets.length}
            </span>{' '}
            <LiveBadge status={inbox.live} />
          </h2>
          {tickets.length > 0 && <ListSearch value={query} onChange={setQuery} label={t('c.search')} />}
          {inbox.error != null && <ErrorBox error={inbox.error} />}
          {inbox.loading ? (
            <SkeletonRows rows={4} label={t('c.loadingInbox')} />
          ) : tickets.length === 0 ? (
            <p class="muted">{t('c.empty')}</p>
          ) : (
            <TicketList
              tickets={tickets}
              selected={selected}
              categoryName={categoryName}
              onSelect={setSelected}
              query={query}
            />
          )}
        </section>
        <section class="detail-pane">
          {selected ? (
            <TicketDetail
              key={selected}
              id={selected}
              revision={inbox.changed.get(selected) ?? 0}
              categoryName={categoryName}
              onChanged={(tk) => {
                inbox.applyTicket(tk);
                setActed((n) => n + 1);
              }}
              onFresh={inbox.applyTicket}
              onBack={() => setSelected(null)}
            />
          ) : (
            <p class="muted select-hint">{t('c.select')}</p>
          )}
          {session.user.unitId && <UnitKpis unitId={session.user.unitId} refresh={acted} />}
          {session.user.unitId && (
            <PlannedWorksPanel unitId={session.user.unitId} areas={areas} categoryName={categoryName} />
          )}
          <UnitActivities areas={areas} />
          {session.user.unitId && <UnitLists areas={areas} unitId={session.user.unitId} />}
        </section>
      </main>
    </div>
  );
}

/** Inside the gate a session exists; the gate remounts this on every new login. */
function SessionConsole() {
  const session = getSession();
  return session ? <Console session={session} /> : null;
}

function Page() {
  useLang();
  return (
    <>
      <AppHeader titleKey="app.console" staff />
      <StaffGate roles={['unit_member']}>
        <SessionConsole />
      </StaffGate>
    </>
  );
}

mountPage(Page);
