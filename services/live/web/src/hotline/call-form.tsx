import { useState } from 'preact/hooks';
import { ApiError, api } from '../lib/api';
import { ErrorBox } from '../lib/error-box';
import { t, useLang } from '../lib/i18n';
import type { Area } from '../lib/map';
import type { Category } from '../resident/categories';
import { CategoryPicker } from '../resident/category-picker';
import { LocationPicker, type PickedLocation } from '../resident/location-picker';

export interface HotlineReportCreated {
  ticketId: string;
  trackingCode: string;
  status: string;
  duplicates: { trackingCode: string; distanceM: number }[];
}

/**
 * A caller's report as the agent takes it down: the resident form's place and category pieces,
 * the description, the caller's phone and the call reference. One Idempotency-Key per filled-in
 * form, so a second press on a slow line files one report, not two.
 */
export function CallForm({
  categories,
  areas,
  onFiled,
}: {
  categories: Category[];
  areas: Area[];
  onFiled: (created: HotlineReportCreated) => void;
}) {
  useLang();
  const [category, setCategory] = useState('');
  const [description, setDescription] = useState('');
  const [location, setLocation] = useState<PickedLocation | null>(null);
  const [address, setAddress] = useState('');
  const [callerPhone, setCallerPhone] = useState('');
  const [callerName, setCallerName] = useState('');
  const [callReference, setCallReference] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [key, setKey] = useState(() => crypto.randomUUID());

  function edit<T>(set: (v: T) => void) {
    return (v: T) => {
      set(v);
      setKey(crypto.randomUUID());
    };
  }

  async function submit(e: Event) {
    e.preventDefault();
    const client = (message: string) => setError(new ApiError(400, 'client', message));
    if (!callerPhone.trim()) return client(t('h.needPhone'));
    if (!callReference.trim()) return client(t('h.needReference'));
    if (!category) return client(t('r.needCategory'));
    if (!location && !address.trim()) return client(t('r.needWhere'));
    const body: Record<string, unknown> = {
      category,
      description,
      callerPhone: callerPhone.trim(),
      callReference: callReference.trim(),
    };
    if (callerName.trim()) body.callerName = callerName.trim();
    if (location) body.location = location;
    if (address.trim()) body.address = address.trim();
    setBusy(true);
    setError(null);
    try {
      onFiled(
        await api<HotlineReportCreated>('POST', '/api/v1/hotline/reports', body, {
          headers: { 'idempotency-key': key },
        }),
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card hotline-form" data-testid="hotline-form" onSubmit={submit} noValidate>
      <h2>{t('h.newCall')}</h2>
      <div class="caller-row">
        <div>
          <label for="caller-phone">{t('h.callerPhone')}</label>
          <input
            id="caller-phone"
            type="tel"
            maxLength={30}
            required
            aria-describedby="caller-phone-hint"
            value={callerPhone}
            onInput={(e) => edit(setCallerPhone)(e.currentTarget.value)}
          />
          <p class="hint" id="caller-phone-hint">
            {t('h.callerPhoneHint')}
          </p>
        </div>
        <div>
          <label for="call-reference">{t('h.callReference')}</label>
          <input
            id="call-reference"
            maxLength={64}
            required
            aria-describedby="call-reference-hint"
            value={callReference}
            onInput={(e) => edit(setCallReference)(e.currentTarget.value)}
          />
          <p class="hint" id="call-reference-hint">
            {t('h.callReferenceHint')}
          </p>
        </div>
      </div>
      <label for="caller-name">{t('h.callerName')}</label>
      <input
        id="caller-name"
        maxLength={50}
        value={callerName}
        onInput={(e) => edit(setCallerName)(e.currentTarget.value)}
      />
      <LocationPicker
        areas={areas}
        location={location}
        onLocation={edit(setLocation)}
        address={address}
        onAddress={edit(setAddress)}
      />
      <CategoryPicker categories={categories} value={category} onChange={edit(setCategory)} />
      <label for="description">{t('r.description')}</label>
      <textarea
        id="description"
        rows={4}
        maxLength={2000}
        value={description}
        onInput={(e) => edit(setDescription)(e.currentTarget.value)}
      />
      <ErrorBox error={error} />
      <div class="actions full">
        <button type="submit" class="primary" data-testid="submit-call" disabled={busy}>
          {busy ? t('h.submitting') : t('h.submit')}
        </button>
      </div>
    </form>
  );
}
