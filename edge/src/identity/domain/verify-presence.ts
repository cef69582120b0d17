import { createHash } from 'node:crypto';
import {
  type Consent,
  type IdentityRejection,
  PASS_TYP,
  PROOF_STEP_SECONDS,
  PROOF_TYP,
  passClaimsSchema,
  proofClaimsSchema,
  proofStep,
  type Tier,
} from '@vitrine/shared';
import { type AppKeyCache, importAppKey } from './app-key-cache.ts';
import type { KeySet } from './key-set.ts';
import type { RateLimiter } from './rate-limiter.ts';
import type { ReplayCache } from './replay-cache.ts';
import type { VerifiedPass, VerifiedPassCache } from './verified-pass-cache.ts';
import { type JwsStep, readCompactJws, refuse, verifiedClaims } from './verify-jws.ts';

/** Who the pass and proof prove is in the store: what a check-in carries on from here. */
export interface VerifiedIdentity {
  customerId: string;
  passId: string;
  /** The organisation that signed the pass: a content code of another one is refused. */
  organisationId: string;
  tier: Tier;
  consent: Consent;
  /** ms since the epoch. */
  passExpiresAt: number;
}

export type PresenceVerdict =
  /** `late`: the proof's step is past the live window but inside the edge's late window. */
  | { ok: true; identity: VerifiedIdentity; late?: true }
  | { ok: false; reason: IdentityRejection; detail: string; passId?: string };

export interface VerifyPresenceInput {
  pass: string;
  proof: string;
  /** The store of this edge: a proof for another store is refused. */
  storeId: string;
  /** The organisation of this edge, when known: a pass of another one is refused. */
  organisationId?: string | undefined;
  /** The edge's clock, ms since the epoch. */
  now: number;
  keys: KeySet;
  revoked: { has(passId: string): boolean };
  replay: ReplayCache;
  rateLimiter?: RateLimiter;
  passCache?: VerifiedPassCache;
  /** Imported app keys; without one, every new pass imports its key. */
  appKeys?: AppKeyCache;
  /** Steps of clock difference tolerated either way between phone and edge. */
  skewSteps?: number;
  stepSeconds?: number;
  /**
   * Steps outside the live window still accepted, as late (a check-in the broker held while
   * the edge was down); their nonces are remembered until `rememberUntil` (ms).
   */
  lateWindow?: LateWindow | null;
}

export interface LateWindow {
  fromStep: number;
  toStep: number;
  rememberUntil: number;
}

type Step<T> = JwsStep<T, IdentityRejection>;

/** The pass's organisation signature and claims: from the cache, or verified now. */
function verifyPass(
  pass: string,
  keys: KeySet,
  { passCache: cache, appKeys }: Pick<VerifyPresenceInput, 'passCache' | 'appKeys'>,
): Step<VerifiedPass> {
  const cached = cache?.get(pass);
  // A retired key takes its passes with it, cached or not.
  if (cached && keys.has(cached.kid)) return { ok: true, value: cached };
  const jws = readCompactJws(pass, PASS_TYP);
  if (!jws.ok) return jws;
  const kid = jws.value.kid;
  const key = kid === undefined ? undefined : keys.get(kid);
  if (kid === undefined || key === undefined) {
    return refuse('unknown_key', `no published organisation key ${kid ?? '(none named)'}`);
  }
  const payload = verifiedClaims(jws.value, key);
  if (!payload.ok) return payload;
  const claims = passClaimsSchema.safeParse(payload.value);
  if (!claims.success) return refuse('tampered', 'pass claims do not match the schema');
  const jwk = claims.data.cnf.jwk;
  const appKey = appKeys ? appKeys.keyOf(jwk) : importAppKey(jwk);
  if (appKey === undefined) return refuse('tampered', 'the app key does not import');
  // The same digest as the shared client's passHash (SHA-256, base64url), synchronously.
  const hash = createHash('sha256').update(pass).digest('base64url');
  const verified: VerifiedPass = { claims: claims.data, kid, passHash: hash, appKey };
  cache?.set(pass, verified);
  return { ok: true, value: verified };
}

/**
 * The edge's whole judgement of a pass and its proof, offline, with public keys only:
 * the organisation signed the pass, it has not expired nor been revoked, its holder is
 * not flooding, and its app key signed a fresh proof for this store, once.
 */
export async function verifyPresence({
  pass,
  proof,
  storeId,
  organisationId,
  now,
  keys,
  revoked,
  replay,
  rateLimiter,
  passCache,
  appKeys,
  skewSteps = 1,
  stepSeconds = PROOF_STEP_SECONDS,
  lateWindow = null,
}: VerifyPresenceInput): Promise<PresenceVerdict> {
  const verifiedPass = verifyPass(pass, keys, { passCache, appKeys });
  if (!verifiedPass.ok) return verifiedPass;
  const { claims, appKey } = verifiedPass.value;
  const passId = claims.jti;
  const fail = (reason: IdentityRejection, detail: string): PresenceVerdict => ({
    ok: false,
    reason,
    detail,
    passId,
  });
  if (organisationId !== undefined && claims.org !== organisationId) {
    return fail('wrong_organisation', `pass of ${claims.org}, this edge is of ${organisationId}`);
  }
  if (claims.exp * 1000 <= now) {
    return fail('pass_expired', `expired ${new Date(claims.exp * 1000).toISOString()}`);
  }
  if (revoked.has(passId)) return fail('pass_revoked', `${passId} is revoked`);
  if (rateLimiter && !rateLimiter.take(passId, now)) {
    return fail('rate_limited', `too many check-ins from ${passId}`);
  }

  const proofJws = readCompactJws(proof, PROOF_TYP);
  if (!proofJws.ok) return fail(proofJws.reason, `proof: ${proofJws.detail}`);
  const payload = verifiedClaims(proofJws.value, appKey);
  if (!payload.ok) return fail(payload.reason, `proof: ${payload.detail}`);
  const parsed = proofClaimsSchema.safeParse(payload.value);
  if (!parsed.success) return fail('tampered', 'proof claims do not match the schema');
  const proofClaims = parsed.data;
  if (proofClaims.passHash !== verifiedPass.value.passHash) {
    return fail('tampered', 'the proof is bound to another pass');
  }
  if (proofClaims.store !== storeId) {
    return fail('wrong_store', `proof for ${proofClaims.store}, this is ${storeId}`);
  }
  const { step } = proofClaims;
  const current = proofStep(now, stepSeconds);
  const late =
    Math.abs(step - current) > skewSteps &&
    lateWindow !== null &&
    step >= lateWindow.fromStep &&
    step <= lateWindow.toStep;
  if (Math.abs(step - current) > skewSteps && !late) {
    return fail('stale_proof', `step ${step}, edge at ${current} (±${skewSteps})`);
  }
  // Remembered until the step leaves the window: after that a replay is stale anyway.
  const liveUntil = (step + skewSteps + 1) * stepSeconds * 1000;
  const forgetAt = late ? Math.max(liveUntil, lateWindow?.rememberUntil ?? 0) : liveUntil;
  if (!replay.firstUse(`${passId}:${proofClaims.nonce}`, forgetAt, now)) {
    return fail('replayed_nonce', `nonce already used with ${passId}`);
  }
  const identity: VerifiedIdentity = {
    customerId: claims.sub,
    passId,
    organisationId: claims.org,
    tier: claims.tier,
    consent: claims.consent,
    passExpiresAt: claims.exp * 1000,
  };
  return late ? { ok: true, identity, late } : { ok: true, identity };
}
