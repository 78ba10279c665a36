import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorBox } from './error-box';
import { login } from './login';
import { t } from './messages';
import {
  type ExpiryReason,
  getSession,
  lastExpiryReason,
  onSessionExpired,
  type Session,
} from './session-store';
import { useLang } from './use-lang';

/**
 * Renders children only for a logged-in user whose role fits; otherwise the login form. When the
 * session ends (timer, 401, socket `session.expired`, logout) it falls back to the form with a
 * message saying why.
 */
export function StaffGate({ roles, children }: { roles: string[]; children: ComponentChildren }) {
  useLang();
  const [session, setSession] = useState<Session | null>(getSession);
  const [reason, setReason] = useState<ExpiryReason | null>(null);
  useEffect(() => {
    const off = onSessionExpired((why) => {
      setReason(why);
      setSession(null);
    });
    // The session may have ended before this listened: a refused token (401) can be answered
    // before the page's first paint on a slow start. Show the form, and why, all the same.
    if (getSession() === null) {
      setReason(lastExpiryReason());
      setSession(null);
    }
    return off;
  }, []);
  const fits = session !== null && roles.includes(session.user.role);
  if (!fits) {
    const notice =
      session && !fits
        ? t('login.wrongRole')
        : reason === 'expired'
          ? t('login.expired')
          : reason === 'logout'
            ? t('login.loggedOut')
            : null;
    return (
      <main class="login-main">
        <LoginForm
          notice={notice}
          onLogin={(s) => {
            setReason(null);
            setSession(s);
          }}
        />
      </main>
    );
  }
  // key: a new login remounts the page, so nothing of the previous user's view survives.
  return <div key={session.token}>{children}</div>;
}

export function LoginForm({ notice, onLogin }: { notice?: string | null; onLogin: (s: Session) => void }) {
  useLang();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onLogin(await login(username.trim(), password));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form class="card login-form" data-testid="login-form" onSubmit={submit}>
      <h2>{t('login.title')}</h2>
      {notice && (
        <p class="notice" role="status" data-testid="login-notice">
          {notice}
        </p>
      )}
      <label for="login-username">{t('login.username')}</label>
      <input
        id="login-username"
        name="username"
        autocomplete="username"
        required
        value={username}
        onInput={(e) => setUsername(e.currentTarget.value)}
      />
      <label for="login-password">{t('login.password')}</label>
      <input
        id="login-password"
        name="password"
        type="password"
        autocomplete="current-password"
        required
        value={password}
        onInput={(e) => setPassword(e.currentTarget.value)}
      />
      <button type="submit" class="primary" disabled={busy}>
        {busy ? t('login.busy') : t('login.submit')}
      </button>
      <ErrorBox error={error} />
    </form>
  );
}
