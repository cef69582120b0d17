import {
  type AppPublicJwk,
  type IssuedPass,
  issuedPassSchema,
  newId,
  type PassClaims,
  signPass,
  TOKEN_ISSUER,
} from '@vitrine/shared';
import { calculateJwkThumbprint } from 'jose';
import type { SigningKeys } from '../auth/signing-keys.ts';
import type { PassRepository, PassSubject } from './pass-repository.ts';

/** A pass lasts a year; a lost phone is handled by revocation, not by a short life. */
export const PASS_TTL_SECONDS = 365 * 24 * 60 * 60;

export interface PassToIssue {
  organisationId: string;
  subject: PassSubject;
  appPublicKey: AppPublicJwk;
  /** The staff user who enrolled the app, or `customer` when the customer did. */
  issuedBy: string;
  at: Date;
  ttlSeconds?: number;
}

/**
 * Signs a pass for the customer with the organisation's current key, bound to the app
 * key, and records it (for listing, revocation and audit): in store or from the card.
 */
export async function issuePass(
  { passes, keys }: { passes: PassRepository; keys: SigningKeys },
  {
    organisationId,
    subject,
    appPublicKey,
    issuedBy,
    at,
    ttlSeconds = PASS_TTL_SECONDS,
  }: PassToIssue,
): Promise<IssuedPass> {
  const privateKey = keys.privateKey;
  if (privateKey instanceof Uint8Array) throw new Error('the signing key is not an EC key');
  const { kty, crv, x, y } = appPublicKey;
  const issuedAt = Math.floor(at.getTime() / 1000);
  const claims: PassClaims = {
    iss: TOKEN_ISSUER,
    aud: 'vitrine-pass',
    jti: newId('pass'),
    sub: subject.id,
    org: organisationId,
    tier: subject.tier,
    consent: subject.consent,
    iat: issuedAt,
    exp: issuedAt + ttlSeconds,
    cnf: { jwk: { kty, crv, x, y } },
  };
  const kid = keys.kid;
  const pass = await signPass({ claims, privateKey, kid });
  await passes.insert({
    id: claims.jti,
    organisationId,
    customerId: subject.id,
    appPublicJwk: { kty, crv, x, y },
    appKeyThumbprint: await calculateJwkThumbprint({ kty, crv, x, y }),
    kid,
    issuedBy,
    issuedAt: new Date(issuedAt * 1000),
    expiresAt: new Date(claims.exp * 1000),
  });
  return issuedPassSchema.parse({
    passId: claims.jti,
    customerId: subject.id,
    pass,
    kid,
    issuedAt: new Date(issuedAt * 1000).toISOString(),
    expiresAt: new Date(claims.exp * 1000).toISOString(),
  });
}
