import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '@vitrine/shared';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createJoseTokenVerifier } from './token-verifier.ts';

async function keyPair(kid: string) {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256' } };
}

function sign(
  privateKey: Parameters<SignJWT['sign']>[0],
  kid: string,
  claims: Record<string, unknown>,
  expiresIn = '5m',
) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setSubject(String(claims.sub ?? 'asc_1'))
    .setExpirationTime(expiresIn)
    .sign(privateKey);
}

const associate = {
  sub: 'asc_aiko',
  org: 'org_maison-demo',
  role: 'associate',
  store: 'sto_tokyo-ginza',
  name: 'Aiko',
};

describe('token verifier with a local key set', async () => {
  const trusted = await keyPair('trusted');
  const verifier = createJoseTokenVerifier({ keys: createLocalJWKSet({ keys: [trusted.jwk] }) });

  it('accepts a token of the key set and parses its claims', async () => {
    const result = await verifier.verify(await sign(trusted.privateKey, 'trusted', associate));
    expect(result).toEqual({ ok: true, claims: associate });
  });

  it('names why a token is refused', async () => {
    const stranger = await keyPair('trusted');
    const cases: [string, Promise<string> | string][] = [
      ['token expired', sign(trusted.privateKey, 'trusted', associate, '-1s')],
      ['bad signature', sign(stranger.privateKey, 'trusted', associate)],
      ['unknown signing key', sign(trusted.privateKey, 'other', associate)],
      ['invalid claims', sign(trusted.privateKey, 'trusted', { ...associate, store: 'tokyo' })],
      ['malformed token', 'a.b.c'],
    ];
    for (const [reason, token] of cases) {
      expect(await verifier.verify(await token), reason).toEqual({ ok: false, reason });
    }
  });
});
