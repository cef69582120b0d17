import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { screenIdSchema, storeIdSchema } from '@vitrine/shared';
import { decodeJwt, errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';

const ISSUER = 'vitrine-edge';
const AUDIENCE = 'vitrine-screen';
const KEY_FILE = 'screen-token.key';

const screenClaimsSchema = z.object({
  role: z.literal('screen'),
  store: storeIdSchema,
  screen: screenIdSchema,
});
export type ScreenClaims = z.infer<typeof screenClaimsSchema>;

export type ScreenTokenCheck =
  | { ok: true; claims: ScreenClaims }
  | { ok: false; status: 401 | 403; reason: string };

export interface ScreenTokens {
  issue(screenId: string): Promise<string>;
  check(token: string): Promise<ScreenTokenCheck>;
}

/**
 * The edge's own key for its screens' tokens, made once and kept in the data folder. The
 * cloud issues no screen credentials: a screen is paired with its edge, and replacing
 * this file withdraws every screen's token at once.
 */
export async function loadScreenKey(dataDir: string): Promise<Uint8Array> {
  const path = join(dataDir, KEY_FILE);
  try {
    return Buffer.from((await readFile(path, 'utf8')).trim(), 'base64url');
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
  }
  const key = randomBytes(32);
  await mkdir(dataDir, { recursive: true });
  await writeFile(path, key.toString('base64url'), { mode: 0o600, flag: 'wx' });
  return key;
}

/** Why a token that is not ours was refused: another kind of credential, or garbage. */
function refusalOf(token: string): ScreenTokenCheck {
  let role: unknown;
  try {
    role = decodeJwt(token).role;
  } catch {
    return { ok: false, status: 401, reason: 'malformed token' };
  }
  return typeof role === 'string' && role !== 'screen'
    ? { ok: false, status: 403, reason: `a token of role ${role} does not open screen routes` }
    : { ok: false, status: 401, reason: 'not a screen token of this edge' };
}

/**
 * Screen tokens of one store (HS256 under the edge's key). They do not expire: a screen
 * runs unattended for years; one that leaves the store is retired in the cloud and then
 * refused by the edge, whatever its token.
 */
export function createScreenTokens(storeId: string, key: Uint8Array): ScreenTokens {
  return {
    issue(screenId) {
      const claims: ScreenClaims = { role: 'screen', store: storeId, screen: screenId };
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .sign(key);
    },
    async check(token) {
      let payload: unknown;
      try {
        ({ payload } = await jwtVerify(token, key, {
          issuer: ISSUER,
          audience: AUDIENCE,
          algorithms: ['HS256'],
        }));
      } catch (error) {
        if (error instanceof errors.JWSSignatureVerificationFailed) {
          return { ok: false, status: 401, reason: 'bad signature' };
        }
        return refusalOf(token);
      }
      const claims = screenClaimsSchema.safeParse(payload);
      if (!claims.success) return { ok: false, status: 401, reason: 'invalid claims' };
      if (claims.data.store !== storeId) {
        return {
          ok: false,
          status: 403,
          reason: `a screen of ${claims.data.store}, not of ${storeId}`,
        };
      }
      return { ok: true, claims: claims.data };
    },
  };
}
