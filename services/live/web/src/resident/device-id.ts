const KEY = 'gd.device';

/**
 * This browser's own random id, made once and kept in localStorage: it lets the server count a
 * device's "I have this too" once per report without knowing who anyone is. Without storage (a
 * private window) a fresh id per page load is the best there is.
 */
export function deviceId(): string {
  try {
    const kept = localStorage.getItem(KEY);
    if (kept && /^[A-Za-z0-9_-]{16,64}$/.test(kept)) return kept;
  } catch {
    // Storage refused: fall through to a fresh id.
  }
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  const id = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  try {
    localStorage.setItem(KEY, id);
  } catch {
    // Not kept: counted again from the next page load at worst.
  }
  return id;
}
