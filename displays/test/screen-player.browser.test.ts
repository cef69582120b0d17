import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTopic, createEnvelope, screenPlaySchema } from '@vitrine/shared';
import { and, eq, sql } from 'drizzle-orm';
import { connectAsync } from 'mqtt';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { ingestedEvents } from '../../cloud/src/db/schema-ingest.ts';
import { createScreenTokens, loadScreenKey } from '../../edge/src/screens/screen-tokens.ts';
import {
  FLOOR,
  LOUNGE,
  type ScreenCloud,
  type ScreenEdge,
  STORE,
  startScreenCloud,
  startScreenEdge,
} from '../../edge/test/support/screen-store.ts';
import { describeInChromium, launchChromium } from './support/chromium.ts';

const SCREENSHOT = fileURLToPath(new URL('../../docs/screen-player.png', import.meta.url));
/** 11:59:20 in Paris on a Wednesday: the morning daypart, 40 s before the afternoon's. */
const START = new Date('2026-12-02T10:59:20.000Z');

/** Builds the player from the current sources into `<dir>/screen`, beside where the edge looks. */
async function buildPlayer(dir: string): Promise<void> {
  await build({
    configFile: fileURLToPath(new URL('../src/screen/vite.config.ts', import.meta.url)),
    logLevel: 'warn',
    build: { outDir: join(dir, 'screen'), emptyOutDir: true },
  });
}

