/**
 * The staff session: token, expiry and user, kept in the tab's sessionStorage: a reload stays
 * logged in, closing the tab ends it, and each tab has a session of its own, so logging in as a
 * secretary on the dashboard never turns an open console tab into that secretary. (localStorage
 * was shared by every tab and outlived the browser.) Plain functions, no UI; `StaffGate`
 * (staff-gate.tsx) renders on top of them.
 */
export interface SessionUser {
  id: string;
  username: string;
  role: string;
  displayName?: string;
  unitId?: string;
  areaId?: string;
}

export interface Session {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

export type ExpiryReason = 'expired' | 'logout';

const KEY = 'gd.session';
/** Why this tab's last session ended, kept for a page loaded afterwards (a reload, the next page). */
const ENDED_KEY = 'gd.session-ended';
const listeners = new Set<(reason: ExpiryReason) => void>();
const changeListeners = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | undefined;
/** Why the last session of this page ended, until the next login (null: none ended). */
let lastReason: ExpiryReason | null = null;

/**
 * Why this tab's last session ended, for a login form that appears after the fact: also when it
 * ended in the page this one replaced (a request of the old page answered 401 during a reload).
 */
export function lastExpiryReason(): ExpiryReason | null {
  if (lastReason) return lastReason;
  const stored = sessionStorage.getItem(ENDED_KEY);
  return stored === 'expired' || stored === 'logout' ? stored : null;
}

/** The current session, or null when there is none or its token has expired. */
export function getSession(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  try {
    const s = JSON.parse(raw) as Session;
    if (!s.token || Date.parse(s.expiresAt) <= Date.now()) return null;
    return s;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  lastReason = null;
  sessionStorage.removeItem(ENDED_KEY);
  sessionStorage.setItem(KEY, JSON.stringify(session));
  armTimer();
  for (const cb of changeListeners) cb();
}

/** Any login or end of session (for headers showing who is logged in). */
export function onSessionChange(cb: () => void): () => void {
  changeListeners.add(cb);
  return () => changeListeners.delete(cb);
}

export function logout(): void {
  expireSession('logout');
}

/** Clears the session and tells every listener (a 401, the timer, or the socket's session.expired). */
export function expireSession(reason: ExpiryReason): void {
  const had = sessionStorage.getItem(KEY) !== null;
  if (had || reason === 'logout') {
    lastReason = reason;
    sessionStorage.setItem(ENDED_KEY, reason);
  }
  sessionStorage.removeItem(KEY);
  if (timer) clearTimeout(timer);
  timer = undefined;
  if (had || reason === 'logout') for (const cb of listeners) cb(reason);
  for (const cb of changeListeners) cb();
}

/** Subscribe to the end of the session; returns the unsubscribe function. */
export function onSessionExpired(cb: (reason: ExpiryReason) => void): () => void {
  listeners.add(cb);
  armTimer();
  return () => listeners.delete(cb);
}

/** A timer at expiresAt, so a page left open returns to the login form on time. */
function armTimer(): void {
  if (timer) clearTimeout(timer);
  timer = undefined;
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return;
  let expiresAt = 0;
  try {
    expiresAt = Date.parse((JSON.parse(raw) as Session).expiresAt);
  } catch {
    return;
  }
  // setTimeout overflows past ~24.8 days; tokens live hours, but clamp anyway.
  const wait = Math.min(Math.max(0, expiresAt - Date.now()), 2 ** 31 - 1);
  timer = setTimeout(() => {
    if (!getSession()) expireSession('expired');
  }, wait);
}
