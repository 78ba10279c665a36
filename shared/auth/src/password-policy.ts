/** The shortest staff password accepted. */
export const MIN_PASSWORD_LENGTH = 10;

/**
 * Passwords people pick first (worldwide lists and the favourites of Chinese lists: 5201314,
 * woaini…), and this project's own published defaults. Compared without case, and also with a
 * trailing run of digits or symbols removed, so "Password2026!" counts as "password".
 */
const COMMON = new Set([
  '123456',
  '1234567',
  '12345678',
  '123456789',
  '1234567890',
  '0123456789',
  '987654321',
  '111111',
  '11111111',
  '000000',
  '00000000',
  '666666',
  '888888',
  '88888888',
  '123123',
  '12341234',
  '112233',
  '121212',
  '654321',
  '5201314',
  '1314520',
  '147258369',
  '159357',
  '123321',
  'password',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword',
  'qwerty',
  'qwertyuiop',
  'qwerty123',
  'qwer1234',
  '1234qwer',
  'asdfghjkl',
  'asdf1234',
  'zxcvbnm',
  'zxcvbnm123',
  '1q2w3e4r',
  '1q2w3e4r5t',
  'q1w2e3r4',
  '1qaz2wsx',
  '1qaz2wsx3edc',
  'qazwsx',
  'abc123',
  'abcd1234',
  'a123456',
  'a1234567',
  'aa123456',
  'abc123456',
  'qq123456',
  'woaini',
  'woaini1314',
  'iloveyou',
  'admin',
  'admin123',
  'admin12345',
  'administrator',
  'root',
  'letmein',
  'welcome',
  'monkey',
  'dragon',
  'master',
  'shadow',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'superman',
  'batman',
  'trustno1',
  'changeme',
  'default',
  'secret',
  'test',
  'test1234',
  'guest',
  'demo',
  'demo12345',
  'grid-dispatch',
  'griddispatch',
  'zhongshan',
  'dalian',
]);

/**
 * What is wrong with a staff password, or null when it may be used: long enough, not a common
 * password (also with digits or symbols added at the end), not the username, not one character
 * repeated. Staff accounts open every ticket of an area, and an admin's every account.
 */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  }
  const lower = password.toLowerCase();
  const stem = lower.replace(/[^a-z]+$/, '');
  if (COMMON.has(lower) || (stem.length >= 4 && COMMON.has(stem))) {
    return 'is one of the most common passwords; choose another';
  }
  if (username && lower.includes(username.toLowerCase())) return 'must not contain the username';
  if (new Set(lower).size < 4) return 'is too simple (too few different characters)';
  return null;
}