/** A stand-in for the media CDN: two pictures, and nothing at any other path. */
async function startMediaServer(): Promise<{ url: string; server: Server }> {
  const picture = (fill: string, text: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1600 900"><rect width="1600" height="900" fill="${fill}"/><text x="800" y="470" font-size="90" text-anchor="middle" fill="#f4efe4" font-family="Georgia">${text}</text></svg>`;
  const files: Record<string, string> = {
    '/morning.svg': picture('#2a2418', 'The morning window'),
    '/lounge.svg': picture('#1d2a2a', 'The lounge'),
  };
  const server = createServer((request, response) => {
    const body = files[request.url ?? ''];
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'max-age=60' });
    response.end(body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describeInChromium('the screen player in Chromium', () => {
  const suffix = Math.random().toString(36).slice(2, 8);
  const screenId = `window-${suffix}`;
  const item = { morning: '', card: '', broken: '', evening: '' };
  let dir = '';
  let media: { url: string; server: Server };
  let cloud: ScreenCloud;
  let store: ScreenEdge;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let token = '';
  const warnings: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vitrine-screen-player-'));
    await buildPlayer(dir);
    media = await startMediaServer();
    cloud = await startScreenCloud();
    await cloud.registerScreen(screenId, FLOOR);
    item.morning = await cloud.addItem({
      kind: 'image',
      name: 'Morning',
      url: `${media.url}/morning.svg`,
    });
    item.broken = await cloud.addItem({
      kind: 'image',
      name: 'Lost',
      url: `${media.url}/lost.png`,
    });
    item.card = await cloud.addItem({
      kind: 'product-card',
      name: 'Leica Q3',
      product: { sku: 'CAM-LQ3', name: 'Leica Q3' },
    });
    item.evening = await cloud.addItem({
      kind: 'html-card',
      name: 'Evening',
      title: 'Master class tonight',
      html: '<p>Street photography, 19:00, in the lounge</p>',
    });
    const everyDay = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    await cloud.addPlaylist({
      name: `Morning ${suffix}`,
      target: { kind: 'screen', screenId },
      dayparts: [{ days: everyDay, start: '08:00', end: '12:00' }],
      entries: [{ contentId: item.morning, shareOfVoice: 100 }],
    });
    await cloud.addPlaylist({
      name: `Afternoon ${suffix}`,
      target: { kind: 'screen', screenId },
      dayparts: [{ days: everyDay, start: '12:00', end: '18:00' }],
      entries: [
        { contentId: item.card, shareOfVoice: 50 },
        { contentId: item.broken, shareOfVoice: 50 },
      ],
    });
    // The evening card plays in the lounge; a campaign may show it on the floor.
    await cloud.addPlaylist({
      name: `Lounge ${suffix}`,
      target: { kind: 'zone', zoneId: LOUNGE },
      entries: [{ contentId: item.evening, shareOfVoice: 100 }],
    });
    store = await startScreenEdge(cloud.url, cloud.edgeToken, {
      env: { EDGE_DISPLAYS_DIR: join(dir, 'associate') },
    });
    token = await createScreenTokens(STORE, await loadScreenKey(store.dataDir)).issue(screenId);
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 1280, height: 720 },
      deviceScaleFactor: 1,
    });
    await context.clock.install({ time: START });
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await store?.edge.stop();
    await cloud?.close();
    media?.server.close();
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  const playing = () => page.locator('main.player').getAttribute('data-playing');
  const waitPlaying = (contentId: string) =>
    page.waitForSelector(`main.player[data-playing="${contentId}"]`, { timeout: 10_000 });

  it('plays the morning playlist of its schedule', async () => {
    await page.goto(`${store.edge.httpUrl}/screen/#token=${token}`);
    await waitPlaying(item.morning);
    expect(await page.locator('img.media').getAttribute('src')).toBe(`${media.url}/morning.svg`);
    // The token leaves the address bar once kept.
    expect(page.url()).not.toContain('token=');
  });

  it('switches to the afternoon playlist at noon, store time', async () => {
    await page.clock.fastForward(41_000);
    await waitPlaying(item.card);
    expect(await page.locator('.product h1').textContent()).toBe('Leica Q3');
    // The product's signed content code, as a QR code the loyalty app scans.
    await page.waitForSelector('.product .qr svg');
    await page.screenshot({ path: SCREENSHOT });
  });

  it('skips media that fails to load, logs it, and plays on', async () => {
    await page.clock.fastForward(10_000);
    await page.waitForFunction(
      (broken) => !document.querySelector(`[data-content="${broken}"]`),
      item.broken,
    );
    expect(await playing()).toBe(item.card);
    expect(warnings.some((text) => text.includes(`${item.broken} failed to load; skipped`))).toBe(
      true,
    );
  });

  it('shows an interrupt published on its zone topic, then resumes', async () => {
    await page.waitForSelector('.status.online');
    const publisher = await connectAsync(store.edge.mqttUrl, { clientId: `campaigns-${suffix}` });
    try {
      const message = {
        storeId: STORE,
        zoneId: FLOOR,
        contentId: item.evening,
        campaignId: 'cmp_master-class',
        segmentId: null,
        holdS: 15,
        issuedAt: new Date().toISOString(),
      };
      const topic = buildTopic('zoneScreen', { store: STORE, zone: FLOOR });
      const payload = JSON.stringify(createEnvelope(STORE, message, { at: new Date() }));
      // The edge's relay subscribes in the background: publish until the screen shows it.
      await expect
        .poll(
          async () => {
            await publisher.publishAsync(topic, payload, { qos: 1 });
            return page.locator(`main.player[data-playing="${item.evening}"]`).count();
          },
          { timeout: 10_000, interval: 500 },
        )
        .toBe(1);
    } finally {
      await publisher.endAsync();
    }
    expect(await page.locator('main.player').getAttribute('data-campaign')).toBe(
      'cmp_master-class',
    );
    expect(await page.locator('.card h1').textContent()).toBe('Master class tonight');
    await page.clock.fastForward(16_000);
    await waitPlaying(item.card);
  });

  it('keeps playing, and keeps its proofs of play, with the edge stopped', async () => {
    const port = new URL(store.edge.httpUrl).port;
    await store.edge.stop();
    await page.waitForSelector('.status.offline');
    await page.clock.fastForward(60_000);
    expect(await playing()).toBe(item.card);
    // A reload with the edge down: the page from the service worker, the content kept.
    await page.reload();
    await waitPlaying(item.card);
    const kept = z
      .array(screenPlaySchema)
      .parse(
        JSON.parse(
          (await page.evaluate(() => localStorage.getItem('vitrine.screen.plays'))) ?? '[]',
        ),
      );
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.map((play) => play.contentId)).toContain(item.card);

    // The edge comes back on the same address: the plays reach the cloud through its outbox.
    store = await startScreenEdge(cloud.url, cloud.edgeToken, {
      dataDir: store.dataDir,
      env: { EDGE_DISPLAYS_DIR: join(dir, 'associate'), EDGE_HTTP_PORT: port },
    });
    await page.waitForFunction(() => localStorage.getItem('vitrine.screen.plays') === '[]', null, {
      timeout: 20_000,
    });
    const stored = async () =>
      (
        await cloud.cloud.database.db
          .select({ count: sql<number>`count(*)::int` })
          .from(ingestedEvents)
          .where(
            and(
              eq(ingestedEvents.kind, 'screen-play'),
              sql`${ingestedEvents.payload}->>'screenId' = ${screenId}`,
            ),
          )
      )[0]?.count ?? 0;
    const deadline = Date.now() + 20_000;
    while ((await stored()) < kept.length && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await stored()).toBeGreaterThanOrEqual(kept.length);
  }, 60_000);
});
