import '../lib/style.css';
import './resident.css';
import './messages';
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { ErrorBox } from '../lib/error-box';
import { pick, t, useLang } from '../lib/i18n';
import type { Area } from '../lib/map';
import { AppHeader, mountPage } from '../lib/page';
import { PlannedWorksCard, useCurrentPlannedWorks } from '../lib/planned-works';
import { SkeletonRows } from '../lib/skeleton';
import { useApi } from '../lib/use-api';
import type { Category } from './categories';
import { CommunityActivities } from './community-activities';
import { CommunityNeeds } from './community-needs';
import { Confirmation } from './confirmation';
import { Lookup } from './lookup';
import { type ReportCreated, ReportForm } from './report-form';
import { rememberReport } from './reporter-tokens';
import { activitiesHref, needsHref, useRoute } from './route';
import { TrackPage } from './track-page';

/** The resident app: report (index), confirmation, tracking (#/track/<code>) and rating. */
function ResidentApp() {
  useLang();
  const route = useRoute();
  const categories = useApi<Category[]>('/api/v1/categories');
  // Fetched once the report page has been shown, and kept: the form stays mounted (hidden) while
  // the resident looks at a nearby report or their own, so coming back finds it as they left it.
  const [formShown, setFormShown] = useState(route.page === 'report');
  if (route.page === 'report' && !formShown) setFormShown(true);
  const areas = useApi<Area[]>(formShown ? '/api/v1/areas' : null);
  const [created, setCreated] = useState<ReportCreated | null>(null);
  // Running and coming planned works, shown above the form: a resident may see theirs is known.
  const plannedWorks = useCurrentPlannedWorks();
  const categoryName = (code: string) => {
    const c = categories.data?.find((x) => x.code === code);
    return c ? pick(c.name) : code;
  };

  let body: JSX.Element | null = null;
  let form: JSX.Element | null = null;
  if (route.page === 'track') body = <TrackPage code={route.code} categoryName={categoryName} />;
  else if (route.page === 'lookup') body = <Lookup categoryName={categoryName} />;
  else if (route.page === 'activities') body = <CommunityActivities communityId={route.communityId} />;
  else if (route.page === 'needs') body = <CommunityNeeds communityId={route.communityId} />;
  else if (created) body = <Confirmation created={created} onAnother={() => setCreated(null)} />;
  if (created || !formShown) form = null;
  else if (categories.error || areas.error)
    form = (
      <div class="card">
        <ErrorBox error={categories.error ?? areas.error} />
        <button
          type="button"
          onClick={() => {
            void categories.reload();
            void areas.reload();
          }}
        >
          {t('common.retry')}
        </button>
      </div>
    );
  else if (!categories.data || !areas.data) form = <SkeletonRows rows={6} />;
  else
    form = (
      <ReportForm
        categories={categories.data}
        areas={areas.data}
        onCreated={(c, category) => {
          rememberReport({
            trackingCode: c.trackingCode,
            reporterToken: c.reporterToken,
            category,
            at: new Date().toISOString(),
          });
          setCreated(c);
          window.scrollTo(0, 0);
        }}
      />
    );

  return (
    <>
      <AppHeader titleKey="app.resident">
        <a href="/console.html" class="staff-link">
          {t('r.staffLink')}
        </a>
      </AppHeader>
      <nav class="tabs" aria-label={t('app.resident')}>
        <button
          type="button"
          class="tab"
          aria-current={route.page === 'report' && !created ? 'page' : undefined}
          onClick={() => {
            setCreated(null);
            location.hash = '#/';
          }}
        >
          {t('r.newReport')}
        </button>
        <a
          href="#/track"
          aria-current={route.page === 'track' || route.page === 'lookup' ? 'page' : undefined}
          data-testid="tab-track"
        >
          {t('r.trackTitle')}
        </a>
        <a
          href={activitiesHref(null)}
          aria-current={route.page === 'activities' ? 'page' : undefined}
          data-testid="tab-activities"
        >
          {t('r.activities')}
        </a>
        <a
          href={needsHref(null)}
          aria-current={route.page === 'needs' ? 'page' : undefined}
          data-testid="tab-needs"
        >
          {t('rn.title')}
        </a>
      </nav>
      <main>
        {body}
        {form && body === null && (
          <PlannedWorksCard items={plannedWorks.data?.items} categoryName={categoryName} />
        )}
        {form && <div hidden={body !== null}>{form}</div>}
      </main>
    </>
  );
}

mountPage(ResidentApp);
