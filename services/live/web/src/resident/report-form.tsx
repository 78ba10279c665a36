import { useState } from 'preact/hooks';
import { ApiError, api } from '../lib/api';
import { ErrorBox } from '../lib/error-box';
import { t, useLang } from '../lib/i18n';
import type { Area } from '../lib/map';
import { PhotoUpload } from '../lib/photo-upload';
import type { Category } from './categories';
import { CategoryPicker } from './category-picker';
import { LocationPicker, type PickedLocation } from './location-picker';
import { NearbyNotice } from './nearby-notice';

export interface ReportCreated {
  ticketId: string;
  trackingCode: string;
  reporterToken: string;
  status: string;
  duplicates: { trackingCode: string; distanceM: number }[];
}

/**
 * The report form, place first: a resident starts from where they are standing (the map framed on
 * the district, or their own position), then says what it is. One Idempotency-Key per filled-in form: pressing "send" twice on a shaky phone
 * connection files one ticket, not two.
 */
export function ReportForm({
  categories,
  areas,
  onCreated,
}: {
  categories: Category[];
  areas: Area[];
  onCreated: (created: ReportCreated, category: string) => void;
}) {
  useLang();
  const [category, setCategory] = useState('');
  const [description, setDescription] = useState('');
  const [location, setLocation] = useState<PickedLocation | null>(null);
  const [address, setAddress] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [key, setKey] = useState(() => crypto.randomUUID());

  // A changed form is a new report: a new key (the server answers 422 to an old key, new body).
  function edit<T>(set: (v: T) => void) {
    return (v: T) => {
      set(v);
      setKey(crypto.randomUUID());
    };
  }

  async function submit(e: Event) {
    e.preventDefault();
    if (!category) return setError(new ApiError(400, 'client', t('r.needCategory')));
    if (!location && !address.trim()) return setError(new ApiError(400, 'client', t('r.needWhere')));
    const body: Record<string, unknown> = { category, description };
    if (location) body.location = location;
    if (address.trim()) body.address = address.trim();
    if (photos.length) body.photos = photos;
    const contact: Record<string, string> = {};
    if (name.trim()) contact.name = name.trim();
    if (phone.trim()) contact.phone = phone.trim();
    if (Object.keys(contact).length) body.contact = contact;
    setBusy(true);
    setError(null);
    try {
      const created = await api<ReportCreated>('POST', '/api/v1/reports', body, {
        headers: { 'idempotency-key': key },
      });
      onCreated(created, category);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card report-form" data-testid="report-form" onSubmit={submit} noValidate>
      <LocationPicker
        areas={areas}
        location={location}
        onLocation={edit(setLocation)}
        address={address}
        onAddress={edit(setAddress)}
      />
      <CategoryPicker categories={categories} value={category} onChange={edit(setCategory)} />
      <label for="description">{t('r.description')}</label>
      <p class="hint" id="description-hint">
        {t('r.descriptionHint')}
      </p>
      <textarea
        id="description"
        name="description"
        rows={4}
        maxLength={2000}
        aria-describedby="description-hint"
        value={description}
        onInput={(e) => edit(setDescription)(e.currentTarget.value)}
      />
      <PhotoUpload urls={photos} onChange={edit(setPhotos)} />
      <fieldset>
        <legend>{t('r.contact')}</legend>
        <p class="hint">{t('r.contactHint')}</p>
        <label for="contact-name">{t('r.contactName')}</label>
        <input
          id="contact-name"
          maxLength={50}
          autocomplete="name"
          value={name}
          onInput={(e) => edit(setName)(e.currentTarget.value)}
        />
        <label for="contact-phone">{t('r.contactPhone')}</label>
        <input
          id="contact-phone"
          type="tel"
          maxLength={30}
          autocomplete="tel"
          value={phone}
          onInput={(e) => edit(setPhone)(e.currentTarget.value)}
        />
      </fieldset>
      <NearbyNotice category={category} at={location} />
      <ErrorBox error={error} />
      <div class="actions full">
        <button type="submit" class="primary" data-testid="submit-report" disabled={busy}>
          {busy ? t('r.submitting') : t('r.submit')}
        </button>
      </div>
    </form>
  );
}
