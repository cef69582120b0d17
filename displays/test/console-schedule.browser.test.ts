import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  deviceTokenResponseSchema,
  instantOfLocal,
  loginResponseSchema,
  playlistSchema,
  registeredScreenSchema,
  screenContentItemSchema,
} from '@vitrine/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { z } from 'zod';
import { createScreenTokens, loadScreenKey } from '../../edge/src/screens/screen-tokens.ts';
import {
  FLOOR,
  type ScreenEdge,
  STORE,
  startScreenEdge,
} from '../../edge/test/support/screen-store.ts';
import { buildConsole } from './console-support/build-console.ts';
import { type ConsoleCloud, startConsoleCloud } from './console-support/console-cloud.ts';
import { describeInChromium, launchChromium } from './support/chromium.ts';

/** The day of the launch, two days ahead (a date in Paris and in UTC alike at noon). */
const DAY = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

/** The instant of a wall-clock time in Paris. */
function parisTime(local: string): Date {
  const read = instantOfLocal('Europe/Paris', local);
  if (read.kind !== 'instant') throw new Error(`${local} is not a time in Paris`);
  return read.at;
}

/** T: the launch content takes the window's screen at noon, store time. */
const T = parisTime(`${DAY}T12:00`);

async function buildPlayer(dir: string): Promise<void> {
  await build({
    configFile: fileURLToPath(new URL('../src/screen/vite.config.ts', import.meta.url)),
    logLevel: 'warn',
    build: { outDir: join(dir, 'screen'), emptyOutDir: true },
  });
}

