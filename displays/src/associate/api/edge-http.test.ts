import type { LoginResponse } from '@vitrine/shared';
import { describe, expect, it } from 'vitest';
import { alertFixture } from '../../../test/fixtures/arrival-alerts.ts';
import { fetchRecentAlerts, login } from './edge-http.ts';

const session: LoginResponse = {
  token: 'token-aiko',
  expiresAt: '2026-11-23T18:00:00.000Z',
  subject: {
    id: 'asc_aiko',
    name: 'Aiko Sato',
    role: 'associate',
    organisationId: 'org_maison-demo',
    storeId: 'sto_tokyo-ginza',
  },
};

/** A fetch that answers once with the given body and status, and records the request. */
function answer(status: number, body: unknown) {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push(new Request(new URL(String(input), 'http://edge.test'), init));
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(text, { status, headers: { 'content-type': 'application/json' } });
  };
  return { fetch, requests };
}

const credentials = { email: 'aiko@vitrine.demo', password: 'vitrine-demo' };

describe('login', () => {
  it('posts the credentials and returns the parsed session', async () => {
    const edge = answer(200, session);
    expect(await login(credentials, { fetch: edge.fetch })).toEqual({ ok: true, session });
    const request = edge.requests[0];
    expect(request?.method).toBe('POST');
    expect(new URL(request?.url ?? '').pathname).toBe('/api/login');
    expect(await request?.json()).toEqual(credentials);
  });

  it('shows the edge’s own message for a refused login', async () => {
    const edge = answer(403, {
      error: { code: 'forbidden', message: 'not an associate of this store' },
    });
    expect(await login(credentials, { fetch: edge.fetch })).toEqual({
      ok: false,
      message: 'not an associate of this store',
    });
  });

  it('explains a 502 without a readable body as the cloud being unreachable', async () => {
    const edge = answer(502, '<html>Bad gateway</html>');
    const outcome = await login(credentials, { fetch: edge.fetch });
    expect(outcome).toEqual({
      ok: false,
      message: 'The Vitrine cloud cannot be reached. Try again in a moment.',
    });
  });

  it('says the gateway is unreachable when the request itself fails', async () => {
    const fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const outcome = await login(credentials, { fetch });
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : outcome.message).toMatch(/store gateway cannot be reached/);
  });

  it('refuses a login answer of the wrong shape', async () => {
    const edge = answer(200, { token: 'x' });
    expect((await login(credentials, { fetch: edge.fetch })).ok).toBe(false);
  });

  it('refuses a subject that is not an associate', async () => {
    const edge = answer(200, {
      ...session,
      subject: { ...session.subject, role: 'marketer', storeId: null },
    });
    expect(await login(credentials, { fetch: edge.fetch })).toEqual({
      ok: false,
      message: 'This page is for store associates.',
    });
  });
});

describe('fetchRecentAlerts', () => {
  it('sends the token and keeps only alerts that pass the schema', async () => {
    const good = alertFixture();
    const edge = answer(200, { items: [good, { ...good, alertId: 'not-an-alert-id' }] });
    const outcome = await fetchRecentAlerts('token-aiko', { fetch: edge.fetch });
    expect(outcome).toEqual({ ok: true, alerts: [good], rejected: 1 });
    expect(edge.requests[0]?.headers.get('authorization')).toBe('Bearer token-aiko');
  });

  it('reports a rejected token with its status, for the page to sign out', async () => {
    const edge = answer(401, { error: { code: 'unauthorized', message: 'token expired' } });
    expect(await fetchRecentAlerts('old', { fetch: edge.fetch })).toEqual({
      ok: false,
      status: 401,
      message: 'token expired',
    });
  });

  it('reports a body without items as unreadable', async () => {
    const edge = answer(200, { alerts: [] });
    const outcome = await fetchRecentAlerts('token-aiko', { fetch: edge.fetch });
    expect(outcome.ok).toBe(false);
  });
});
