import { describe, expect, it } from 'vitest';
import { passIsFresh, readStoredCard } from './card-state.ts';

const NOW = Date.parse('2026-12-02T18:00:00Z');
const pass = {
  passId: 'pas_1',
  customerId: 'cus_1',
  pass: 'a.b.c',
  kid: 'k1',
  issuedAt: '2026-12-02T17:00:00Z',
  expiresAt: '2026-12-03T17:00:00Z',
};
const card = {
  organisationId: 'org_demo',
  session: { token: 't', expiresAt: '2026-12-02T19:00:00Z', customerId: 'cus_1' },
  pass,
  profile: null,
};

describe('the stored card', () => {
  it('is read back while its session lasts', () => {
    expect(readStoredCard(JSON.stringify(card), NOW)).toEqual(card);
  });

  it('is forgotten once the session has expired, or when unreadable', () => {
    expect(readStoredCard(JSON.stringify(card), Date.parse('2026-12-02T19:00:00Z'))).toBeNull();
    expect(readStoredCard('{', NOW)).toBeNull();
    expect(readStoredCard(JSON.stringify({ ...card, session: {} }), NOW)).toBeNull();
    expect(readStoredCard(null, NOW)).toBeNull();
  });
});

describe('a pass', () => {
  it('is fresh until a minute before it expires', () => {
    expect(passIsFresh(pass, NOW)).toBe(true);
    expect(passIsFresh(pass, Date.parse('2026-12-03T16:59:30Z'))).toBe(false);
    expect(passIsFresh(null, NOW)).toBe(false);
  });
});
