import { checkReportDraft } from '@grid-dispatch/domain';
import { useState } from 'preact/hooks';
import { ApiError, api } from '../lib/api';
import { ErrorBox, fieldMessage } from '../lib/error-box';
import { FieldError, fieldErrorId, invalidProps } from '../lib/field-error';
import { t, useLang } from '../lib/i18n';
import type { Area } from '../lib/map';
import type { Category } from '../resident/categories';
import { CategoryPicker } from '../resident/category-picker';
import { LocationPicker, type PickedLocation } from '../resident/location-picker';
import { draftProblemText } from '../resident/report-form';

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

  const [fields, setFields] = useState<Record<string, string>>({});

  /** Shows each problem under its input and moves the focus to the first, in the form's order. */
  function showProblems(problems: Record<string, string>) {
    setFields(problems);
    const first = FIELD_ORDER.find((path) => problems[path]);
    if (first) requestAnimationFrame(() => focusField(first));
  }

  async function submit(e: Event) {
    e.preventDefault();
    // The report's rules (the resident form's, the same the server applies), checked here first;
    // a hotline report also needs the caller's phone and the call's reference.
    const problems: Record<string, string> = {};
    for (const p of checkReportDraft({
      category,
      description,
      hasLocation: location !== null,
      address,
      name: callerName,
      phone: callerPhone.replace(/[\s-]/g, ''),
      photoCount: 0,
    }))
      problems[DRAFT_PATHS[p.path] ?? p.path] = draftProblemText(p);
    if (!callerPhone.trim()) problems.callerPhone = t('field.required');
    if (!callReference.trim()) problems.callReference = t('field.required');
    if (Object.keys(problems).length > 0) {
      setError(null);
      return showProblems(problems);
    }
    setFields({});
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
      // The server's field errors go under their inputs too, in the reader's language.
      if (err instanceof ApiError && err.fields?.length) {
        const placed: Record<string, string> = {};
        for (const f of err.fields) if (isPlaced(f.path)) placed[f.path] = fieldMessage(f.message);
        showProblems(placed);
      }
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
            aria-describedby={
              fields.callerPhone ? `caller-phone-hint ${fieldErrorId('callerPhone')}` : 'caller-phone-hint'
            }
            aria-invalid={fields.callerPhone ? 'true' : undefined}
            value={callerPhone}
            onInput={(e) => edit(setCallerPhone)(e.currentTarget.value)}
          />
          <p class="hint" id="caller-phone-hint">
            {t('h.callerPhoneHint')}
          </p>
          <FieldError id={fieldErrorId('callerPhone')} text={fields.callerPhone} />
        </div>
        <div>
          <label for="call-reference">{t('h.callReference')}</label>
          <input
            id="call-reference"
            maxLength={64}
            required
            aria-describedby={
              fields.callReference
                ? `call-reference-hint ${fieldErrorId('callReference')}`
                : 'call-reference-hint'
            }
            aria-invalid={fields.callReference ? 'true' : undefined}
            value={callReference}
            onInput={(e) => edit(setCallReference)(e.currentTarget.value)}
          />
          <p class="hint" id="call-reference-hint">
            {t('h.callReferenceHint')}
          </p>
          <FieldError id={fieldErrorId('callReference')} text={fields.callReference} />
        </div>
      </div>
      <label for="caller-name">{t('h.callerName')}</label>
      <input
        id="caller-name"
        maxLength={50}
        value={callerName}
        onInput={(e) => edit(setCallerName)(e.currentTarget.value)}
        {...invalidProps('callerName', fields.callerName)}
      />
      <FieldError id={fieldErrorId('callerName')} text={fields.callerName} />
      <LocationPicker
        areas={areas}
        location={location}
        onLocation={edit(setLocation)}
        address={address}
        onAddress={edit(setAddress)}
        error={fields.location}
        addressError={fields.address}
      />
      <CategoryPicker
        categories={categories}
        value={category}
        onChange={edit(setCategory)}
        error={fields.category}
      />
      <label for="description">{t('r.description')}</label>
      <textarea
        id="description"
        rows={4}
        maxLength={2000}
        value={description}
        onInput={(e) => edit(setDescription)(e.currentTarget.value)}
        {...invalidProps('description', fields.description)}
      />
      <FieldError id={fieldErrorId('description')} text={fields.description} />
      <ErrorBox error={error} placed={isPlaced} />
      <div class="actions full">
        <button type="submit" class="primary" data-testid="submit-call" disabled={busy}>
          {busy ? t('h.submitting') : t('h.submit')}
        </button>
      </div>
    </form>
  );
}

/** The resident draft's paths that are named otherwise in a hotline report. */
const DRAFT_PATHS: Record<string, string> = { 'contact.name': 'callerName', 'contact.phone': 'callerPhone' };

/** The form's fields in the order they are shown: the first with a problem gets the focus. */
const FIELD_ORDER = [
  'callerPhone',
  'callReference',
  'callerName',
  'location',
  'address',
  'category',
  'description',
];

/** Where the focus goes for a field's problem: its input, or its group's first control. */
const FOCUS_TARGET: Record<string, string> = {
  callerPhone: '#caller-phone',
  callReference: '#call-reference',
  callerName: '#caller-name',
  location: '[data-testid="location-picker"] [data-testid="location-map"], #address',
  address: '#address',
  category: '[data-testid="category-picker"] input',
  description: '#description',
};

/** True for a server field error shown under an input (the ErrorBox leaves it out). */
function isPlaced(path: string): boolean {
  return FIELD_ORDER.includes(path);
}

function focusField(path: string) {
  const el = document.querySelector<HTMLElement>(FOCUS_TARGET[path] ?? '');
  el?.focus();
  el?.scrollIntoView({ block: 'center' });
}
