import { decodeLoyaltyQr, encodeLoyaltyQr, signPass } from '@vitrine/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createOrganisationKey,
  type EnrolledApp,
  enrolApp,
  type OrganisationKey,
  proofFor,
} from '../../../test/support/passes.ts';
import { createAppKeyCache } from './app-key-cache.ts';
import { importKeySet, type KeySet } from './key-set.ts';
import { createRateLimiter } from './rate-limiter.ts';
import { createReplayCache } from './replay-cache.ts';
import { createVerifiedPassCache } from './verified-pass-cache.ts';
import { type VerifyPresenceInput, verifyPresence } from './verify-presence.ts';

const STORE = 'sto_tokyo-ginza';
const NOW = Date.parse('2026-11-23T10:00:10Z');
const NOW_S = Math.floor(NOW / 1000);

interface Fixture {
  ours: OrganisationKey;
  foreign: OrganisationKey;
  keys: KeySet;
  app: EnrolledApp;
  other: EnrolledApp;
  expired: EnrolledApp;
  forged: EnrolledApp;
  alien: EnrolledApp;
}

let fx: Fixture;
beforeAll(async () => {
  const ours = await createOrganisationKey();
  const foreign = await createOrganisationKey();
  // Signed by a stranger's key under our kid: what a forger would try.
  const forgedKey = { ...foreign, kid: ours.kid };
  fx = {
    ours,
    foreign,
    keys: await importKeySet({ keys: [ours.jwk] }),
    app: await enrolApp(ours, { issuedAt: NOW_S - 60, passId: 'pas_app' }),
    other: await enrolApp(ours, { issuedAt: NOW_S - 60, passId: 'pas_other' }),
    expired: await enrolApp(ours, { issuedAt: NOW_S - 7200, expiresAt: NOW_S - 1 }),
    forged: await enrolApp(forgedKey, { issuedAt: NOW_S - 60 }),
    alien: await enrolApp(foreign, { issuedAt: NOW_S - 60, org: 'org_elsewhere' }),
  };
});

function context(overrides: Partial<VerifyPresenceInput> = {}) {
  return {
    storeId: STORE,
    now: NOW,
    keys: fx.keys,
    revoked: new Set<string>(),
    replay: createReplayCache(),
    ...overrides,
  };
}

/** Replaces one segment of a compact JWS. */
function withPayload(jws: string, edit: (claims: Record<string, unknown>) => void): string {
  const [header = '', payload = '', signature = ''] = jws.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  edit(claims);
  return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
}

interface Vector {
  name: string;
  /** Builds the pass and proof to present, and anything else that differs from a clean run. */
  make: () => Promise<{ pass: string; proof: string } & Partial<VerifyPresenceInput>>;
  expect: 'ok' | VerifyPresenceOutcome;
}
type VerifyPresenceOutcome = Exclude<
  Awaited<ReturnType<typeof verifyPresence>>,
  { ok: true }
>['reason'];

