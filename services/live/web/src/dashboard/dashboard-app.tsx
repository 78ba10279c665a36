import { useMemo, useState } from 'preact/hooks';
import { dutyDesks } from '../lib/areas';
import { useNow } from '../lib/countdown';
import { ErrorBox } from '../lib/error-box';
import { t, useLang } from '../lib/i18n';
import { ListSearch, Pager } from '../lib/list-controls';
import { matchesSearch, pageOf } from '../lib/list-view';
import { LiveBadge } from '../lib/live-status';
import { AreaMap, gridAt } from '../lib/map';
import { AppHeader } from '../lib/page';
import { PlannedWorksCard, plannedWorksShading, useCurrentPlannedWorks } from '../lib/planned-works';
import { getSession } from '../lib/session';
import { SkeletonRows } from '../lib/skeleton';
import { boardPins, countLevels, levelOf } from './board-pins';
import { BulkBar } from './bulk-bar';
import { CommitteeFigures } from './committee-figures';
import { CommitteeView } from './committee-view';
import { EscalationInbox } from './escalation-inbox';
import { FilterBar } from './filter-bar';
import { KpiPanel } from './kpi-panel';
import { type LevelChoice, LevelFilter } from './level-filter';
import { MeetingReport } from './meeting-report';
import { makeNames } from './names';
import { monthPeriod } from './period';
import { subtree } from './scope';
import { ScopeFilters } from './scope-filters';
import { type BoardFilter, needsSecretary, openList } from './ticket-board';
import { TicketDetail } from './ticket-detail';
import { TicketExport } from './ticket-export';
import { TicketTable } from './ticket-table';
import { useBoard } from './use-board';
import { useKpis } from './use-kpis';
import { knownUnits, useReference } from './use-reference';

const VIEWS = ['tickets', 'committee', 'figures'] as const;
type DashView = (typeof VIEWS)[number];

/** The dashboard's views: the tickets, the joint committee, the committee figures. */
function DashTabs({ view, onView }: { view: DashView; onView: (v: DashView) => void }) {
  return (
    <nav class="tabs dash-tabs" aria-label={t('dash.tabs')}>
      {VIEWS.map((v) => (
        <button
          key={v}
          type="button"
          class="tab"
          data-testid={`dash-tab-${v}`}
          aria-current={view === v ? 'page' : undefined}
          onClick={() => onView(v)}
        >
          {t(`dash.tab.${v}`)}
        </button>
      ))}
    </nav>
  );
}

/**
 * The secretary's dashboard: figures on top, then the live map beside the inbox of what needs a
 * secretary, then every open ticket with its countdown. One drill-down filter (unit, category,
 * area) narrows all of them at once.
 */
