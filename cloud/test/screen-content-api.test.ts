import {
  pageSchema,
  playlistSchema,
  screenContentItemSchema,
  screenScheduleSchema,
  storeContentFeedSchema,
} from '@vitrine/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from '../src/http/problem.ts';
import { createCaller } from './support/sync-helpers.ts';
import { createTestCloud, loginAs, type TestCloud } from './support/test-app.ts';

let cloud: TestCloud;
let api: ReturnType<typeof createCaller>;
const tokens: Record<string, string> = {};
const FLOOR = 'zon_paris-rivoli-floor';
const item: Record<string, string> = {};

async function fieldsOf(response: Response): Promise<string[]> {
  expect(response.status).toBe(400);
  const { error } = problemSchema.parse(await response.json());
  return (error.fields ?? []).map((field) => field.path);
}

const post = (path: string, body: unknown, token = tokens.marketer) =>
  api.call(path, { token, method: 'POST', body });

async function createItem(body: Record<string, unknown>): Promise<string> {
  const response = await post('/v1/content/items', body);
  expect(response.status).toBe(201);
  return (await api.read(response, screenContentItemSchema)).id;
}

const playlistDraft = (overrides: Record<string, unknown> = {}) => ({
  name: 'Floor loop',
  storeId: 'sto_paris-rivoli',
  target: { kind: 'zone', zoneId: FLOOR },
  entries: [
    { contentId: item.window, shareOfVoice: 50 },
    { contentId: item.film, shareOfVoice: 50 },
  ],
  ...overrides,
});

beforeAll(async () => {
  cloud = await createTestCloud({ customers: 5 });
  api = createCaller(cloud);
  for (const name of ['admin', 'marketer', 'camille']) {
    tokens[name] = await loginAs(cloud, `${name}@vitrine.demo`);
  }
  tokens.parisEdge = await api.edgeToken(tokens.admin ?? '', 'sto_paris-rivoli');
  tokens.tokyoEdge = await api.edgeToken(tokens.admin ?? '', 'sto_tokyo-ginza');
  for (const id of ['screen-floor', 'screen-old']) {
    const response = await post(
      '/v1/stores/sto_paris-rivoli/screens',
      { id, zoneId: FLOOR, orientation: 'landscape', resolution: { width: 1920, height: 1080 } },
      tokens.admin,
    );
    expect(response.status).toBe(201);
  }
  await api.call('/v1/stores/sto_paris-rivoli/screens/screen-old', {
    token: tokens.admin,
    method: 'DELETE',
  });
});

afterAll(async () => {
  await cloud?.close();
});

describe('content items', () => {
  it('adds images, videos, HTML and product cards of catalogue products', async () => {
    item.window = await createItem({
      kind: 'image',
      name: 'Window display',
      url: 'https://cdn.example.com/window.jpg',
    });
    item.film = await createItem({
      kind: 'video',
      name: 'Leica film',
      url: 'https://cdn.example.com/leica.mp4',
      durationS: 20,
    });
    item.card = await createItem({
      kind: 'product-card',
      name: 'Leica Q3 card',
      product: { sku: 'CAM-LQ3' },
    });
    item.evening = await createItem({
      kind: 'html-card',
      name: 'Private evening',
      title: 'Tonight',
      html: '<p>Master class at 19:00</p>',
      durationS: 15,
    });
    const response = await api.call(`/v1/content/items/${item.card}`, { token: tokens.admin });
    expect(await api.read(response, screenContentItemSchema)).toEqual({
      id: item.card,
      kind: 'product-card',
      name: 'Leica Q3 card',
      durationS: 10,
      product: { sku: 'CAM-LQ3' },
      showQr: true,
    });
  });

  it('answers 400 naming the field: a video without duration, an unknown SKU', async () => {
    expect(
      await fieldsOf(
        await post('/v1/content/items', {
          kind: 'video',
          name: 'Film',
          url: 'https://cdn.example.com/film.mp4',
        }),
      ),
    ).toEqual(['durationS']);
    expect(
      await fieldsOf(
        await post('/v1/content/items', {
          kind: 'product-card',
          name: 'Ghost',
          product: { sku: 'CAM-NONE' },
        }),
      ),
    ).toEqual(['product.sku']);
  });

  it('lists items by kind and name, a page at a time', async () => {
    const videos = await api.read(
      await api.call('/v1/content/items?kind=video', { token: tokens.marketer }),
      pageSchema(screenContentItemSchema),
    );
    expect(videos.items.map((one) => one.name)).toEqual(['Leica film']);
    const leica = await api.read(
      await api.call('/v1/content/items?q=leica&limit=1', { token: tokens.marketer }),
      pageSchema(screenContentItemSchema),
    );
    expect(leica.items).toHaveLength(1);
    expect(leica.nextCursor).not.toBeNull();
    const rest = await api.read(
      await api.call(`/v1/content/items?q=leica&limit=1&cursor=${leica.nextCursor}`, {
        token: tokens.marketer,
      }),
      pageSchema(screenContentItemSchema),
    );
    expect([...leica.items, ...rest.items].map((one) => one.name).sort()).toEqual([
      'Leica Q3 card',
      'Leica film',
    ]);
    expect(rest.nextCursor).toBeNull();
  });

  it('is a marketer’s or an admin’s: an associate and an edge are refused', async () => {
    for (const token of [tokens.camille, tokens.parisEdge]) {
      expect((await api.call('/v1/content/items', { token })).status).toBe(403);
    }
  });
});

