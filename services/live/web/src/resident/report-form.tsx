import { checkReportDraft, type DraftProblem } from '@grid-dispatch/domain';
import { useState } from 'preact/hooks';
import { ApiError, api } from '../lib/api';
import { ErrorBox, fieldMessage } from '../lib/error-box';
import { FieldError } from '../lib/field-error';
import { pick, t, useLang } from '../lib/i18n';
import type { Area } from '../lib/map';
import { PhotoUpload } from '../lib/photo-upload';
import type { LinkedPlannedWorks } from '../lib/planned-works';
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
  /** Planned works already cover the report: linked to them, not dispatched as new work. */
  plannedWorks?: LinkedPlannedWorks;
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
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [key, setKey] = useState(() => crypto.randomUUID());

  // A changed form is a new report: a new key (the server answers 422 to an old key, new body).
  function edit<T>(set: (v: T) => void) {
    return (v: T) => {
      set(v);
      setKey(crypto.randomUUID());
    };
  }

  /** Shows each problem next to its field and moves the focus to the first. */
  function showProblems(problems: Record<string, string>) {
    setFieldErrors(problems);
    const first = FIELD_ORDER.find((path) => problems[path]);
    if (first) requestAnimationFrame(() => focusField(first));
  }

  async function submit(e: Event) {
    e.preventDefault();
    // The same rules the server applies, checked here first, in the resident's language.
    const problems = checkReportDraft({
      category,
      description,
      hasLocation: location !== null,
      address,
      name,
      phone,
      photoCount: photos.length,
    });
    if (problems.length > 0) {
      setError(null);
      return showProblems(Object.fromEntries(problems.map((p) => [p.path, draftProblemText(p)])));
    }
    setFieldErrors({});
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
      // The server's field errors too go next to their fields, in the reader's language.
      if (err instanceof ApiError && err.fields?.length)
        showProblems(Object.fromEntries(err.fields.map((f) => [f.path, fieldMessage(f.message)])));
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
        error={fieldErrors.location}
        addressError={fieldErrors.address}
      />
      <CategoryPicker
        categories={categories}
        value={category}
        onChange={edit(setCategory)}
        error={fieldErrors.category}
      />
      <label for="description">{t('r.description')}</label>
      <p class="hint" id="description-hint">
        {t('r.descriptionHint')}
      </p>
      <textarea
        id="description"
        name="description"
        rows={4}
        maxLength={2000}
        aria-describedby={fieldErrors.description ? 'description-hint description-error' : 'description-hint'}
        aria-invalid={fieldErrors.description ? 'true' : undefined}
        value={description}
        onInput={(e) => edit(setDescription)(e.currentTarget.value)}
      />
      <FieldError id="description-error" text={fieldErrors.description} />
      <PhotoUpload urls={photos} onChange={edit(setPhotos)} />
      <FieldError id="photos-error" text={fieldErrors.photos} />
      <fieldset>
        <legend>{t('r.contact')}</legend>
        <p class="hint">{t('r.contactHint')}</p>
        <label for="contact-name">{t('r.contactName')}</label>
        <input
          id="contact-name"
          maxLength={50}
          autocomplete="name"
          aria-invalid={fieldErrors['contact.name'] ? 'true' : undefined}
          aria-describedby={fieldErrors['contact.name'] ? 'contact-name-error' : undefined}
          value={name}
          onInput={(e) => edit(setName)(e.currentTarget.value)}
        />
        <FieldError id="contact-name-error" text={fieldErrors['contact.name']} />
        <label for="contact-phone">{t('r.contactPhone')}</label>
        <input
          id="contact-phone"
          type="tel"
          maxLength={30}
          autocomplete="tel"
          aria-invalid={fieldErrors['contact.phone'] ? 'true' : undefined}
          aria-describedby={fieldErrors['contact.phone'] ? 'contact-phone-error' : undefined}
          value={phone}
          onInput={(e) => edit(setPhone)(e.currentTarget.value)}
        />
        <FieldError id="contact-phone-error" text={fieldErrors['contact.phone']} />
      </fieldset>
      <NearbyNotice
        category={category}
        categoryName={(code) => {
          const c = categories.find((x) => x.code === code);
          return c ? pick(c.name) : code;
        }}
        at={location}
      />
      <ErrorBox error={error} />
      <div class="actions full">
        <button type="submit" class="primary" data-testid="submit-report" disabled={busy}>
          {busy ? t('r.submitting') : t('r.submit')}
        </button>
      </div>
    </form>
  );
}

/** The form's fields in the order they are shown: the first with a problem gets the focus. */
const FIELD_ORDER = [
  'location',
  'category',
  'description',
  'photos',
  'address',
  'contact.name',
  'contact.phone',
];

/** Where the focus goes for a field's problem: its input, or its group's first control. */
const FOCUS_TARGET: Record<string, string> = {
  location: '[data-testid="location-picker"] [data-testid="location-map"], #address',
  category: '[data-testid="category-picker"] input',
  description: '#description',
  photos: '[data-testid="photo-input"]',
  address: '#address',
  'contact.name': '#contact-name',
  'contact.phone': '#contact-phone',
};

function focusField(path: string) {
  const el = document.querySelector<HTMLElement>(FOCUS_TARGET[path] ?? '');
  el?.focus();
  el?.scrollIntoView({ block: 'center' });
}

/** A draft's problem in the reader's language. */
export function draftProblemText(p: DraftProblem): string {
  const params = p.limit !== undefined ? { n: p.limit } : undefined;
  if (p.rule === 'tooMany') return t('field.tooManyPhotos', params);
  return t(`field.${p.rule}`, params);
}
