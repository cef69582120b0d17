import { storeSchema } from '@vitrine/shared';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createCloudClient } from './cloud-client.ts';

const answer = (status: number, body: unknown) => async () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('the cloud client', () => {
  it("sends the marketer's token and parses the answer with the schema", async () => {
    let seen = '';
    const client = createCloudClient({
      token: 'tok',
      onExpired: () => {},
      fetch: async (_url, init) => {
        seen = new Headers(init?.headers).get('authorization') ?? '';
        return answer(200, { items: [] })();
      },
    });
    expect(await client.get('/v1/stores', z.object({ items: z.array(storeSchema) }))).toEqual({
      ok: true,
      data: { items: [] },
    });
    expect(seen).toBe('Bearer tok');
  });

  it('maps a 400 to the fields it names', async () => {
    const client = createCloudClient({
      token: 'tok',
      onExpired: () => {},
      fetch: answer(400, {
        error: {
          code: 'validation_failed',
          message: 'invalid',
          fields: [{ path: 'audience.segmentId', message: 'no segment seg_x' }],
        },
      }),
    });
    const result = await client.send('POST', '/v1/campaigns', {}, z.unknown());
    expect(result).toEqual({
      ok: false,
      status: 400,
      message: 'invalid',
      fields: { 'audience.segmentId': 'no segment seg_x' },
    });
  });

  it('says the session expired on a 401, and refuses an answer that does not parse', async () => {
    let expired = 0;
    const refused = createCloudClient({
      token: 'old',
      onExpired: () => {
        expired += 1;
      },
      fetch: answer(401, { error: { code: 'unauthorized', message: 'token expired' } }),
    });
    expect(await refused.get('/v1/stores', z.unknown())).toMatchObject({ ok: false, status: 401 });
    expect(expired).toBe(1);
    const garbled = createCloudClient({
      token: 't',
      onExpired: () => {},
      fetch: answer(200, { items: 3 }),
    });
    expect(await garbled.get('/v1/stores', z.object({ items: z.array(z.string()) }))).toMatchObject(
      {
        ok: false,
        message: 'The cloud sent an unreadable answer to /v1/stores.',
      },
    );
  });

  it('says plainly when the cloud cannot be reached', async () => {
    const client = createCloudClient({
      token: 't',
      onExpired: () => {},
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    expect(await client.get('/v1/stores', z.unknown())).toMatchObject({ ok: false, status: 0 });
  });
});
