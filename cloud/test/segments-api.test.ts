import { audiencePreviewSchema, segmentPageSchema, storedSegmentSchema } from '@vitrine/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from '../src/http/problem.ts';
import {
  engagementCallers,
  GINZA,
  insertKnownCustomers,
  RIVOLI,
} from './support/engagement-helpers.ts';
import { createTestCloud, type TestCloud } from './support/test-app.ts';

let cloud: TestCloud;
let callers: Awaited<ReturnType<typeof engagementCallers>>;
const MARKER = 'known-audience';

beforeAll(async () => {
  cloud = await createTestCloud({ customers: 30 });
  callers = await engagementCallers(cloud);
  await insertKnownCustomers(cloud, MARKER, [
    {
      id: 'cus_known1',
      tier: 'platinum',
      lifetimeValue: 50_000,
      preferences: ['watches'],
      homeStoreId: GINZA,
      birthMonth: 11,
      visits: [
        { storeId: GINZA, daysAgo: 3 },
        { storeId: GINZA, daysAgo: 10 },
        { storeId: RIVOLI, daysAgo: 40 },
      ],
      latestCategories: ['watches'],
      olderCategories: ['silk'],
      invitedTo: ['evt_launch'],
    },
    {
      id: 'cus_known2',
      tier: 'gold',
      lifetimeValue: 8_000,
      preferences: ['silk', 'Watches'],
      homeStoreId: RIVOLI,
      birthMonth: 3,
      visits: [{ storeId: RIVOLI, daysAgo: 2 }],
      latestCategories: ['silk'],
      olderCategories: ['watches'],
    },
    {
      id: 'cus_known3',
      tier: 'silver',
      lifetimeValue: 1_200,
      preferences: [],
      homeStoreId: null,
      birthMonth: null,
      consent: { profiling: false, marketing: false },
    },
    {
      id: 'cus_known4',
      tier: 'member',
      lifetimeValue: 100,
      preferences: ['cameras'],
      homeStoreId: GINZA,
      birthMonth: 11,
      visits: [{ storeId: GINZA, daysAgo: 60 }],
      latestCategories: ['cameras'],
      consent: { profiling: true, marketing: false },
      invitedTo: ['evt_other'],
    },
  ]);
});
afterAll(async () => {
  await cloud?.close();
});

/** The known customers the condition selects, counted by the preview. */
async function sizeOf(condition: object, extra: Record<string, unknown> = {}) {
  const response = await callers.call('/v1/segments/preview', {
    token: callers.marketer,
    method: 'POST',
    body: {
      rule: {
        match: 'all',
        conditions: [{ field: 'preferences', op: 'includes-any', value: [MARKER] }, condition],
      },
      at: '2026-11-01T09:00:00Z',
      ...extra,
    },
  });
  expect(response.status).toBe(200);
  return (await callers.read(response, audiencePreviewSchema)).size;
}

