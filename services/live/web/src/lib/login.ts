import { api } from './api';
import { type Session, saveSession } from './session-store';

/** Staff login; throws ApiError (wrong password 401, too many tries 429 …). */
export async function login(username: string, password: string): Promise<Session> {
  const session = await api<Session>('POST', '/api/v1/auth/login', { username, password });
  saveSession(session);
  return session;
}
