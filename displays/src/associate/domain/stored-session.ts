import { type LoginResponse, loginResponseSchema } from '@vitrine/shared';
import { readStoredJson } from '../../shared/stored-json.ts';

/**
 * The session kept in sessionStorage between reloads: the login response as the edge
 * returned it. Anything unreadable or expired is no session at all.
 */
export const readStoredSession = (raw: string | null, now: Date): LoginResponse | null =>
  readStoredJson(raw, loginResponseSchema, (session) => session.expiresAt, now.getTime());

export function serializeSession(session: LoginResponse): string {
  return JSON.stringify(session);
}