describe('audience preview counted by the database', () => {
  it.each([
    ['tier at-least gold', { field: 'tier', op: 'at-least', value: 'gold' }, 2],
    ['tier not-in member', { field: 'tier', op: 'not-in', value: ['member'] }, 3],
    ['lifetime value ≥ 8000', { field: 'lifetimeValue', op: 'gte', value: 8000 }, 2],
    ['a preference, any case', { field: 'preferences', op: 'includes-any', value: ['WATCHES'] }, 2],
    [
      'all preferences',
      { field: 'preferences', op: 'includes-all', value: ['watches', 'silk'] },
      1,
    ],
    ['none of preferences', { field: 'preferences', op: 'includes-none', value: ['watches'] }, 2],
    ['home store not Ginza (or none)', { field: 'homeStore', op: 'not-in', value: [GINZA] }, 2],
    ['two visits or more', { field: 'visitCount', op: 'gte', value: 2 }, 1],
    ['at most one visit, never seen included', { field: 'visitCount', op: 'lte', value: 1 }, 3],
    ['never seen', { field: 'visitCount', op: 'eq', value: 0 }, 1],
    ['last visit within a week', { field: 'daysSinceLastVisit', op: 'lte', value: 7 }, 2],
    ['last visit a month ago or more', { field: 'daysSinceLastVisit', op: 'gte', value: 30 }, 1],
    [
      'latest purchase of watches',
      { field: 'lastPurchaseCategory', op: 'in', value: ['watches'] },
      1,
    ],
    [
      'latest purchase not watches',
      { field: 'lastPurchaseCategory', op: 'not-in', value: ['Watches'] },
      3,
    ],
    ['born in November', { field: 'birthdayMonth', op: 'in', value: [11] }, 2],
    ['invited to the launch', { field: 'eventInvitee', op: 'in', value: ['evt_launch'] }, 1],
    [
      'not invited to the launch',
      { field: 'eventInvitee', op: 'not-in', value: ['evt_launch'] },
      3,
    ],
  ] as const)('%s', async (_name, condition, expected) => {
    expect(await sizeOf(condition)).toBe(expected);
  });

  it('reads this-store and visits here at the store given', async () => {
    const home = { field: 'homeStore', op: 'in', value: ['this-store'] } as const;
    expect(await sizeOf(home, { storeId: GINZA })).toBe(2);
    expect(await sizeOf(home, { storeId: RIVOLI })).toBe(1);
    const once = { field: 'visitCount', op: 'eq', value: 1, scope: 'this-store' } as const;
    expect(await sizeOf(once, { storeId: RIVOLI })).toBe(2);
  });

  it('takes the current birthday month in the store’s time zone', async () => {
    const current = { field: 'birthdayMonth', op: 'is-current' } as const;
    // 20:00 UTC on 31 October is already 1 November in Tokyo.
    const at = '2026-10-31T20:00:00Z';
    expect(await sizeOf(current, { at, storeId: GINZA })).toBe(2);
    expect(await sizeOf(current, { at, storeId: RIVOLI })).toBe(0);
    expect(await sizeOf(current, { at })).toBe(0);
  });

  it('combines a group, and counts who may be chosen and who may receive offers', async () => {
    const response = await callers.call('/v1/segments/preview', {
      token: callers.admin,
      method: 'POST',
      body: {
        rule: {
          match: 'all',
          conditions: [{ field: 'preferences', op: 'includes-any', value: [MARKER] }],
          groups: [
            {
              match: 'any',
              conditions: [
                { field: 'tier', op: 'in', value: ['silver'] },
                { field: 'birthdayMonth', op: 'in', value: [11] },
              ],
            },
          ],
        },
      },
    });
    const preview = await callers.read(response, audiencePreviewSchema);
    expect(preview).toMatchObject({ size: 3, reachable: 2, marketable: 1, storeId: null });
  });

  it('names what it cannot answer: an unknown field, this-store without a store, an unknown store', async () => {
    const cases = [
      [
        { rule: { match: 'all', conditions: [{ field: 'zodiac', op: 'in', value: ['leo'] }] } },
        'rule.conditions.0.field',
      ],
      [
        {
          rule: {
            match: 'all',
            conditions: [{ field: 'homeStore', op: 'in', value: [GINZA, 'this-store'] }],
          },
        },
        'rule.conditions.0.value.1',
      ],
      [
        {
          rule: {
            match: 'any',
            groups: [
              {
                match: 'all',
                conditions: [{ field: 'visitCount', op: 'gte', value: 1, scope: 'this-store' }],
              },
            ],
          },
        },
        'rule.groups.0.conditions.0.scope',
      ],
      [
        {
          rule: { match: 'all', conditions: [{ field: 'tier', op: 'in', value: ['gold'] }] },
          storeId: 'sto_nowhere',
        },
        'storeId',
      ],
      [
        { rule: { match: 'all', conditions: [{ field: 'tier', op: 'near', value: 'gold' }] } },
        'rule.conditions.0.op',
      ],
    ] as const;
    for (const [body, path] of cases) {
      const response = await callers.call('/v1/segments/preview', {
        token: callers.marketer,
        method: 'POST',
        body,
      });
      expect(response.status, path).toBe(400);
      const problem = await callers.read(response, problemSchema);
      expect(
        problem.error.fields?.map((field) => field.path),
        path,
      ).toContain(path);
    }
  });
});

