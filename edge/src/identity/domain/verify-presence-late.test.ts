import { PROOF_STEP_SECONDS, proofStep } from '@vitrine/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createOrganisationKey,
  type EnrolledApp,
  enrolApp,
  proofFor,
} from '../../../test/support/passes.ts';
import { importKeySet, type KeySet } from './key-set.ts';
import { createReplayCache, type ReplayCache } from './replay-cache.ts';
import { type LateWindow, verifyPresence } from './verify-presence.ts';

const STORE = 'sto_tokyo-ginza';
const STEP_MS = PROOF_STEP_SECONDS * 1000;
// The edge was down from DOWN to UP (ten minutes); the broker held what came meanwhile.
const DOWN = Date.parse('2026-11-23T10:00:00Z');
const UP = DOWN + 10 * 60_000;
const window: LateWindow = {
  fromStep: proofStep(DOWN) - 1,
  toStep: proofStep(UP) + 1,
  rememberUntil: UP + 5 * 60_000,
};

let keys: KeySet;
let app: EnrolledApp;
beforeAll(async () => {
  const organisation = await createOrganisationKey();
  keys = await importKeySet({ keys: [organisation.jwk] });
  app = await enrolApp(organisation, {
    issuedAt: Math.floor(DOWN / 1000) - 60,
    passId: 'pas_late',
  });
});

async function verifyAt(now: number, signedAt: number, replay: ReplayCache, nonce?: string) {
  const proof = await proofFor(app, STORE, signedAt, nonce);
  return verifyPresence({
    pass: app.pass,
    proof,
    storeId: STORE,
    now,
    keys,
    revoked: new Set<string>(),
    replay,
    lateWindow: window,
  });
}

describe('a check-in proof verified after the edge was down', () => {
  it('is taken as late when its step lies in the downtime', async () => {
    const verdict = await verifyAt(UP + 20_000, DOWN + 4 * 60_000, createReplayCache());
    expect(verdict).toMatchObject({ ok: true, late: true, identity: { passId: 'pas_late' } });
  });

  it('is stale when signed before the edge went down, or without a late window', async () => {
    const before = await verifyAt(UP + 20_000, DOWN - 5 * STEP_MS, createReplayCache());
    expect(before).toMatchObject({ ok: false, reason: 'stale_proof' });
    const proof = await proofFor(app, STORE, DOWN + 60_000);
    const without = await verifyPresence({
      pass: app.pass,
      proof,
      storeId: STORE,
      now: UP + 20_000,
      keys,
      revoked: new Set<string>(),
      replay: createReplayCache(),
    });
    expect(without).toMatchObject({ ok: false, reason: 'stale_proof' });
  });

  it('is refused when replayed, for as long as the late window lasts', async () => {
    const replay = createReplayCache();
    const signedAt = DOWN + 2 * 60_000;
    expect(await verifyAt(UP + 1_000, signedAt, replay, 'latenoncelatenonce0001')).toMatchObject({
      ok: true,
    });
    // Long past the proof's own live window, still before the late window closes.
    const replayed = await verifyAt(UP + 4 * 60_000, signedAt, replay, 'latenoncelatenonce0001');
    expect(replayed).toMatchObject({ ok: false, reason: 'replayed_nonce' });
  });

  it('is not marked late while its step is still live', async () => {
    const verdict = await verifyAt(UP + 1_000, UP, createReplayCache());
    expect(verdict.ok && verdict.late).toBeFalsy();
    expect(verdict.ok).toBe(true);
  });
});