async function call<T extends z.ZodType>(
  url: string,
  schema: T,
  { token, body }: { token?: string; body?: unknown } = {},
): Promise<z.output<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${text}`);
  return schema.parse(JSON.parse(text));
}

describeInChromium(
  'content and an event scheduled from the console, on a real cloud and edge',
  () => {
    const suffix = Math.random().toString(36).slice(2, 8);
    const screenId = `window-${suffix}`;
    const item = { autumn: '', launch: '' };
    let consoleDir = '';
    let playerDir = '';
    let cloud: ConsoleCloud;
    let store: ScreenEdge;
    let browser: Browser;
    let screen: { context: BrowserContext; page: Page };
    let marketerPage: Page;
    let marketer = '';
    let eventId = '';

    beforeAll(async () => {
      consoleDir = await buildConsole();
      playerDir = await mkdtemp(join(tmpdir(), 'vitrine-schedule-player-'));
      await buildPlayer(playerDir);
      cloud = await startConsoleCloud({ consoleDir, storeId: STORE, now: new Date() });
      const login = (email: string) =>
        call(`${cloud.url}/v1/auth/login`, loginResponseSchema, {
          body: { email, password: 'vitrine-demo' },
        });
      const admin = (await login('admin@vitrine.demo')).token;
      marketer = (await login('marketer@vitrine.demo')).token;
      await call(`${cloud.url}/v1/stores/${STORE}/screens`, registeredScreenSchema, {
        token: admin,
        body: {
          id: screenId,
          zoneId: FLOOR,
          orientation: 'landscape',
          resolution: { width: 1920, height: 1080 },
        },
      });
      const edgeToken = await call(
        `${cloud.url}/v1/stores/${STORE}/device-tokens`,
        deviceTokenResponseSchema,
        { token: admin, body: { name: `edge ${suffix}` } },
      );
      const addItem = async (body: Record<string, unknown>) =>
        (
          await call(`${cloud.url}/v1/content/items`, screenContentItemSchema, {
            token: marketer,
            body,
          })
        ).id;
      item.autumn = await addItem({
        kind: 'html-card',
        name: `Autumn window ${suffix}`,
        title: 'The autumn window',
        html: '<p>Leather, wool and brass</p>',
      });
      item.launch = await addItem({
        kind: 'html-card',
        name: `Q3 launch ${suffix}`,
        title: 'The Leica Q3 launches today',
        html: '<p>Come and try it at the camera counter</p>',
      });
      // What the window shows now, all day: its own playlist.
      await call(`${cloud.url}/v1/content/playlists`, playlistSchema, {
        token: marketer,
        body: {
          name: `Autumn ${suffix}`,
          storeId: STORE,
          target: { kind: 'screen', screenId },
          entries: [{ contentId: item.autumn, shareOfVoice: 100 }],
        },
      });
      // The edge syncs every 250 ms (the harness's interval), so that a change shows quickly.
      store = await startScreenEdge(cloud.url, edgeToken.token, {
        env: { EDGE_DISPLAYS_DIR: join(playerDir, 'associate') },
      });
      browser = await launchChromium();
      const context = await browser.newContext({
        viewport: { width: 1280, height: 720 },
        deviceScaleFactor: 1,
      });
      // The screen's clock: two minutes before T.
      await context.clock.install({ time: new Date(T.getTime() - 120_000) });
      screen = { context, page: await context.newPage() };
      marketerPage = await browser.newPage({
        viewport: { width: 1280, height: 900 },
        locale: 'en-GB',
      });
    }, 300_000);

    afterAll(async () => {
      await browser?.close();
      await store?.edge.stop();
      await cloud?.close();
      for (const dir of [consoleDir, playerDir]) {
        if (dir !== '') await rm(dir, { recursive: true, force: true });
      }
    });

    const playing = () => screen.page.locator('main.player').getAttribute('data-playing');

    it('the screen plays what it has now', async () => {
      const token = await createScreenTokens(STORE, await loadScreenKey(store.dataDir)).issue(
        screenId,
      );
      await screen.page.goto(`${store.edge.httpUrl}/screen/#token=${token}`);
      await screen.page.waitForSelector(`main.player[data-playing="${item.autumn}"]`);
      expect(await screen.page.locator('.card h1').textContent()).toBe('The autumn window');
    });

    it('the marketer schedules the launch content from T, and the launch evening, in the console', async () => {
      await marketerPage.goto(`${cloud.url}/console/#/events/new`);
      await marketerPage.fill('input[name=email]', 'marketer@vitrine.demo');
      await marketerPage.fill('input[name=password]', 'vitrine-demo');
      await marketerPage.click('button[type=submit]');
      await marketerPage.waitForSelector('.event-editor');
      await marketerPage.fill('input[name=name]', `Leica Q3 launch evening ${suffix}`);
      await marketerPage.selectOption('select[name=kind]', 'launch');
      await marketerPage.check(`input[name="storeIds.${STORE}"]`);
      await marketerPage.fill('input[name=startsAt]', `${DAY}T18:00`);
      await marketerPage.fill('input[name=endsAt]', `${DAY}T20:00`);
      await marketerPage.fill('input[name=capacity]', '40');
      await marketerPage.click('button:has-text("Create event")');
      await marketerPage.waitForSelector('.event-detail');
      eventId = decodeURIComponent(marketerPage.url().split('#/events/')[1] ?? '');
      expect(eventId).toMatch(/^evt_/);

      await marketerPage.click('nav >> text=Screen content');
      await marketerPage.selectOption('select[name="content.storeId"]', STORE);
      await marketerPage.waitForSelector('.playlists');
      await marketerPage.click('button:has-text("Schedule content")');
      await marketerPage.waitForSelector(`select[name=target] option[value="screen:${screenId}"]`, {
        state: 'attached',
      });
      await marketerPage.waitForSelector(`select[name=contentId] option[value="${item.launch}"]`, {
        state: 'attached',
      });
      await marketerPage.fill('input[name=name]', `Q3 launch ${suffix}`);
      await marketerPage.selectOption('select[name=target]', `screen:${screenId}`);
      await marketerPage.selectOption('select[name=contentId]', item.launch);
      await marketerPage.fill('input[name=validFrom]', DAY);
      await marketerPage.fill('input[name=start]', '12:00');
      await marketerPage.fill('input[name=end]', '11:00');
      await marketerPage.fill('input[name=priority]', '70');
      await marketerPage.click('button:has-text("Schedule")');
      // The cloud names the field it refuses: an end before the start.
      await expect
        .poll(() => marketerPage.locator('[data-path="dayparts.0.end"] .field-error').count())
        .toBe(1);
      await marketerPage.fill('input[name=end]', '20:00');
      await marketerPage.click('button:has-text("Schedule")');
      await marketerPage.waitForSelector(`.playlists td:has-text("Q3 launch ${suffix}")`);
    }, 90_000);

    it('the edge brings the schedule to the screen, which keeps the old content until T', async () => {
      await expect
        .poll(
          () =>
            screen.page.evaluate(
              (launch) => localStorage.getItem('vitrine.screen.content')?.includes(launch) ?? false,
              item.launch,
            ),
          { timeout: 20_000, interval: 250 },
        )
        .toBe(true);
      await screen.page.clock.fastForward(60_000);
      expect(await playing()).toBe(item.autumn);
    });

    it('switches to the launch content at T on the screen clock', async () => {
      await screen.page.clock.fastForward(61_000);
      await screen.page.waitForSelector(`main.player[data-playing="${item.launch}"]`, {
        timeout: 10_000,
      });
      expect(await screen.page.locator('.card h1').textContent()).toBe(
        'The Leica Q3 launches today',
      );
    });

    it("the launch evening appears in the console's events of the store", async () => {
      await marketerPage.click('nav >> text=Events');
      await marketerPage.selectOption('select[name=storeId]', STORE);
      await marketerPage.waitForSelector(
        `.events-list td:has-text("Leica Q3 launch evening ${suffix}")`,
      );
      const row = marketerPage.locator('.events-list tr', {
        hasText: `Leica Q3 launch evening ${suffix}`,
      });
      expect(await row.textContent()).toContain('18:00');
    });

    it("and on the store's calendar, on its day at its local time", async () => {
      await marketerPage.click('nav >> text=Calendar');
      await marketerPage.selectOption('select[name="calendar.storeId"]', STORE);
      const entry = marketerPage.locator(
        `.calendar-day[data-date="${DAY}"] li[data-event="${eventId}"]`,
      );
      // The launch may fall in next week.
      await marketerPage.waitForSelector('.calendar');
      if ((await marketerPage.locator(`.calendar-day[data-date="${DAY}"]`).count()) === 0) {
        await marketerPage.click('button:has-text("Week →")');
      }
      await entry.waitFor();
      expect(await entry.textContent()).toBe(`18:00 Leica Q3 launch evening ${suffix}`);
    });
  },
);
