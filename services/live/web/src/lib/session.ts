/**
 * The staff session, as every staff page uses it: getSession, login, logout, onSessionExpired and
 * the <StaffGate> component. State lives in session-store.ts, the call in login.ts, UI in staff-gate.tsx.
 */
export { login } from './login';
export type { ExpiryReason, Session, SessionUser } from './session-store';
export { expireSession, getSession, logout, onSessionChange, onSessionExpired } from './session-store';
export { LoginForm, StaffGate } from './staff-gate';
export { useSession } from './use-session';
