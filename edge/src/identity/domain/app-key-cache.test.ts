import { createProof, newId, signPass } from '@vitrine/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createOrganisationKey,
  type EnrolledApp,
  enrolApp,
  type OrganisationKey,
} from '../../../test/support/passes.ts';
import { createAppKeyCache } from './app-key-cache.ts';
import { importKeySet } from './key-set.ts';
import { createReplayCache } from './replay-cache.ts';
import { verifyPresence } from './verify-presence.ts';

const STORE = 'sto_tokyo-ginza';
const NOW = Date.parse('2026-11-23T10:00:10Z');

let organisation: OrganisationKey;
let phone: EnrolledApp;
let otherPhone: EnrolledApp;
beforeAll(async () => {
  organisation = await createOrganisationKey();
  const issuedAt = Math.floor(NOW / 1000) - 60;
  phone = await enrolApp(organisation, { issuedAt });
  otherPhone = await enrolApp(organisation, { issuedAt });
});

describe('app key cache', () => {
  it('imports a phone’s key once and hands the same key back for its next pass', () => {
    const cache = createAppKeyCache();
    const first = cache.keyOf(phone.claims.cnf.jwk);
    expect(first).toBeDefined();
    expect(cache.keyOf({ ...phone.claims.cnf.jwk })).toBe(first);
    expect(cache.keyOf(otherPhone.claims.cnf.jwk)).not.toBe(first);
    expect(cache.size).toBe(2);
  });

  it('refuses a point off the curve and remembers nothing of it', () => {
    const cache = createAppKeyCache();
    const { x } = phone.claims.cnf.jwk;
    expect(cache.keyOf({ kty: 'EC', crv: 'P-256', x, y: x })).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('lets the least recently used key go when full', () => {
    const cache = createAppKeyCache({ maxEntries: 1 });
    const first = cache.keyOf(phone.claims.cnf.jwk);
    cache.keyOf(otherPhone.claims.cnf.jwk);
    expect(cache.size).toBe(1);
    expect(cache.keyOf(phone.claims.cnf.jwk)).not.toBe(first);
  });

  it('verifies a renewed pass with the known key, and still refuses another phone’s proof', async () => {
    const keys = await importKeySet({ keys: [organisation.jwk] });
    const appKeys = createAppKeyCache();
    const context = { storeId: STORE, now: NOW, keys, revoked: new Set<string>(), appKeys };
    const replay = createReplayCache();
    const present = (pass: string, app: EnrolledApp) =>
      createProof({ pass, appPrivateKey: app.app.privateKey, storeId: STORE, now: NOW }).then(
        (proof) => verifyPresence({ pass, proof, replay, ...context }),
      );
    expect((await present(phone.pass, phone)).ok).toBe(true);
    const renewedClaims = { ...phone.claims, jti: newId('pass') };
    const renewed = await signPass({
      claims: renewedClaims,
      privateKey: organisation.privateKey,
      kid: organisation.kid,
    });
    expect(await present(renewed, phone)).toMatchObject({
      ok: true,
      identity: { passId: renewedClaims.jti },
    });
    expect(appKeys.size).toBe(1);
    expect(await present(renewed, otherPhone)).toMatchObject({
      ok: false,
      reason: 'forged_signature',
    });
  });
});
