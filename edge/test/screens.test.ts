import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  buildTopic,
  createEnvelope,
  registeredScreenSchema,
  type ScreenInterrupt,
  screenPlayerContentSchema,
  storeContentFeedSchema,
} from '@vitrine/shared';
import { eq } from 'drizzle-orm';
import type { MqttClient } from 'mqtt';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ingestedEvents } from '../../cloud/src/db/schema-ingest.ts';
import { SEED_NOW } from '../../cloud/test/support/test-app.ts';
import { createScreenTokens } from '../src/screens/screen-tokens.ts';
import { connectPublisher } from './support/mqtt-helpers.ts';
import {
  connectPlayer,
  FLOOR,
  LOUNGE,
  type ScreenCloud,
  type ScreenEdge,
  STORE,
  screenRunNames,
  screenTokensOf,
  startScreenCloud,
  startScreenEdge,
} from './support/screen-store.ts';
import { settle, waitFor } from './support/wait.ts';

let cloud: ScreenCloud;
let store: ScreenEdge;
let publisher: MqttClient;
const token = { floor: '', lounge: '', unregistered: '', otherEdge: '' };
const item = { window: '', card: '', campaignOnly: '' };
const sockets: Socket[] = [];
const { suffix, floorScreen: FLOOR_SCREEN, loungeScreen: LOUNGE_SCREEN } = screenRunNames();

const problemSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string() })).optional(),
  }),
});
const problemOf = async (response: Response) => problemSchema.parse(await response.json()).error;
const contentOf = async (response: Response) =>
  screenPlayerContentSchema.parse(await response.json());

const edgeUrl = () => store.edge.httpUrl;
const get = (path: string, bearer?: string, headers: Record<string, string> = {}) =>
  fetch(`${edgeUrl()}${path}`, {
    headers: { ...headers, ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
  });

function connectScreen(bearer: string) {
  const received: ScreenInterrupt[] = [];
  const versions: string[] = [];
  const socket = connectPlayer(store, bearer);
  sockets.push(socket);
  socket.on('interrupt', (interrupt) => received.push(interrupt));
  socket.on('content', ({ version }) => versions.push(version));
  const hello = new Promise<unknown>((resolve, reject) => {
    socket.once('hello', resolve);
    socket.once('connect_error', reject);
  });
  return { socket, received, versions, hello };
}

function zoneMessage(zoneId: string, contentId: string, extra: Record<string, unknown> = {}) {
  return JSON.stringify(
    createEnvelope(
      STORE,
      {
        storeId: STORE,
        zoneId,
        contentId,
        campaignId: 'cmp_window-welcome',
        segmentId: null,
        holdS: 15,
        issuedAt: new Date().toISOString(),
        ...extra,
      },
      { at: new Date() },
    ),
  );
}

beforeAll(async () => {
  cloud = await startScreenCloud({ screens: { [FLOOR_SCREEN]: FLOOR, [LOUNGE_SCREEN]: LOUNGE } });
  item.window = await cloud.addItem({
    kind: 'image',
    name: 'Window',
    url: 'https://cdn.example.com/window.jpg',
  });
  item.card = await cloud.addItem({
    kind: 'product-card',
    name: 'Q3',
    product: { sku: 'CAM-LQ3' },
  });
  await cloud.addPlaylist({
    name: `Floor ${suffix}`,
    target: { kind: 'screen', screenId: FLOOR_SCREEN },
    entries: [
      { contentId: item.window, shareOfVoice: 60 },
      { contentId: item.card, shareOfVoice: 40 },
    ],
  });
  // An item only a campaign plays: in no playlist, it reaches the edge with the campaigns.
  item.campaignOnly = await cloud.addItem({
    kind: 'image',
    name: 'Counter card',
    url: 'https://cdn.example.com/counter.jpg',
  });
  await cloud.api.call('/v1/campaigns', {
    token: cloud.tokens.marketer,
    method: 'POST',
    body: {
      name: `Counter card ${suffix}`,
      status: 'active',
      trigger: { kind: 'zone-enter' },
      audience: { kind: 'everyone' },
      schedule: { from: '2026-01-01' },
      targets: { stores: [STORE] },
      actions: [{ kind: 'screen-content', contentId: item.campaignOnly, holdS: 20 }],
    },
  });
  store = await startScreenEdge(cloud.url, cloud.edgeToken);
  const tokens = await screenTokensOf(store);
  token.floor = await tokens.issue(FLOOR_SCREEN);
  token.lounge = await tokens.issue(LOUNGE_SCREEN);
  token.unregistered = await tokens.issue('screen-nowhere');
  token.otherEdge = await createScreenTokens(STORE, new Uint8Array(32).fill(7)).issue(FLOOR_SCREEN);
  publisher = await connectPublisher(store.edge.mqttUrl, `campaigns-${suffix}`);
}, 120_000);

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await publisher?.endAsync();
  await store?.edge.stop();
  await cloud?.close();
});

