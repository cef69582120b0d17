import { type ProfileSyncItem, profileSyncPageSchema } from '@vitrine/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from './support/sync-helpers.ts';
import { createTestCloud, loginAs, type TestCloud } from './support/test-app.ts';

const PARIS = 'sto_paris-rivoli';
const TOKYO = 'sto_tokyo-ginza';
const allConsent = { tracking: true, marketing: true, profiling: true };

describe('profile sync feed', () => {
  let cloud: TestCloud;
  let api: ReturnType<typeof createCaller>;
  let admin: string;
  let camille: string;
  const edge: Record<string, string> = {};

  beforeAll(async () => {
    cloud = await createTestCloud({ customers: 50 });
    api = createCaller(cloud);
    admin = await loginAs(cloud, 'admin@vitrine.demo');
    camille = await loginAs(cloud, 'camille@vitrine.demo');
    edge[PARIS] = await api.edgeToken(admin, PARIS);
    edge[TOKYO] = await api.edgeToken(admin, TOKYO);
  }, 60_000);
  afterAll(() => cloud?.close());

  async function page(storeId: string, since: string, limit = 500) {
    const response = await api.call(
      `/v1/stores/${storeId}/sync/profiles?since=${encodeURIComponent(since)}&limit=${limit}`,
      { token: edge[storeId] },
    );
    expect(response.status).toBe(200);
    return api.read(response, profileSyncPageSchema);
  }

  async function snapshot(storeId: string, limit: number) {
    const items: ProfileSyncItem[] = [];
    let watermark = '0';
    let pages = 0;
    for (;;) {
      const next = await page(storeId, watermark, limit);
      items.push(...next.items);
      watermark = next.watermark;
      pages += 1;
      if (!next.more) return { items, watermark, pages };
    }
  }

  /** The selection computed independently, straight from the tables. */
  async function expectedSelection(storeId: string): Promise<string[]> {
    const result = await cloud.database.db.execute<{ id: string }>(sql`
      select c.id from customers c
      where c.home_store_id = ${storeId} or c.tier in ('gold', 'platinum')
         or c.id in (select customer_id from purchases
                     where store_id = ${storeId} and purchased_at >= '2025-11-01T09:00:00Z')
      order by c.id`);
    const rows = Array.isArray(result) ? result : (result as { rows: { id: string }[] }).rows;
    return rows.map((row) => row.id);
  }

  it('pages a snapshot of exactly the store selection, each customer once', async () => {
    const { items, watermark, pages } = await snapshot(PARIS, 7);
    const ids = items.map((item) => (item.kind === 'upsert' ? item.profile.id : item.customerId));
    expect(pages).toBeGreaterThan(1);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(await expectedSelection(PARIS));
    expect(items.every((item) => item.kind === 'upsert')).toBe(true);
    expect(watermark).toMatch(/^\d+$/);
  });

  it('leaves out preferences, notes and history of customers without profiling consent', async () => {
    const { items } = await snapshot(PARIS, 500);
    const profiles = items.flatMap((item) => (item.kind === 'upsert' ? [item.profile] : []));
    const withheld = profiles.filter((profile) => !profile.consent.profiling);
    expect(withheld.length).toBeGreaterThan(0);
    for (const profile of withheld) {
      expect(profile).toMatchObject({ preferences: [], notes: '', recentPurchases: [] });
    }
    expect(profiles.some((profile) => profile.recentPurchases.length > 0)).toBe(true);
  });

  it('brings each store the changes that concern it, and every erasure', async () => {
    const paris = (await snapshot(PARIS, 500)).watermark;
    const tokyo = (await snapshot(TOKYO, 500)).watermark;
    expect(await page(PARIS, paris)).toEqual({ items: [], watermark: paris, more: false });

    const registered = await api.call(`/v1/stores/${PARIS}/customers`, {
      token: camille,
      method: 'POST',
      body: {
        firstName: 'Léa',
        lastName: 'Nouvelle',
        email: 'lea@example.org',
        consent: allConsent,
      },
    });
    expect(registered.status).toBe(201);
    const newId = ((await registered.json()) as { id: string }).id;
    const consent = await api.call('/v1/customers/cus_000001/consent', {
      token: admin,
      method: 'PUT',
      body: { tracking: false, marketing: true, profiling: false },
    });
    expect(consent.status).toBe(200);
    const erased = await api.call('/v1/customers/cus_000002', { token: admin, method: 'DELETE' });
    expect(erased.status).toBe(204);

    const parisDelta = await page(PARIS, paris);
    expect(parisDelta.more).toBe(false);
    expect(parisDelta.items).toEqual([
      expect.objectContaining({ kind: 'upsert', profile: expect.objectContaining({ id: newId }) }),
      expect.objectContaining({
        kind: 'upsert',
        profile: expect.objectContaining({
          id: 'cus_000001',
          consent: { tracking: false, marketing: true, profiling: false },
          preferences: [],
          recentPurchases: [],
        }),
      }),
      { kind: 'erase', customerId: 'cus_000002' },
    ]);
    // A Paris newcomer is none of Tokyo's business (Tokyo is told to drop any copy it
    // holds); the platinum client and the erasure are.
    const tokyoDelta = await page(TOKYO, tokyo);
    expect(tokyoDelta.items).toEqual([
      { kind: 'remove', customerId: newId },
      expect.objectContaining({ kind: 'upsert' }),
      { kind: 'erase', customerId: 'cus_000002' },
    ]);
    expect(await page(PARIS, parisDelta.watermark)).toEqual({
      items: [],
      watermark: parisDelta.watermark,
      more: false,
    });

    const paged = await page(PARIS, paris, 1);
    expect(paged.more).toBe(true);
    expect(paged.items).toHaveLength(1);
  });

  it('serves a store its own feed only', async () => {
    const foreign = await api.call(`/v1/stores/${PARIS}/sync/profiles?since=0`, {
      token: edge[TOKYO],
    });
    expect(foreign.status).toBe(403);
    const associate = await api.call(`/v1/stores/${PARIS}/sync/profiles?since=0`, {
      token: camille,
    });
    expect(associate.status).toBe(403);
    const anonymous = await api.call(`/v1/stores/${PARIS}/sync/profiles?since=0`);
    expect(anonymous.status).toBe(401);
    for (const query of ['since=abc', 'since=1:nobody', 'limit=0', 'limit=5000']) {
      const bad = await api.call(`/v1/stores/${PARIS}/sync/profiles?${query}`, {
        token: edge[PARIS],
      });
      expect(bad.status, query).toBe(400);
      const body = (await bad.json()) as { error: { fields: { path: string }[] } };
      expect(body.error.fields.map((field) => field.path)).toContain(query.split('=')[0]);
    }
  });
});
