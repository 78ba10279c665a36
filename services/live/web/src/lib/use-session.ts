import { useEffect, useState } from 'preact/hooks';
import { getSession, onSessionChange, type Session } from './session-store';

/** The current session; the component re-renders on login, logout and expiry. */
export function useSession(): Session | null {
  const [, setTick] = useState(0);
  useEffect(() => onSessionChange(() => setTick((n) => n + 1)), []);
  return getSession();
}
