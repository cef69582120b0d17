import {
  consentRecordSchema,
  customerProfileSchema,
  duplicateCustomerProblemSchema,
} from '@vitrine/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from '../src/http/problem.ts';
import { createCaller } from './support/sync-helpers.ts';
import { createTestCloud, loginStaff, type TestCloud } from './support/test-app.ts';

const allConsent = { tracking: true, marketing: true, profiling: true };

describe('registration, consent and erasure', () => {
  let cloud: TestCloud;
  let api: ReturnType<typeof createCaller>;
  let tokens: Record<'admin' | 'marketer' | 'aiko' | 'camille', string>;

  beforeAll(async () => {
    cloud = await createTestCloud({ customers: 40 });
    api = createCaller(cloud);
    tokens = await loginStaff(cloud, ['admin', 'marketer', 'aiko', 'camille']);
  }, 60_000);
  afterAll(() => cloud?.close());

  async function profileOf(id: string) {
    const response = await api.call(`/v1/customers/${id}/profile`, { token: tokens.admin });
    return response.status === 200 ? api.read(response, customerProfileSchema) : null;
  }

  function register(storeId: string, body: unknown, token = tokens.camille) {
    return api.call(`/v1/stores/${storeId}/customers`, { token, method: 'POST', body });
  }

  it('registers a customer in store with the consent captured', async () => {
    const response = await register('sto_paris-rivoli', {
      firstName: 'Inès',
      lastName: 'Moreau',
      email: '  Ines.Moreau@Example.org ',
      phone: '06 12 34 56 78',
      preferences: ['silk scarves'],
      consent: { tracking: false, marketing: true, profiling: true },
    });
    expect(response.status).toBe(201);
    const profile = await api.read(response, customerProfileSchema);
    expect(profile).toMatchObject({
      firstName: 'Inès',
      email: 'ines.moreau@example.org',
      phone: '+33612345678',
      tier: 'member',
      currency: 'EUR',
      homeStoreId: 'sto_paris-rivoli',
      preferences: ['silk scarves'],
      consent: { tracking: false, marketing: true, profiling: true },
    });
    expect(await profileOf(profile.id)).not.toBeNull();
  });

  it('reports an exact duplicate by email, naming ids and names only, and creates nothing', async () => {
    const existing = await profileOf('cus_000003');
    if (existing?.email == null) throw new Error('seeded customer without email');
    const before = await api.call('/v1/customers?limit=200', { token: tokens.admin });
    const countBefore = ((await before.json()) as { items: unknown[] }).items.length;
    const response = await register('sto_paris-rivoli', {
      firstName: 'Someone',
      lastName: 'Else',
      email: ` ${existing.email.toUpperCase()} `,
      consent: allConsent,
    });
    expect(response.status).toBe(409);
    const body = await api.read(response, duplicateCustomerProblemSchema.strict());
    expect(body.error.candidates).toEqual([
      {
        id: 'cus_000003',
        name: `${existing.firstName} ${existing.lastName}`,
        matchedOn: 'email',
        match: 'exact',
      },
    ]);
    expect(JSON.stringify(body)).not.toContain(existing.email);
    const after = await api.call('/v1/customers?limit=200', { token: tokens.admin });
    expect(((await after.json()) as { items: unknown[] }).items.length).toBe(countBefore);
  });

  it('reports a near duplicate: dots and a +tag in the email', async () => {
    await register('sto_paris-rivoli', {
      firstName: 'Jean',
      lastName: 'Near',
      email: 'jean.near@example.org',
      consent: allConsent,
    });
    const response = await register('sto_paris-rivoli', {
      firstName: 'Jean',
      lastName: 'Near',
      email: 'jeannear+boutique@example.org',
      consent: allConsent,
    });
    expect(response.status).toBe(409);
    const body = await api.read(response, duplicateCustomerProblemSchema);
    expect(body.error.candidates).toMatchObject([{ matchedOn: 'email', match: 'near' }]);
  });

  it('finds a phone written nationally in the store of its country, and nearly with another prefix', async () => {
    const first = await register(
      'sto_tokyo-ginza',
      { firstName: 'Ren', lastName: 'Phone', phone: '+81 90 1234 5678', consent: allConsent },
      tokens.aiko,
    );
    expect(first.status).toBe(201);
    const { id } = await api.read(first, customerProfileSchema);
    const exact = await register(
      'sto_tokyo-ginza',
      { firstName: 'Ren', lastName: 'Twin', phone: '090-1234-5678', consent: allConsent },
      tokens.aiko,
    );
    expect(exact.status).toBe(409);
    expect((await api.read(exact, duplicateCustomerProblemSchema)).error.candidates).toEqual([
      { id, name: 'Ren Phone', matchedOn: 'phone', match: 'exact' },
    ]);
    const otherPrefix = await register('sto_paris-rivoli', {
      firstName: 'Ren',
      lastName: 'Cousin',
      phone: '+44 90 1234 5678',
      consent: allConsent,
    });
    expect(otherPrefix.status).toBe(409);
    expect(
      (await api.read(otherPrefix, duplicateCustomerProblemSchema)).error.candidates,
    ).toMatchObject([{ id, matchedOn: 'phone', match: 'near' }]);
  });

  it('names each invalid field', async () => {
    const cases = [
      { body: { firstName: 'A', lastName: 'B', email: 'a@b.example' }, field: 'consent' },
      {
        body: { firstName: 'A', lastName: 'B', email: 'a@b.example', consent: { tracking: true } },
        field: 'consent.marketing',
      },
      {
        body: {
          firstName: 'A',
          lastName: 'B',
          email: 'a@b.example',
          consent: { ...allConsent, tracking: 'yes' },
        },
        field: 'consent.tracking',
      },
      { body: { firstName: 'A', lastName: 'B', consent: allConsent }, field: 'email' },
      {
        body: { firstName: 'A', lastName: 'B', email: 'not-an-email', consent: allConsent },
        field: 'email',
      },
      {
        body: { firstName: 'A', lastName: 'B', phone: 'call me', consent: allConsent },
        field: 'phone',
      },
      { body: { lastName: 'B', email: 'a@b.example', consent: allConsent }, field: 'firstName' },
    ];
    for (const testCase of cases) {
      const response = await register('sto_paris-rivoli', testCase.body);
      expect(response.status, testCase.field).toBe(400);
      const body = await api.read(response, problemSchema);
      expect(body.error.fields?.map((field) => field.path)).toContain(testCase.field);
    }
    const notJson = await register('sto_paris-rivoli', '{"firstName":');
    expect(notJson.status).toBe(400);
  });

  it('lets only associates of the store and admins register', async () => {
    const body = { firstName: 'A', lastName: 'B', email: 'who@example.org', consent: allConsent };
    expect((await register('sto_tokyo-ginza', body, tokens.camille)).status).toBe(403);
    expect((await register('sto_paris-rivoli', body, tokens.marketer)).status).toBe(403);
    expect((await register('sto_paris-rivoli', body, '')).status).toBe(401);
  });

  it('records a consent change and shows it in the profile', async () => {
    const response = await api.call('/v1/customers/cus_000007/consent', {
      token: tokens.aiko,
      method: 'PUT',
      body: { tracking: false, marketing: false, profiling: false },
    });
    expect(response.status).toBe(200);
    expect(await api.read(response, consentRecordSchema)).toEqual({
      customerId: 'cus_000007',
      consent: { tracking: false, marketing: false, profiling: false },
    });
    expect((await profileOf('cus_000007'))?.consent.tracking).toBe(false);
    const missing = await api.call('/v1/customers/cus_999999/consent', {
      token: tokens.admin,
      method: 'PUT',
      body: allConsent,
    });
    expect(missing.status).toBe(404);
    const partial = await api.call('/v1/customers/cus_000007/consent', {
      token: tokens.admin,
      method: 'PUT',
      body: { tracking: true },
    });
    expect(partial.status).toBe(400);
    expect(
      (await api.read(partial, problemSchema)).error.fields?.map((field) => field.path),
    ).toEqual(['marketing', 'profiling']);
  });

  it('erases a customer for admins only, and the profile is gone', async () => {
    const forbidden = await api.call('/v1/customers/cus_000009', {
      token: tokens.aiko,
      method: 'DELETE',
    });
    expect(forbidden.status).toBe(403);
    const erased = await api.call('/v1/customers/cus_000009', {
      token: tokens.admin,
      method: 'DELETE',
    });
    expect(erased.status).toBe(204);
    expect(await profileOf('cus_000009')).toBeNull();
    const again = await api.call('/v1/customers/cus_000009', {
      token: tokens.admin,
      method: 'DELETE',
    });
    expect(again.status).toBe(404);
  });
});
