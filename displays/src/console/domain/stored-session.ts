import { type LoginResponse, loginResponseSchema } from '@vitrine/shared';

/** Where the console keeps its session: this tab only, gone when the tab closes. */
export const SESSION_KEY = 'vitrine.console.session';

export type StoredSession =
  | { kind: 'none' }
  | { kind: 'valid'; session: LoginResponse }
  | { kind: 'expired' };

/** The session kept in storage, read at `now`; an unreadable one counts as none. */
export function readStoredSession(text: string | null, now: Date): StoredSession {
  if (text === null) return { kind: 'none' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'none' };
  }
  const parsed = loginResponseSchema.safeParse(json);
  if (!parsed.success) return { kind: 'none' };
  if (Date.parse(parsed.data.expiresAt) <= now.getTime()) return { kind: 'expired' };
  return { kind: 'valid', session: parsed.data };
}
