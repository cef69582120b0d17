import { type LoginResponse, loginResponseSchema } from '@vitrine/shared';

/**
 * The session kept in sessionStorage between reloads: the login response as the edge
 * returned it. Anything unreadable or expired is no session at all.
 */
export function readStoredSession(raw: string | null, now: Date): LoginResponse | null {
  if (raw === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = loginResponseSchema.safeParse(json);
  if (!parsed.success) return null;
  if (Date.parse(parsed.data.expiresAt) <= now.getTime()) return null;
  return parsed.data;
}

export function serializeSession(session: LoginResponse): string {
  return JSON.stringify(session);
}
