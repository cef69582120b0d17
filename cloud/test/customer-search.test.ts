import { customerProfileSchema, customerSearchResultSchema } from '@vitrine/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomerRepository } from '../src/customers/customer-repository.ts';
import { problemSchema } from '../src/http/problem.ts';
import { createCaller } from './support/sync-helpers.ts';
import { createTestCloud, loginStaff, type TestCloud } from './support/test-app.ts';

const consent = { tracking: true, marketing: true, profiling: true };

describe('finding a client by name, email or phone', () => {
  let cloud: TestCloud;
  let api: ReturnType<typeof createCaller>;
  let tokens: Record<'admin' | 'marketer' | 'aiko' | 'camille', string>;
  let tokyoClientId = '';

  beforeAll(async () => {
    cloud = await createTestCloud({ customers: 30 });
    api = createCaller(cloud);
    tokens = await loginStaff(cloud, ['admin', 'marketer', 'aiko', 'camille']);
    // A client of Tokyo, registered there, whom Paris must find.
    const registered = await api.call('/v1/stores/sto_tokyo-ginza/customers', {
      token: tokens.aiko,
      method: 'POST',
      body: {
        firstName: 'Élodie',
        lastName: 'Brûlé-Sato',
        email: 'elodie.brule@example.jp',
        phone: '090-4321-8765',
        consent,
      },
    });
    expect(registered.status).toBe(201);
    tokyoClientId = (await api.read(registered, customerProfileSchema)).id;
    // More namesakes than one answer holds.
    await createCustomerRepository(cloud.database.db).insertCustomers(
      Array.from({ length: 25 }, (_, index) => ({
        id: `cus_namesake-${String(index).padStart(2, '0')}`,
        organisationId: cloud.manifest.organisationId,
        firstName: 'Quentin',
        lastName: `Quillard ${index}`,
        tier: 'member' as const,
        currency: 'EUR',
        homeStoreId: 'sto_paris-rivoli',
      })),
    );
  }, 60_000);
  afterAll(() => cloud?.close());

  async function search(q: string, { store = 'sto_paris-rivoli', token = tokens.camille } = {}) {
    return api.call(`/v1/stores/${store}/customers/search?q=${encodeURIComponent(q)}`, { token });
  }

  async function found(q: string) {
    const response = await search(q);
    expect(response.status).toBe(200);
    return api.read(response, customerSearchResultSchema);
  }

  it('finds a client of another store by the start of a name, whatever the case and accents', async () => {
    for (const q of ['elodie', 'ÉLO', 'brule', 'Brûlé-s', 'elo bru', 'bru elo']) {
      const result = await found(q);
      expect(result.matchedOn, q).toBe('name');
      expect(
        result.items.map((item) => item.id),
        q,
      ).toEqual([tokyoClientId]);
    }
    const [card] = (await found('elodie')).items;
    expect(card).toEqual({
      id: tokyoClientId,
      firstName: 'Élodie',
      lastName: 'Brûlé-Sato',
      tier: 'member',
      homeStoreId: 'sto_tokyo-ginza',
      homeStoreName: expect.any(String),
      email: 'e•••@example.jp',
      phone: '+•••••••••765',
    });
  });

  it('matches a name only at the start of a word, and takes % and _ literally', async () => {
    expect((await found('odie')).items).toEqual([]);
    expect((await found('%%')).items).toEqual([]);
    expect((await found('__odie')).items).toEqual([]);
  });

  it('finds a client by email after normalisation, or by its dots and +tag', async () => {
    for (const q of [' Elodie.Brule@Example.JP ', 'elodiebrule+shop@example.jp']) {
      const result = await found(q);
      expect(result.matchedOn).toBe('email');
      expect(result.items.map((item) => item.id)).toEqual([tokyoClientId]);
    }
    expect((await found('someone.else@example.jp')).items).toEqual([]);
  });

  it('finds a client by phone written internationally, or nationally in another country', async () => {
    for (const q of ['+81 90 4321 8765', '0081-90-4321-8765', '090 4321 8765']) {
      const result = await found(q);
      expect(result.matchedOn, q).toBe('phone');
      expect(
        result.items.map((item) => item.id),
        q,
      ).toEqual([tokyoClientId]);
    }
    expect((await found('+81 90 0000 0000')).items).toEqual([]);
  });

  it('gives at most 20 matches', async () => {
    const result = await found('quentin quil');
    expect(result.items).toHaveLength(20);
    expect(result.items.every((item) => item.firstName === 'Quentin')).toBe(true);
  });

  it('refuses a query shorter than 2 characters, naming q', async () => {
    for (const q of ['', ' e ']) {
      const response = await search(q);
      expect(response.status).toBe(400);
      const body = await api.read(response, problemSchema);
      expect(body.error.fields?.map((field) => field.path)).toContain('q');
    }
  });

  it("refuses an associate searching from another store's path, and a marketer", async () => {
    const other = await search('elodie', { store: 'sto_tokyo-ginza' });
    expect(other.status).toBe(403);
    expect((await search('elodie', { token: tokens.marketer })).status).toBe(403);
    expect((await api.call('/v1/stores/sto_paris-rivoli/customers/search?q=elodie')).status).toBe(
      401,
    );
  });

  it("answers an admin and the store's edge device", async () => {
    expect((await search('elodie', { token: tokens.admin })).status).toBe(200);
    const edge = await api.edgeToken(tokens.admin, 'sto_paris-rivoli');
    expect((await search('elodie', { token: edge })).status).toBe(200);
  });
});
