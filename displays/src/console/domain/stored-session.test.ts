import { describe, expect, it } from 'vitest';
import { readStoredSession } from './stored-session.ts';

const session = {
  token: 'eyJ.token',
  expiresAt: '2026-12-02T20:00:00.000Z',
  subject: {
    id: 'usr_marketer',
    name: 'Margot Marketer',
    role: 'marketer',
    organisationId: 'org_maison-demo',
    storeId: null,
  },
};

describe('the stored session', () => {
  it('is valid until it expires, then expired', () => {
    const text = JSON.stringify(session);
    expect(readStoredSession(text, new Date('2026-12-02T19:59:59Z'))).toEqual({
      kind: 'valid',
      session,
    });
    expect(readStoredSession(text, new Date('2026-12-02T20:00:00Z'))).toEqual({ kind: 'expired' });
  });

  it('counts as none when missing, not JSON, or not a session', () => {
    const now = new Date('2026-12-02T10:00:00Z');
    expect(readStoredSession(null, now)).toEqual({ kind: 'none' });
    expect(readStoredSession('{', now)).toEqual({ kind: 'none' });
    expect(readStoredSession(JSON.stringify({ ...session, token: 42 }), now)).toEqual({
      kind: 'none',
    });
  });
});
