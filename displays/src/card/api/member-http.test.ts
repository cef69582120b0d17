import { describe, expect, it } from 'vitest';
import { createMemberHttp } from './member-http.ts';

/** A fetch that answers one response and records what it was asked. */
function answering(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init });
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { calls, fetch: fetch as typeof globalThis.fetch };
}

const session = { token: 't', expiresAt: '2026-12-02T19:00:00Z', customerId: 'cus_1' };

describe('the member API client', () => {
  it('posts the sign-in and parses the session', async () => {
    const { calls, fetch } = answering(200, session);
    const outcome = await createMemberHttp({ fetch }).login({
      organisationId: 'org_demo',
      email: 'a@example.com',
      password: 'x',
    });
    expect(outcome).toEqual({ ok: true, value: session });
    expect(calls[0]?.url).toBe('/v1/members/login');
    expect(calls[0]?.init?.method).toBe('POST');
  });

  it('gives a 400 back by the fields it names', async () => {
    const { fetch } = answering(400, {
      error: {
        code: 'validation_failed',
        message: 'invalid request',
        fields: [{ path: 'email', message: 'already enrolled' }],
      },
    });
    const outcome = await createMemberHttp({ fetch }).me('t');
    expect(outcome).toEqual({ ok: false, status: 400, errors: { email: 'already enrolled' } });
  });

  it('refuses an answer that is not what the schema says', async () => {
    const { fetch } = answering(200, { token: '' });
    const outcome = await createMemberHttp({ fetch }).me('t');
    expect(outcome).toMatchObject({
      ok: false,
      errors: { '': expect.stringMatching(/unreadable/) },
    });
  });

  it('sends the token and the organisation where they belong', async () => {
    const { calls, fetch } = answering(200, { items: [] });
    const http = createMemberHttp({ fetch });
    await http.invitations('tok');
    await http.stores('org_demo');
    expect(new Headers(calls[0]?.init?.headers).get('authorization')).toBe('Bearer tok');
    expect(calls[1]?.url).toBe('/v1/members/stores?organisationId=org_demo');
  });

  it('says so when the network is gone', async () => {
    const fetch = (async () => {
      throw new TypeError('offline');
    }) as typeof globalThis.fetch;
    const outcome = await createMemberHttp({ fetch }).me('t');
    expect(outcome).toMatchObject({ ok: false, status: 0 });
  });
});
