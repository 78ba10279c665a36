import '../lib/style.css';
import '../resident/resident.css';
import '../resident/messages';
import './hotline.css';
import './messages';
import { useState } from 'preact/hooks';
import { ErrorBox } from '../lib/error-box';
import { useLang } from '../lib/i18n';
import type { Area } from '../lib/map';
import { AppHeader, mountPage } from '../lib/page';
import { StaffGate } from '../lib/session';
import { useApi } from '../lib/use-api';
import type { Category } from '../resident/categories';
import { CallForm } from './call-form';
import { CallerLookup } from './caller-lookup';
import { TrackingCodeReadout } from './tracking-code-readout';

/** The hotline agent's desk: take a call down as a report, read the code out, look a caller up. */
function HotlineDesk() {
  useLang();
  const categories = useApi<Category[]>('/api/v1/categories');
  const areas = useApi<Area[]>('/api/v1/areas');
  const [filed, setFiled] = useState<string | null>(null);
  // A new key remounts the form empty for the next call.
  const [call, setCall] = useState(0);
  return (
    <main class="hotline-main">
      <div class="hotline-call">
        {filed ? (
          <TrackingCodeReadout
            code={filed}
            onAnother={() => {
              setFiled(null);
              setCall((n) => n + 1);
            }}
          />
        ) : categories.data && areas.data ? (
          <CallForm
            key={call}
            categories={categories.data}
            areas={areas.data}
            onFiled={(c) => setFiled(c.trackingCode)}
          />
        ) : (
          <ErrorBox error={categories.error ?? areas.error} />
        )}
      </div>
      <div class="hotline-side">
        <CallerLookup />
      </div>
    </main>
  );
}

function Page() {
  useLang();
  return (
    <>
      <AppHeader titleKey="app.hotline" staff />
      <StaffGate roles={['hotline_agent']}>
        <HotlineDesk />
      </StaffGate>
    </>
  );
}

mountPage(Page);