const vectors: Vector[] = [
  {
    name: 'a fresh proof with a valid pass',
    make: async () => ({ pass: fx.app.pass, proof: await proofFor(fx.app, STORE, NOW) }),
    expect: 'ok',
  },
  {
    name: 'a proof one step behind (phone clock 30 s slow)',
    make: async () => ({ pass: fx.app.pass, proof: await proofFor(fx.app, STORE, NOW - 30_000) }),
    expect: 'ok',
  },
  {
    name: 'a proof one step ahead (phone clock 30 s fast)',
    make: async () => ({ pass: fx.app.pass, proof: await proofFor(fx.app, STORE, NOW + 30_000) }),
    expect: 'ok',
  },
  {
    name: 'a pass signed by another key under our kid (forged signature)',
    make: async () => ({ pass: fx.forged.pass, proof: await proofFor(fx.forged, STORE, NOW) }),
    expect: 'forged_signature',
  },
  {
    name: 'a pass whose tier was edited after signing',
    make: async () => {
      const pass = withPayload(fx.app.pass, (claims) => {
        claims.tier = 'platinum';
        claims.sub = 'cus_000999';
      });
      return { pass, proof: await proofFor({ ...fx.app, pass }, STORE, NOW) };
    },
    expect: 'forged_signature',
  },
  {
    name: 'a proof signed by a key other than the pass holder’s',
    make: async () => ({
      pass: fx.app.pass,
      proof: await proofFor({ ...fx.other, pass: fx.app.pass }, STORE, NOW),
    }),
    expect: 'forged_signature',
  },
  {
    name: 'a proof bound to another pass',
    make: async () => ({
      pass: fx.app.pass,
      proof: await proofFor({ ...fx.app, pass: fx.other.pass }, STORE, NOW),
    }),
    expect: 'tampered',
  },
  {
    name: 'an expired pass',
    make: async () => ({ pass: fx.expired.pass, proof: await proofFor(fx.expired, STORE, NOW) }),
    expect: 'pass_expired',
  },
  {
    name: 'a proof for another store',
    make: async () => ({
      pass: fx.app.pass,
      proof: await proofFor(fx.app, 'sto_paris-rivoli', NOW),
    }),
    expect: 'wrong_store',
  },
  {
    name: 'a proof two steps old (skew beyond the window)',
    make: async () => ({ pass: fx.app.pass, proof: await proofFor(fx.app, STORE, NOW - 60_000) }),
    expect: 'stale_proof',
  },
  {
    name: 'a proof two steps ahead',
    make: async () => ({ pass: fx.app.pass, proof: await proofFor(fx.app, STORE, NOW + 60_000) }),
    expect: 'stale_proof',
  },
  {
    name: 'a truncated proof',
    make: async () => ({
      pass: fx.app.pass,
      proof: (await proofFor(fx.app, STORE, NOW)).slice(0, -10),
    }),
    expect: 'tampered',
  },
  {
    name: 'a truncated pass',
    make: async () => ({
      pass: fx.app.pass.slice(0, 120),
      proof: await proofFor(fx.app, STORE, NOW),
    }),
    expect: 'tampered',
  },
  {
    name: 'a pass of another organisation',
    make: async () => ({ pass: fx.alien.pass, proof: await proofFor(fx.alien, STORE, NOW) }),
    expect: 'unknown_key',
  },
  {
    name: 'a pass of another organisation, signed by a key the cloud shares with ours',
    make: async () => {
      const theirs = await enrolApp(fx.ours, { issuedAt: NOW_S - 60, org: 'org_elsewhere' });
      return {
        pass: theirs.pass,
        proof: await proofFor(theirs, STORE, NOW),
        organisationId: 'org_maison-demo',
      };
    },
    expect: 'wrong_organisation',
  },
  {
    name: 'a pass of our organisation at an edge that knows it',
    make: async () => ({
      pass: fx.app.pass,
      proof: await proofFor(fx.app, STORE, NOW),
      organisationId: 'org_maison-demo',
    }),
    expect: 'ok',
  },
  {
    name: 'a revoked pass',
    make: async () => ({
      pass: fx.app.pass,
      proof: await proofFor(fx.app, STORE, NOW),
      revoked: new Set(['pas_app']),
    }),
    expect: 'pass_revoked',
  },
  {
    name: 'an unsigned pass (alg none)',
    make: async () => {
      const [, payload] = fx.app.pass.split('.');
      const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'vitrine-pass+jwt' }));
      return {
        pass: `${header.toString('base64url')}.${payload}.`,
        proof: await proofFor(fx.app, STORE, NOW),
      };
    },
    expect: 'tampered',
  },
  {
    name: 'a pass signed by us whose app key is not a point of the curve',
    make: async () => {
      const { y } = fx.app.claims.cnf.jwk;
      const offCurve = `${y.slice(0, 20)}${y[20] === 'A' ? 'B' : 'A'}${y.slice(21)}`;
      const claims = {
        ...fx.app.claims,
        cnf: { jwk: { ...fx.app.claims.cnf.jwk, y: offCurve } },
      };
      const pass = await signPass({ claims, privateKey: fx.ours.privateKey, kid: fx.ours.kid });
      return { pass, proof: await proofFor({ ...fx.app, pass }, STORE, NOW) };
    },
    expect: 'tampered',
  },
  {
    name: 'the proof presented as the pass',
    make: async () => {
      const proof = await proofFor(fx.app, STORE, NOW);
      return { pass: proof, proof };
    },
    expect: 'tampered',
  },
];

// Once on a bare verifier, once with the edge's caches warm from the clean pass: a cache
// never turns a refusal into an acceptance.
describe.each([
  { caches: 'without caches', warm: false },
  { caches: 'with warm caches', warm: true },
])('verifyPresence vectors, $caches', ({ warm }) => {
  it.each(vectors)('$name → $expect', async (vector) => {
    const { pass, proof, ...overrides } = await vector.make();
    const caches = warm
      ? { passCache: createVerifiedPassCache(), appKeys: createAppKeyCache() }
      : {};
    if (warm) {
      const clean = { pass: fx.app.pass, proof: await proofFor(fx.app, STORE, NOW) };
      expect((await verifyPresence({ ...clean, ...context(), ...caches })).ok).toBe(true);
    }
    const verdict = await verifyPresence({ pass, proof, ...context(overrides), ...caches });
    if (vector.expect === 'ok') {
      expect(verdict).toMatchObject({ ok: true, identity: { customerId: 'cus_000001' } });
    } else {
      expect(verdict).toMatchObject({ ok: false, reason: vector.expect });
    }
  });
});