export function DashboardApp() {
  useLang();
  const [view, setView] = useState<DashView>('tickets');
  const session = getSession()!;
  const reference = useReference();
  const plannedWorks = useCurrentPlannedWorks();
  const [period, setPeriod] = useState(() => monthPeriod(new Date()));
  const [filter, setFilter] = useState<BoardFilter>({});
  const [openId, setOpenId] = useState<string | null>(null);
  const [level, setLevel] = useState<LevelChoice>('all');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(0);
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  const kpi = useKpis(filter, period, true);
  const board = useBoard(session.token, kpi.refreshSoon);
  // Pins change colour as clocks run; every five seconds is plenty for a map.
  const now = useNow(5000);

  const all = [...board.tickets.values()];
  const units = knownUnits(
    reference.units,
    kpi.kpis?.units,
    all.map((tk) => tk.unitId),
  );
  const names = makeNames(reference.areas, reference.categories, units, reference.loaded);
  const areas = useMemo(
    () => subtree(reference.areas, session.user.areaId),
    [reference.areas, session.user.areaId],
  );
  const scoped = openList(all, filter);
  const desks = useMemo(() => dutyDesks(reference.areas), [reference.areas]);
  const inbox = scoped.filter((tk) => needsSecretary(tk, desks));
  const levelled = level === 'all' ? scoped : scoped.filter((tk) => levelOf(tk, now) === level);
  const list = levelled.filter((tk) =>
    matchesSearch(
      [
        tk.trackingCode,
        names.category(tk.category),
        tk.unitId ? names.unit(tk.unitId) : null,
        tk.description,
        tk.address,
        ...tk.areaIds.slice(0, 2).map((id) => names.area(id)),
      ],
      search,
    ),
  );
  const shown = pageOf(list, page);
  const openAll = openList(all, {});
  // Only tickets still on the list count: one that closed or left the scope drops out of the selection.
  const selected = list.filter((tk) => selectedIds.has(tk.id));
  const selection = {
    ids: selectedIds,
    toggle: (ids: string[], on: boolean) =>
      setSelectedIds((prev) => {
        const next = new Set(prev);
        for (const id of ids) on ? next.add(id) : next.delete(id);
        return next;
      }),
  };
  // Clicking a grid drills into it (again: back out); a pin's click opens its ticket and stops there.
  function drillMap(lat: number, lng: number) {
    const grid = gridAt(areas, lat, lng);
    if (grid) setFilter({ ...filter, areaId: filter.areaId === grid.id ? undefined : grid.id });
  }

  return (
    <>
      <AppHeader titleKey="dash.title" staff>
        {session.user.areaId && <span class="who">{names.area(session.user.areaId)}</span>}
        <LiveBadge status={board.live} />
      </AppHeader>
      <DashTabs view={view} onView={setView} />
      {view === 'committee' && (
        <main class="wide dashboard-committee">
          <CommitteeView areas={areas} defaultAreaId={session.user.areaId} />
        </main>
      )}
      {view === 'figures' && (
        <main class="wide dashboard-figures">
          <CommitteeFigures areas={areas} defaultAreaId={session.user.areaId} />
        </main>
      )}
      {/* Kept mounted while another view shows: its live connection and filters stay as they were. */}
      <main class="wide dashboard" hidden={view !== 'tickets'}>
        <ErrorBox error={reference.error} />
        <div class="dash-controls">
          <ScopeFilters
            areas={areas}
            categories={reference.categories}
            filter={filter}
            onChange={setFilter}
          />
          <FilterBar filter={filter} names={names} onChange={setFilter} />
          <TicketExport filter={filter} period={period} />
        </div>
        <KpiPanel
          state={kpi}
          period={period}
          onPeriod={setPeriod}
          filter={filter}
          onDrill={setFilter}
          names={names}
        />
        <div class="dash-grid">
          <section class="card dash-map">
            <h2>{t('dash.map')}</h2>
            <AreaMap
              areas={areas}
              pins={boardPins(list, now)}
              highlightAreaId={filter.areaId}
              onPinClick={setOpenId}
              pick={drillMap}
              shaded={plannedWorksShading(plannedWorks.data?.items)}
            />
            <PlannedWorksCard items={plannedWorks.data?.items} categoryName={names.category} />
          </section>
          <section class="card dash-inbox">
            <h2>
              {t('dash.inbox')} <span class="count">{inbox.length}</span>
            </h2>
            <EscalationInbox tickets={inbox} names={names} onOpen={setOpenId} />
            <MeetingReport areas={areas} defaultAreaId={session.user.areaId} />
          </section>
        </div>
        <section class="card dash-list">
          <h2>
            {t('dash.openTickets')}{' '}
            <span class="count" data-testid="open-count">
              {list.length}
            </span>{' '}
            <LevelFilter counts={countLevels(scoped, now)} value={level} onChange={setLevel} />
          </h2>
          <ListSearch
            value={search}
            label={t('dash.search')}
            onChange={(q) => {
              setSearch(q);
              setPage(0);
            }}
          />
          <ErrorBox error={board.error} />
          {board.loading && all.length === 0 && <SkeletonRows rows={5} />}
          {board.truncated && <p class="notice">{t('dash.truncated', { n: all.length })}</p>}
          {!board.loading && list.length === 0 && (
            <p class="muted">{t(levelled.length > 0 ? 'list.noMatch' : 'dash.listEmpty')}</p>
          )}
          <BulkBar
            selected={selected}
            names={names}
            units={units}
            onChanged={board.put}
            onDeselect={(ids) => selection.toggle(ids, false)}
          />
          <div class="table-scroll">
            <TicketTable
              tickets={shown.items}
              names={names}
              onOpen={setOpenId}
              onChanged={board.put}
              selection={selection}
            />
          </div>
          <Pager page={shown.page} pages={shown.pages} onPage={setPage} />
        </section>
      </main>
      {openId && (
        <TicketDetail
          id={openId}
          boardVersion={board.tickets.get(openId)?.version}
          names={names}
          units={units}
          mergeTargets={openAll}
          onChanged={board.put}
          onClose={() => setOpenId(null)}
        />
      )}
    </>
  );
}