describe('playlists', () => {
  it('schedules items on a zone and on a screen', async () => {
    const zone = await post('/v1/content/playlists', playlistDraft());
    expect(zone.status).toBe(201);
    expect(await api.read(zone, playlistSchema)).toMatchObject({
      priority: 50,
      dayparts: [],
      validFrom: null,
    });
    const evening = await post(
      '/v1/content/playlists',
      playlistDraft({
        name: 'Evening',
        target: { kind: 'screen', screenId: 'screen-floor' },
        priority: 80,
        entries: [{ contentId: item.evening, shareOfVoice: 100 }],
        dayparts: [{ days: ['tue'], start: '18:00', end: '20:00' }],
      }),
    );
    expect(evening.status).toBe(201);
  });

  it('answers 400 naming each field that does not hold', async () => {
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [
        {
          entries: [
            { contentId: item.window, shareOfVoice: 60 },
            { contentId: item.film, shareOfVoice: 60 },
          ],
        },
        ['entries'],
      ],
      [{ dayparts: [{ days: ['mon'], start: '18:00', end: '09:00' }] }, ['dayparts.0.end']],
      [{ target: { kind: 'zone', zoneId: 'zon_tokyo-ginza-floor' } }, ['target.zoneId']],
      [{ target: { kind: 'screen', screenId: 'screen-old' } }, ['target.screenId']],
      [
        {
          entries: [
            { contentId: item.window, shareOfVoice: 50 },
            { contentId: 'cnt_nowhere', shareOfVoice: 50 },
          ],
        },
        ['entries.1.contentId'],
      ],
      [{ validFrom: '2026-12-10', validUntil: '2026-12-01' }, ['validUntil']],
      [{ storeId: 'sto_nowhere' }, ['storeId']],
    ];
    for (const [overrides, fields] of cases) {
      expect(await fieldsOf(await post('/v1/content/playlists', playlistDraft(overrides)))).toEqual(
        fields,
      );
    }
  });

  it('lists playlists by store, screen or the item they play', async () => {
    const playing = await api.read(
      await api.call(`/v1/content/playlists?contentId=${item.evening}`, {
        token: tokens.marketer,
      }),
      pageSchema(playlistSchema),
    );
    expect(playing.items.map((one) => one.name)).toEqual(['Evening']);
    const tokyo = await api.read(
      await api.call('/v1/content/playlists?storeId=sto_tokyo-ginza', { token: tokens.marketer }),
      pageSchema(playlistSchema),
    );
    expect(tokyo.items).toEqual([]);
  });

  it('keeps an item a playlist plays', async () => {
    const response = await api.call(`/v1/content/items/${item.film}`, {
      token: tokens.marketer,
      method: 'DELETE',
    });
    expect(response.status).toBe(409);
  });
});

