import { decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import type { SigningKeyRepository, StoredSigningKey } from './signing-key-repository.ts';
import { loadSigningKeys } from './signing-keys.ts';
import {
  createTokenService,
  EDGE_TOKEN_TTL_SECONDS,
  PERSON_TOKEN_TTL_SECONDS,
} from './token-service.ts';

function memoryKeyRepository(): SigningKeyRepository {
  const keys: StoredSigningKey[] = [];
  return {
    listActive: async () => keys.filter((key) => key.retiredAt === null),
    insert: async (key) => {
      keys.push({ ...key, retiredAt: null });
    },
    retire: async () => {},
  };
}

const associate = {
  sub: 'asc_aiko',
  org: 'org_maison-demo',
  role: 'associate',
  store: 'sto_tokyo-ginza',
  name: 'Aiko Tanaka',
} as const;

describe('token service', () => {
  it('generates a key once and reuses it on the next start', async () => {
    const repository = memoryKeyRepository();
    const first = await loadSigningKeys(repository);
    const second = await loadSigningKeys(repository);
    expect(second.kid).toBe(first.kid);
    expect(second.jwks).toEqual(first.jwks);
  });

  it('signs ES256 tokens whose claims verify back', async () => {
    const keys = await loadSigningKeys(memoryKeyRepository());
    const tokens = createTokenService({ keys, now: () => new Date('2026-01-01T00:00:00Z') });
    const { token, expiresAt } = await tokens.issue(associate, PERSON_TOKEN_TTL_SECONDS);
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'ES256', kid: keys.kid });
    expect(expiresAt.toISOString()).toBe('2026-01-01T12:00:00.000Z');
    await expect(tokens.verify(token)).resolves.toEqual(associate);
  });

  it('refuses a token once the clock passes its expiry', async () => {
    const keys = await loadSigningKeys(memoryKeyRepository());
    let now = new Date('2026-01-01T00:00:00Z');
    const tokens = createTokenService({ keys, now: () => now });
    const { token } = await tokens.issue(
      { ...associate, role: 'edge', sub: 'dev_1' },
      EDGE_TOKEN_TTL_SECONDS,
    );
    now = new Date('2026-01-30T23:59:00Z');
    await expect(tokens.verify(token)).resolves.toMatchObject({ role: 'edge' });
    now = new Date('2026-01-31T00:00:01Z');
    await expect(tokens.verify(token)).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('refuses a token signed by another key or for another audience', async () => {
    const ours = createTokenService({ keys: await loadSigningKeys(memoryKeyRepository()) });
    const theirs = createTokenService({ keys: await loadSigningKeys(memoryKeyRepository()) });
    const foreign = await theirs.issue(associate, 60);
    await expect(ours.verify(foreign.token)).rejects.toMatchObject({ status: 401 });

    const keys = await loadSigningKeys(memoryKeyRepository());
    const other = createTokenService({ keys, audience: 'someone-else' });
    const { token } = await other.issue(associate, 60);
    await expect(createTokenService({ keys }).verify(token)).rejects.toMatchObject({ status: 401 });
  });

  it('refuses a well-signed token whose claims break the schema', async () => {
    const keys = await loadSigningKeys(memoryKeyRepository());
    const tokens = createTokenService({ keys });
    const { token } = await tokens.issue({ ...associate, store: 'not-a-store' }, 60);
    await expect(tokens.verify(token)).rejects.toThrow(/schema/);
  });
});
