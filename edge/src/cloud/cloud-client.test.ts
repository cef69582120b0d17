import { describe, expect, it } from 'vitest';
import { createCloudClient } from './cloud-client.ts';

const LOGIN = {
  token: 'token',
  expiresAt: '2026-12-02T20:00:00.000Z',
  subject: {
    id: 'asc_aiko',
    name: 'Aiko',
    role: 'associate',
    organisationId: 'org_demo',
    storeId: 'sto_paris',
  },
};

/** A cloud that answers every request after `delayMs`, as one under load does. */
function slowCloud(delayMs: number): typeof globalThis.fetch {
  return async (input, init) => {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, delayMs);
      init?.signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(init.signal?.reason);
      });
    });
    const path = new URL(String(input)).pathname;
    return path === '/v1/auth/login'
      ? Response.json(LOGIN)
      : Response.json({ error: { code: 'not_found', message: 'no' } }, { status: 404 });
  };
}

describe('cloud client deadlines', () => {
  it('gives a login longer than the lookup deadline of an arrival', async () => {
    const cloud = createCloudClient({
      baseUrl: 'http://cloud.test',
      token: 'device',
      timeoutMs: 100,
      fetch: slowCloud(400),
    });
    const lookup = await cloud.fetchProfile('cus_000001');
    expect(lookup).toMatchObject({ outcome: 'failed', reason: 'timeout' });
    const login = await cloud.login({ email: 'aiko@vitrine.demo', password: 'vitrine-demo' });
    expect(login).toMatchObject({ outcome: 'ok', login: { token: 'token' } });
  });
});
