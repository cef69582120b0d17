import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { z } from 'zod';
import type { SigningKeyRepository } from './signing-key-repository.ts';

export const SIGNING_ALGORITHM = 'ES256' as const;

export type PrivateSigningKey = Awaited<ReturnType<typeof importJWK>>;

export interface PublicJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
  kid: string;
  alg: typeof SIGNING_ALGORITHM;
  use: 'sig';
}

/** The key the cloud signs with, and the public keys it publishes and accepts. */
export interface SigningKeys {
  kid: string;
  privateKey: PrivateSigningKey;
  jwks: { keys: PublicJwk[] };
}

const publicJwkSchema = z
  .object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string(), y: z.string() })
  .loose();
const privateJwkSchema = publicJwkSchema.extend({ d: z.string() });

/**
 * Loads the active signing keys, generating and storing a first ES256 pair when there
 * is none, so that tokens survive restarts. The newest active key signs.
 */
export async function loadSigningKeys(
  repository: SigningKeyRepository,
  { now = () => new Date() }: { now?: () => Date } = {},
): Promise<SigningKeys> {
  let active = await repository.listActive();
  if (active.length === 0) {
    await repository.insert(await generateStoredKey(now()));
    active = await repository.listActive();
  }
  const newest = active.at(-1);
  if (newest === undefined) throw new Error('no signing key could be stored');
  const privateJwk = privateJwkSchema.parse(newest.privateJwk);
  const privateKey = await importJWK(privateJwk, SIGNING_ALGORITHM);
  if (privateKey instanceof Uint8Array) throw new Error('an EC JWK cannot import as a secret');
  return {
    kid: newest.kid,
    privateKey,
    jwks: {
      keys: active.map((key) => {
        const { kty, crv, x, y } = publicJwkSchema.parse(key.publicJwk);
        return { kty, crv, x, y, kid: key.kid, alg: SIGNING_ALGORITHM, use: 'sig' };
      }),
    },
  };
}

async function generateStoredKey(createdAt: Date) {
  const pair = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
  const publicJwk: JWK = await exportJWK(pair.publicKey);
  const privateJwk: JWK = await exportJWK(pair.privateKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return { kid, publicJwk: { ...publicJwk }, privateJwk: { ...privateJwk }, createdAt };
}
