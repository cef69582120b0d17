import {
  type AppKeyPair,
  type Consent,
  createAppKeyPair,
  createProof,
  newId,
  type OrganisationJwks,
  type PassClaims,
  signPass,
  type Tier,
} from '@vitrine/shared';
import { type CryptoKey, calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';

export interface OrganisationKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: OrganisationJwks['keys'][number];
}

/** An organisation signing key as the cloud keeps one: ES256, kid = JWK thumbprint. */
export async function createOrganisationKey(): Promise<OrganisationKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const { x, y } = await exportJWK(publicKey);
  if (!x || !y) throw new Error('not a P-256 key');
  const kid = await calculateJwkThumbprint({ kty: 'EC', crv: 'P-256', x, y });
  return {
    kid,
    privateKey,
    jwk: { kty: 'EC', crv: 'P-256', x, y, kid, alg: 'ES256', use: 'sig' },
  };
}

export interface TestPassOptions {
  customerId?: string;
  tier?: Tier;
  consent?: Consent;
  /** Seconds since the epoch. */
  issuedAt?: number;
  expiresAt?: number;
  passId?: string;
  org?: string;
}

export interface EnrolledApp {
  app: AppKeyPair;
  pass: string;
  claims: PassClaims;
}

/** A customer's app enrolled by `key`: its key pair and a pass naming it. */
export async function enrolApp(
  key: OrganisationKey,
  {
    customerId = 'cus_000001',
    tier = 'platinum',
    consent = { tracking: true, marketing: true, profiling: true },
    issuedAt = Math.floor(Date.now() / 1000) - 60,
    expiresAt = issuedAt + 30 * 24 * 3600,
    passId = newId('pass'),
    org = 'org_maison-demo',
  }: TestPassOptions = {},
): Promise<EnrolledApp> {
  const app = await createAppKeyPair();
  const claims: PassClaims = {
    iss: 'vitrine-cloud',
    aud: 'vitrine-pass',
    jti: passId,
    sub: customerId,
    org,
    tier,
    consent,
    iat: issuedAt,
    exp: expiresAt,
    cnf: { jwk: { kty: 'EC', crv: 'P-256', x: app.publicJwk.x, y: app.publicJwk.y } },
  };
  return {
    app,
    claims,
    pass: await signPass({ claims, privateKey: key.privateKey, kid: key.kid }),
  };
}

/** A fresh proof for the enrolled app. */
export function proofFor(
  enrolled: EnrolledApp,
  storeId: string,
  now: number | Date = Date.now(),
  nonce?: string,
): Promise<string> {
  return createProof({
    pass: enrolled.pass,
    appPrivateKey: enrolled.app.privateKey,
    storeId,
    now,
    ...(nonce ? { nonce } : {}),
  });
}
