import type { LoginResponse } from '@vitrine/shared';
import { readStoredSession, serializeSession } from '../domain/stored-session.ts';

const SESSION_KEY = 'vitrine.associate.session';
const SOUND_KEY = 'vitrine.associate.sound';

/**
 * The token lives in sessionStorage: it survives a reload of the tablet's tab but not the
 * tab itself, so a tablet left on the counter does not stay signed in for ever.
 */
export function loadSession(now: Date): LoginResponse | null {
  try {
    const session = readStoredSession(sessionStorage.getItem(SESSION_KEY), now);
    if (session === null) sessionStorage.removeItem(SESSION_KEY);
    return session;
  } catch {
    return null;
  }
}

export function saveSession(session: LoginResponse): void {
  try {
    sessionStorage.setItem(SESSION_KEY, serializeSession(session));
  } catch {
    // Private mode may refuse storage; the session then lasts as long as the page.
  }
}

export function clearSession(): void {
  try {
    sessionStorage.removeItem(SESSION_KEY);
  } catch {
    // Nothing stored, nothing to clear.
  }
}

/** The arrival sound is off unless the associate turned it on on this device. */
export function loadSoundEnabled(): boolean {
  try {
    return localStorage.getItem(SOUND_KEY) === 'on';
  } catch {
    return false;
  }
}

export function saveSoundEnabled(enabled: boolean): void {
  try {
    localStorage.setItem(SOUND_KEY, enabled ? 'on' : 'off');
  } catch {
    // The choice then lasts as long as the page.
  }
}