describe('a screen’s schedule', () => {
  const schedulePath = '/v1/stores/sto_paris-rivoli/screens/screen-floor/schedule';

  it('plays the zone’s loop, then the screen’s evening at 18:00 Paris time', async () => {
    // Tuesday 1 December 2026: 16:59:00 to 17:01:00 UTC is 17:59 to 18:01 in Paris.
    const response = await api.call(
      `${schedulePath}?from=2026-12-01T16:59:00Z&to=2026-12-01T17:01:00Z`,
      { token: tokens.marketer },
    );
    expect(response.status).toBe(200);
    const schedule = await api.read(response, screenScheduleSchema);
    expect(schedule.timeZone).toBe('Europe/Paris');
    const loop = schedule.entries.filter((entry) => entry.startsAt < '2026-12-01T17:00:00.000Z');
    // Half the airtime each: the 10 s image plays twice for each 20 s film.
    expect(loop.map((entry) => entry.contentId)).toEqual([
      item.window,
      item.window,
      item.film,
      item.window,
      item.window,
    ]);
    const evening = schedule.entries.filter(
      (entry) => entry.startsAt >= '2026-12-01T17:00:00.000Z',
    );
    expect(evening).toHaveLength(4);
    expect(new Set(evening.map((entry) => entry.contentId))).toEqual(new Set([item.evening]));
    expect(schedule.items.map((one) => one.id).sort()).toEqual(
      [item.window, item.film, item.evening].sort(),
    );
  });

  it('answers 400 for a period that ends before it starts or lasts over a week', async () => {
    for (const query of [
      'from=2026-12-01T17:00:00Z&to=2026-12-01T16:00:00Z',
      'from=2026-12-01T00:00:00Z&to=2026-12-09T00:00:00Z',
    ]) {
      expect(
        await fieldsOf(await api.call(`${schedulePath}?${query}`, { token: tokens.admin })),
      ).toEqual(['to']);
    }
  });

  it('has no schedule for a retired or unknown screen', async () => {
    for (const screen of ['screen-old', 'screen-nowhere']) {
      const response = await api.call(
        `/v1/stores/sto_paris-rivoli/screens/${screen}/schedule?from=2026-12-01T16:00:00Z&to=2026-12-01T17:00:00Z`,
        { token: tokens.admin },
      );
      expect(response.status).toBe(404);
    }
  });
});

describe('the content feed of a store’s edge', () => {
  const feedPath = '/v1/stores/sto_paris-rivoli/sync/content';

  it('carries the active screens, playlists and items, and answers 304 while unchanged', async () => {
    const response = await api.call(feedPath, { token: tokens.parisEdge });
    expect(response.status).toBe(200);
    const feed = await api.read(response, storeContentFeedSchema);
    expect(feed.screens.map((screen) => screen.id)).toEqual(['screen-floor']);
    expect(feed.playlists.map((playlist) => playlist.name).sort()).toEqual([
      'Evening',
      'Floor loop',
    ]);
    expect(feed.items.map((one) => one.id).sort()).toEqual(
      [item.window, item.film, item.evening].sort(),
    );
    expect(response.headers.get('etag')).toBe(`"${feed.version}"`);
    const again = await cloud.app.request(feedPath, {
      headers: {
        authorization: `Bearer ${tokens.parisEdge}`,
        'if-none-match': `"${feed.version}"`,
      },
    });
    expect(again.status).toBe(304);

    // A screen's heartbeat is health, not content: the version holds.
    await post('/v1/stores/sto_paris-rivoli/screens/screen-floor/heartbeat', {}, tokens.parisEdge);
    const afterHeartbeat = await api.read(
      await api.call(feedPath, { token: tokens.parisEdge }),
      storeContentFeedSchema,
    );
    expect(afterHeartbeat.version).toBe(feed.version);

    const edited = await api.call(`/v1/content/items/${item.window}`, {
      token: tokens.marketer,
      method: 'PUT',
      body: { kind: 'image', name: 'Window display', url: 'https://cdn.example.com/window-2.jpg' },
    });
    expect(edited.status).toBe(200);
    const changed = await api.read(
      await api.call(feedPath, { token: tokens.parisEdge }),
      storeContentFeedSchema,
    );
    expect(changed.version).not.toBe(feed.version);
  });

  it('is refused to another store’s edge and to a marketer', async () => {
    expect((await api.call(feedPath, { token: tokens.tokyoEdge })).status).toBe(403);
    expect((await api.call(feedPath, { token: tokens.marketer })).status).toBe(403);
  });

  it('drops a retired screen and its own playlists from the feed, its zone’s stay', async () => {
    const before = await api.read(
      await api.call(feedPath, { token: tokens.parisEdge }),
      storeContentFeedSchema,
    );
    await api.call('/v1/stores/sto_paris-rivoli/screens/screen-floor', {
      token: tokens.admin,
      method: 'DELETE',
    });
    const after = await api.read(
      await api.call(feedPath, { token: tokens.parisEdge }),
      storeContentFeedSchema,
    );
    expect(after.screens).toEqual([]);
    expect(after.playlists.map((playlist) => playlist.name)).toEqual(['Floor loop']);
    expect(after.items.map((one) => one.id).sort()).toEqual([item.window, item.film].sort());
    expect(after.version).not.toBe(before.version);
  });
});