describe('content sync from the cloud', () => {
  it('keeps the store content feed in <dataDir>/content and serves a screen its own', async () => {
    const content = await waitFor(
      async () => {
        const response = await get('/screen/api/content', token.floor);
        return response.status === 200
          ? screenPlayerContentSchema.parse(await response.json())
          : undefined;
      },
      { what: 'the floor screen content', timeoutMs: 10_000 },
    );
    expect(content.screen).toMatchObject({ id: FLOOR_SCREEN, zoneId: FLOOR });
    expect(content.timeZone).toBe('Europe/Paris');
    expect(content.playlists.map((playlist) => playlist.name)).toContain(`Floor ${suffix}`);
    expect(content.items.map((entry) => entry.id).sort()).toEqual([item.card, item.window].sort());
    const onDisk = z
      .object({ feed: storeContentFeedSchema, codes: z.record(z.string(), z.string()) })
      .parse(JSON.parse(await readFile(join(store.dataDir, 'content', 'content.json'), 'utf8')));
    expect(content.version.startsWith(`${onDisk.feed.version}.`)).toBe(true);
    // The product card's QR: the cloud's signed content code for its product.
    expect(content.codes['CAM-LQ3']).toMatch(/^VC1:/);
    expect(onDisk.codes['CAM-LQ3']).toBe(content.codes['CAM-LQ3']);

    const lounge = screenPlayerContentSchema.parse(
      await (await get('/screen/api/content', token.lounge)).json(),
    );
    expect(lounge.playlists.some((playlist) => playlist.name === `Floor ${suffix}`)).toBe(false);
  });

  it('answers 304 to a screen that holds the current version', async () => {
    const first = await get('/screen/api/content', token.floor);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^".+"$/);
    expect((await get('/screen/api/content', token.floor, { 'if-none-match': etag })).status).toBe(
      304,
    );
  });

  it('takes a change made in the cloud at the next sync and tells the screens', async () => {
    const floor = connectScreen(token.floor);
    await floor.hello;
    const before = (await contentOf(await get('/screen/api/content', token.floor))).version;
    const added = await cloud.addItem({
      kind: 'html-card',
      name: 'Evening',
      title: 'Tonight',
      html: '<p>Master class at 19:00</p>',
    });
    await cloud.addPlaylist({
      name: `Floor evening ${suffix}`,
      target: { kind: 'zone', zoneId: FLOOR },
      priority: 10,
      entries: [{ contentId: added, shareOfVoice: 100 }],
    });
    const version = await waitFor(() => floor.versions.find((v) => v !== before), {
      what: 'a new content version pushed',
      timeoutMs: 10_000,
    });
    const content = screenPlayerContentSchema.parse(
      await (await get('/screen/api/content', token.floor)).json(),
    );
    expect(content.version.startsWith(`${version}.`)).toBe(true);
    expect(content.items.map((entry) => entry.id)).toContain(added);
  });

  it('serves the last content from disk when restarted with the cloud away', async () => {
    const held = (await contentOf(await get('/screen/api/content', token.floor))).version;
    const offline = await startScreenEdge('http://127.0.0.1:9', cloud.edgeToken, {
      dataDir: store.dataDir,
    });
    try {
      const response = await fetch(`${offline.edge.httpUrl}/screen/api/content`, {
        headers: { authorization: `Bearer ${token.floor}` },
      });
      expect(response.status).toBe(200);
      expect(screenPlayerContentSchema.parse(await response.json()).version).toBe(held);
    } finally {
      await offline.edge.stop();
    }
  });
});

describe('screen authentication', () => {
  it('refuses the screen routes without a token, or with a token of another edge (401)', async () => {
    expect((await get('/screen/api/content')).status).toBe(401);
    const forged = await get('/screen/api/content', token.otherEdge);
    expect(forged.status).toBe(401);
    expect((await problemOf(forged)).code).toBe('unauthorized');
  });

  it('refuses an associate token on the screen routes (403), saying why', async () => {
    const response = await get('/screen/api/content', cloud.tokens.associate);
    expect(response.status).toBe(403);
    expect((await problemOf(response)).message).toBe(
      'a token of role associate does not open screen routes',
    );
  });

  it('refuses a screen token on the associate routes (401)', async () => {
    const response = await get('/api/alerts/recent', token.floor);
    expect(response.status).toBe(401);
    expect((await problemOf(response)).code).toBe('unauthorized');
  });

  it('refuses a token of a screen the store has not registered (403)', async () => {
    const response = await get('/screen/api/content', token.unregistered);
    expect(response.status).toBe(403);
    expect((await problemOf(response)).message).toMatch(/screen-nowhere is not registered/);
  });

  it('refuses the socket to an associate token', async () => {
    const refused = connectScreen(cloud.tokens.associate);
    await expect(refused.hello).rejects.toThrow(/forbidden: a token of role associate/);
  });
});