describe('segments', () => {
  const vip = {
    name: 'VIP Ginza regulars',
    rule: { match: 'all', conditions: [{ field: 'tier', op: 'at-least', value: 'gold' }] },
  };

  it('are created, read, replaced with a new version, listed by name and archived', async () => {
    const created = await callers.call('/v1/segments', {
      token: callers.marketer,
      method: 'POST',
      body: vip,
    });
    expect(created.status).toBe(201);
    const segment = await callers.read(created, storedSegmentSchema);
    expect(segment).toMatchObject({
      name: vip.name,
      version: 1,
      archivedAt: null,
      description: '',
    });
    expect(segment.rule.groups).toEqual([]);

    const read = await callers.call(`/v1/segments/${segment.id}`, { token: callers.admin });
    expect(await callers.read(read, storedSegmentSchema)).toEqual(segment);

    const replaced = await callers.call(`/v1/segments/${segment.id}`, {
      token: callers.marketer,
      method: 'PUT',
      body: { ...vip, name: 'VIP regulars', description: 'gold and platinum' },
    });
    expect(await callers.read(replaced, storedSegmentSchema)).toMatchObject({
      name: 'VIP regulars',
      version: 2,
    });

    const audience = await callers.call(`/v1/segments/${segment.id}/audience?storeId=${GINZA}`, {
      token: callers.marketer,
    });
    const size = await callers.read(audience, audiencePreviewSchema);
    expect(size.storeId).toBe(GINZA);
    expect(size.size).toBeGreaterThanOrEqual(2);

    const archived = await callers.call(`/v1/segments/${segment.id}/archive`, {
      token: callers.marketer,
      method: 'POST',
    });
    expect((await callers.read(archived, storedSegmentSchema)).archivedAt).not.toBeNull();
    const live = await callers.read(
      await callers.call('/v1/segments?q=regulars', { token: callers.marketer }),
      segmentPageSchema,
    );
    expect(live.items).toEqual([]);
    const all = await callers.read(
      await callers.call('/v1/segments?q=REGULARS&archived=all', { token: callers.marketer }),
      segmentPageSchema,
    );
    expect(all.items.map((item) => item.id)).toEqual([segment.id]);
  });

  it('pages by name with a cursor', async () => {
    for (const name of ['Page c', 'Page a', 'Page b']) {
      await callers.call('/v1/segments', {
        token: callers.marketer,
        method: 'POST',
        body: { ...vip, name },
      });
    }
    const first = await callers.read(
      await callers.call('/v1/segments?q=page&limit=2', { token: callers.marketer }),
      segmentPageSchema,
    );
    expect(first.items.map((item) => item.name)).toEqual(['Page a', 'Page b']);
    const next = await callers.call(`/v1/segments?q=page&limit=2&cursor=${first.nextCursor}`, {
      token: callers.marketer,
    });
    const second = await callers.read(next, segmentPageSchema);
    expect(second).toMatchObject({ items: [{ name: 'Page c' }], nextCursor: null });
    const bad = await callers.call('/v1/segments?cursor=nonsense', { token: callers.marketer });
    expect(bad.status).toBe(400);
    expect((await callers.read(bad, problemSchema)).error.fields?.[0]?.path).toBe('cursor');
  });

  it('refuses associates, edges and strangers, and names unknown segments', async () => {
    for (const token of [callers.associate, callers.ginzaEdge]) {
      expect((await callers.call('/v1/segments', { token })).status).toBe(403);
      expect(
        (await callers.call('/v1/segments/preview', { token, method: 'POST', body: vip })).status,
      ).toBe(403);
    }
    expect((await callers.call('/v1/segments')).status).toBe(401);
    const unknown = await callers.call('/v1/segments/seg_unknown', { token: callers.marketer });
    expect(unknown.status).toBe(404);
    const replaced = await callers.call('/v1/segments/seg_unknown', {
      token: callers.marketer,
      method: 'PUT',
      body: vip,
    });
    expect(replaced.status).toBe(404);
  });

  it('names the field of a bad segment', async () => {
    const response = await callers.call('/v1/segments', {
      token: callers.marketer,
      method: 'POST',
      body: { name: '', rule: { match: 'all' } },
    });
    expect(response.status).toBe(400);
    const paths = (await callers.read(response, problemSchema)).error.fields?.map(
      (field) => field.path,
    );
    expect(paths).toEqual(expect.arrayContaining(['name', 'rule.conditions']));
  });
});
