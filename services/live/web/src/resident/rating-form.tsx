import { useState } from 'preact/hooks';
import { api } from '../lib/api';
import { ErrorBox } from '../lib/error-box';
import { t, useLang } from '../lib/i18n';
import { tokenFor } from './reporter-tokens';

const RATINGS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
type Rating = (typeof RATINGS)[number];

/** 满意 / 基本满意 / 不满意 with an optional comment; "dissatisfied" reopens the ticket server-side. */
export function RatingForm({
  trackingCode,
  onRated,
}: {
  trackingCode: string;
  onRated: (r: Rating) => void;
}) {
  useLang();
  const stored = tokenFor(trackingCode);
  const [token, setToken] = useState(stored ?? '');
  const [phone, setPhone] = useState('');
  const [rating, setRating] = useState<Rating | ''>('');
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: Event) {
    e.preventDefault();
    if (!rating) return;
    setBusy(true);
    setError(null);
    try {
      // On another device: the phone number given with the report proves the reporter as well.
      const proof: Record<string, string> =
        !stored && phone.trim() ? { contactPhone: phone.trim() } : { reporterToken: token.trim() };
      const body: Record<string, string> = { ...proof, rating };
      if (comment.trim()) body.comment = comment.trim();
      await api('POST', `/api/v1/reports/${encodeURIComponent(trackingCode)}/feedback`, body);
      onRated(rating);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card rating-form" data-testid="rating-form" onSubmit={submit}>
      <h2>{t('r.rateTitle')}</h2>
      <div class="rating-options" role="radiogroup" aria-label={t('r.rateTitle')}>
        {RATINGS.map((r) => (
          <label key={r} class={`rating-option${rating === r ? ' selected' : ''}`} data-rating={r}>
            <input
              type="radio"
              name="rating"
              value={r}
              checked={rating === r}
              onChange={() => setRating(r)}
            />
            {t(`r.rating.${r}`)}
          </label>
        ))}
      </div>
      <label for="rating-comment">{t('r.rateComment')}</label>
      <textarea
        id="rating-comment"
        rows={2}
        maxLength={500}
        value={comment}
        onInput={(e) => setComment(e.currentTarget.value)}
      />
      {!stored && (
        <fieldset class="rating-proof">
          <legend>{t('r.rateProof')}</legend>
          <p class="hint">{t('r.rateTokenHint')}</p>
          <label for="rating-phone">{t('r.ratePhone')}</label>
          <input
            id="rating-phone"
            type="tel"
            autocomplete="tel"
            value={phone}
            onInput={(e) => setPhone(e.currentTarget.value)}
          />
          <label for="rating-token">{t('r.rateToken')}</label>
          <input id="rating-token" value={token} onInput={(e) => setToken(e.currentTarget.value)} />
        </fieldset>
      )}
      <ErrorBox error={error} />
      <div class="actions full">
        <button
          type="submit"
          class="primary"
          disabled={busy || !rating || (!stored && !phone.trim() && !token.trim())}
          data-testid="submit-rating"
        >
          {t('r.rateSubmit')}
        </button>
      </div>
    </form>
  );
}