describe('zone screen messages relayed to the screens', () => {
  it('sends an interrupt to the screens of its zone only', async () => {
    const floor = connectScreen(token.floor);
    const lounge = connectScreen(token.lounge);
    expect(await floor.hello).toEqual({ storeId: STORE, screenId: FLOOR_SCREEN, zoneId: FLOOR });
    await lounge.hello;
    const topic = buildTopic('zoneScreen', { store: STORE, zone: FLOOR });
    // The relay subscribes in the background: publish until it has.
    const interrupt = await waitFor(
      async () => {
        await publisher.publishAsync(topic, zoneMessage(FLOOR, item.card), { qos: 1 });
        await settle(100);
        return floor.received[0];
      },
      { what: 'the interrupt on the floor screen', timeoutMs: 10_000 },
    );
    expect(interrupt.message).toMatchObject({ zoneId: FLOOR, contentId: item.card, holdS: 15 });
    expect(interrupt.item).toMatchObject({ id: item.card, kind: 'product-card' });
    await settle();
    expect(lounge.received).toEqual([]);
  });

  it('relays an item that only a campaign plays, from the engagement catalogue', async () => {
    const floor = connectScreen(token.floor);
    await floor.hello;
    const topic = buildTopic('zoneScreen', { store: STORE, zone: FLOOR });
    const interrupt = await waitFor(
      async () => {
        await publisher.publishAsync(topic, zoneMessage(FLOOR, item.campaignOnly), { qos: 1 });
        await settle(100);
        return floor.received[0];
      },
      { what: 'the campaign item on the floor screen', timeoutMs: 15_000 },
    );
    expect(interrupt.item).toMatchObject({ id: item.campaignOnly, kind: 'image' });
  });

  it('tells the cloud a connected player is alive', async () => {
    const lastSeen = await waitFor(
      async () => {
        const response = await cloud.api.call(`/v1/stores/${STORE}/screens/${FLOOR_SCREEN}`, {
          token: cloud.tokens.admin,
        });
        const screen = registeredScreenSchema.parse(await response.json());
        return screen.lastSeenAt ?? undefined;
      },
      { what: 'the floor screen seen in the cloud' },
    );
    // The test cloud's clock stands at its seed instant.
    expect(lastSeen).toBe(SEED_NOW.toISOString());
  });

  it('drops, counts and never relays a message carrying a personal field', async () => {
    const lounge = connectScreen(token.lounge);
    await lounge.hello;
    const topic = buildTopic('zoneScreen', { store: STORE, zone: LOUNGE });
    await publisher.publishAsync(
      topic,
      zoneMessage(LOUNGE, item.window, { customerName: 'Élise Martin' }),
      { qos: 1 },
    );
    await waitFor(
      async () => {
        const metric = store.metrics.registry.getSingleMetric(
          'vitrine_edge_screen_interrupts_total',
        );
        const values = (await metric?.get())?.values ?? [];
        return (
          values.some((v) => v.labels.outcome === 'invalid_message' && v.value > 0) || undefined
        );
      },
      { what: 'the rejected message counted' },
    );
    expect(lounge.received).toEqual([]);
  });
});

describe('proof of play', () => {
  it('keeps the plays a screen sends and forwards them to the cloud once', async () => {
    const playId = `play-${suffix}`;
    const play = {
      playId,
      contentId: item.window,
      playlistId: null,
      campaignId: null,
      startedAt: new Date().toISOString(),
      durationMs: 10_000,
    };
    const send = () =>
      fetch(`${edgeUrl()}/screen/api/plays`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token.floor}`, 'content-type': 'application/json' },
        body: JSON.stringify({ plays: [play] }),
      });
    expect((await send()).status).toBe(202);
    // A player that lost the answer sends the same play again.
    expect((await send()).status).toBe(202);
    const rows = await waitFor(
      async () => {
        const rows = await cloud.cloud.database.db
          .select()
          .from(ingestedEvents)
          .where(eq(ingestedEvents.id, `screen-play:${playId}`));
        return rows.length > 0 ? rows : undefined;
      },
      { what: 'the play in the cloud', timeoutMs: 15_000 },
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.kind).toBe('screen-play');
    expect(rows[0]?.payload).toMatchObject({
      screenId: FLOOR_SCREEN,
      zoneId: FLOOR,
      durationMs: 10_000,
    });
  });

  it('answers 400 naming the field of a bad play', async () => {
    const response = await fetch(`${edgeUrl()}/screen/api/plays`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token.floor}`, 'content-type': 'application/json' },
      body: JSON.stringify({ plays: [{ playId: 'x', contentId: 'nope' }] }),
    });
    expect(response.status).toBe(400);
    const paths = (await problemOf(response)).fields?.map((field) => field.path);
    expect(paths).toEqual(expect.arrayContaining(['plays.0.playId', 'plays.0.contentId']));
  });
});