describe('verifyPresence with state', () => {
  it('carries the pass’s own claims into the identity', async () => {
    const verdict = await verifyPresence({
      pass: fx.app.pass,
      proof: await proofFor(fx.app, STORE, NOW),
      ...context(),
    });
    expect(verdict).toEqual({
      ok: true,
      identity: {
        customerId: 'cus_000001',
        passId: 'pas_app',
        organisationId: 'org_maison-demo',
        tier: 'platinum',
        consent: { tracking: true, marketing: true, profiling: true },
        passExpiresAt: fx.app.claims.exp * 1000,
      },
    });
  });

  it('refuses the same proof replayed one second later, and a rotated QR is fine', async () => {
    const shared = context();
    const proof = await proofFor(fx.app, STORE, NOW);
    const first = await verifyPresence({ pass: fx.app.pass, proof, ...shared });
    const replay = await verifyPresence({ pass: fx.app.pass, proof, ...shared, now: NOW + 1000 });
    const next = await verifyPresence({
      pass: fx.app.pass,
      proof: await proofFor(fx.app, STORE, NOW + 1000),
      ...shared,
      now: NOW + 1000,
    });
    expect([first.ok, replay.ok, next.ok]).toEqual([true, false, true]);
    expect(replay).toMatchObject({ reason: 'replayed_nonce', passId: 'pas_app' });
  });

  it('refuses a replay after the window as stale, not as a new proof', async () => {
    const shared = context();
    const proof = await proofFor(fx.app, STORE, NOW);
    await verifyPresence({ pass: fx.app.pass, proof, ...shared });
    const late = await verifyPresence({ pass: fx.app.pass, proof, ...shared, now: NOW + 90_000 });
    expect(late).toMatchObject({ ok: false, reason: 'stale_proof' });
  });

  it('limits a flood from one pass without touching another', async () => {
    const shared = context({ rateLimiter: createRateLimiter({ burst: 3, perMinute: 6 }) });
    const reasons: string[] = [];
    for (let i = 0; i < 6; i++) {
      const verdict = await verifyPresence({
        pass: fx.app.pass,
        proof: await proofFor(fx.app, STORE, NOW),
        ...shared,
      });
      reasons.push(verdict.ok ? 'ok' : verdict.reason);
    }
    expect(reasons).toEqual(['ok', 'ok', 'ok', 'rate_limited', 'rate_limited', 'rate_limited']);
    const other = await verifyPresence({
      pass: fx.other.pass,
      proof: await proofFor(fx.other, STORE, NOW),
      ...shared,
    });
    expect(other.ok).toBe(true);
    const later = await verifyPresence({
      pass: fx.app.pass,
      proof: await proofFor(fx.app, STORE, NOW + 10_000),
      ...shared,
      now: NOW + 10_000,
    });
    expect(later.ok).toBe(true);
  });

  it('accepts passes of every published key, and refuses them once the key is retired', async () => {
    const rotated = await importKeySet({ keys: [fx.ours.jwk, fx.foreign.jwk] });
    const passCache = createVerifiedPassCache();
    const alien = await verifyPresence({
      pass: fx.alien.pass,
      proof: await proofFor(fx.alien, STORE, NOW),
      ...context({ keys: rotated, passCache }),
    });
    expect(alien.ok).toBe(true);
    expect(passCache.size).toBe(1);
    const retired = await verifyPresence({
      pass: fx.alien.pass,
      proof: await proofFor(fx.alien, STORE, NOW),
      ...context({ passCache }),
    });
    expect(retired).toMatchObject({ ok: false, reason: 'unknown_key' });
  });

  it('still checks expiry and revocation on a cached pass', async () => {
    const passCache = createVerifiedPassCache();
    const ok = await verifyPresence({
      pass: fx.app.pass,
      proof: await proofFor(fx.app, STORE, NOW),
      ...context({ passCache }),
    });
    expect(ok.ok).toBe(true);
    const revoked = await verifyPresence({
      pass: fx.app.pass,
      proof: await proofFor(fx.app, STORE, NOW),
      ...context({ passCache, revoked: new Set(['pas_app']) }),
    });
    expect(revoked).toMatchObject({ reason: 'pass_revoked' });
    const later = fx.app.claims.exp * 1000 + 1;
    const expired = await verifyPresence({
      pass: fx.app.pass,
      proof: await proofFor(fx.app, STORE, later),
      ...context({ passCache, now: later }),
    });
    expect(expired).toMatchObject({ reason: 'pass_expired' });
  });

  it('verifies what a loyalty QR carries', async () => {
    const proof = await proofFor(fx.app, STORE, NOW);
    const text = encodeLoyaltyQr({ pass: fx.app.pass, proof });
    expect(text.length).toBeLessThan(1100);
    const decoded = decodeLoyaltyQr(text);
    if (!decoded.ok) throw new Error(decoded.detail);
    expect((await verifyPresence({ ...decoded.value, ...context() })).ok).toBe(true);
  });
});
