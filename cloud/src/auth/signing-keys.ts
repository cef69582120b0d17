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
 * The signing keys as they change: rotation adds a new key that signs from then on and
 * keeps the previous ones published (tokens and passes they signed still verify) until
 * they are retired. Reads always see the current state.
 */
export interface KeyRing extends SigningKeys {
  /** Generates and stores a new key, which signs from now on; the others stay published. */
  rotate(): Promise<SigningKeys>;
  /** Stops publishing a key: what it signed no longer verifies. The signing key cannot be retired. */
  retire(kid: string): Promise<'retired' | 'unknown' | 'signing'>;
}

async function readActive(repository: SigningKeyRepository): Promise<SigningKeys> {
  const active = await repository.listActive();
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

/**
 * Loads the active signing keys, generating and storing a first ES256 pair when there
 * is none, so that tokens survive restarts. The newest active key signs.
 */
export async function loadSigningKeys(
  repository: SigningKeyRepository,
  { now = () => new Date() }: { now?: () => Date } = {},
): Promise<KeyRing> {
  if ((await repository.listActive()).length === 0) {
    await repository.insert(await generateStoredKey(now()));
  }
  let current = await readActive(repository);
  return {
    get kid() {
      return current.kid;
    },
    get privateKey() {
      return current.privateKey;
    },
    get jwks() {
      return current.jwks;
    },
    async rotate() {
      // Strictly after the newest key, so that "newest signs" holds even on a frozen clock.
      const latest = (await repository.listActive()).at(-1)?.createdAt.getTime() ?? 0;
      await repository.insert(
        await generateStoredKey(new Date(Math.max(now().getTime(), latest + 1))),
      );
      current = await readActive(repository);
      return current;
    },
    async retire(kid) {
      if (kid === current.kid) return 'signing';
      if (!current.jwks.keys.some((key) => key.kid === kid)) return 'unknown';
      await repository.retire(kid, now());
      current = await readActive(repository);
      return 'retired';
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
