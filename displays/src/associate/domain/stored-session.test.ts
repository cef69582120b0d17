import type { LoginResponse } from '@vitrine/shared';
import { describe, expect, it } from 'vitest';
import { readStoredSession, serializeSession } from './stored-session.ts';

const session: LoginResponse = {
  token: 'eyJhbGciOiJFUzI1NiJ9.e30.sig',
  expiresAt: '2026-11-23T18:00:00.000Z',
  subject: {
    id: 'asc_aiko',
    name: 'Aiko Sato',
    role: 'associate',
    organisationId: 'org_maison-demo',
    storeId: 'sto_tokyo-ginza',
  },
};
const now = new Date('2026-11-23T10:00:00.000Z');

describe('readStoredSession', () => {
  it('reads back a stored session', () => {
    expect(readStoredSession(serializeSession(session), now)).toEqual(session);
  });

  it('forgets an expired session', () => {
    expect(readStoredSession(serializeSession(session), new Date('2026-11-23T18:00:00Z'))).toBe(
      null,
    );
  });

  it('ignores nothing stored, broken JSON and the wrong shape', () => {
    expect(readStoredSession(null, now)).toBe(null);
    expect(readStoredSession('{"token":', now)).toBe(null);
    expect(readStoredSession(JSON.stringify({ token: 'x' }), now)).toBe(null);
  });
});
