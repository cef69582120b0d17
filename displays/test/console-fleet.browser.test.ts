import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deviceTokenResponseSchema, type EdgeReport, loginResponseSchema } from '@vitrine/shared';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConsole } from './console-support/build-console.ts';
import { type ConsoleCloud, startConsoleCloud } from './console-support/console-cloud.ts';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'];
const NOT_RUN = `Chromium not found at ${CHROMIUM}: the console's fleet suite did not run`;
// UPDATE_SCREENSHOTS=1 npx vitest run displays/test/console-fleet.browser.test.ts
// refreshes docs/console-fleet.png; otherwise the screenshot goes to the temp folder.
const screenshot = (name: string) =>
  process.env.UPDATE_SCREENSHOTS
    ? fileURLToPath(new URL(`../../docs/${name}.png`, import.meta.url))
    : join(tmpdir(), `vitrine-${name}-${process.pid}.png`);
const PARIS = 'sto_paris-rivoli';
const TOKYO = 'sto_tokyo-ginza';
const chromiumPresent = existsSync(CHROMIUM);
const skipBrowser = process.env.VITRINE_SKIP_BROWSER === '1';

async function post(url: string, body: unknown, token?: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** What the Paris edge reports: up, a backlog, one scanner node gone quiet. */
function parisReport(now: Date): EdgeReport {
  const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
  return {
    version: '0.4.2',
    startedAt: ago(3 * 3_600_000),
    publicUrl: 'https://rivoli.edge.example',
    mqttWebSocketPath: '/mqtt',
    broker: 'embedded',
    brokerConnected: true,
    outbox: { pending: 7, oldestPendingAt: ago(4 * 60_000), lastUploadAt: ago(20_000) },
    lastSyncAt: { profiles: ago(30_000), engagement: ago(45_000) },
    devices: [
      {
        id: 'node-rivoli-door',
        kind: 'node',
        zone: 'Entrance',
        health: 'ok',
        lastSeenAt: ago(5_000),
        detail: null,
      },
      {
        id: 'node-rivoli-salon',
        kind: 'node',
        zone: 'Salon',
        health: 'degraded',
        lastSeenAt: ago(3 * 60_000),
        detail: 'no reading for 3 minutes',
      },
      {
        id: 'screen-rivoli-window',
        kind: 'screen',
        zone: 'Window',
        health: 'ok',
        lastSeenAt: ago(10_000),
        detail: null,
      },
    ],
  };
}

if (!chromiumPresent && skipBrowser) {
  console.warn(`${NOT_RUN} (VITRINE_SKIP_BROWSER=1).`);
} else if (!chromiumPresent) {
  describe('the console fleet page in Chromium', () => {
    it('runs in Chromium', () => {
      throw new Error(NOT_RUN);
    });
  });
} else {
  describe('the console fleet page in Chromium, on the real cloud', () => {
    let consoleDir = '';
    let cloud: ConsoleCloud;
    let browser: Browser;
    let page: Page;

    /** Reports for Paris through the real route, as its edge does. */
    async function reportForParis() {
      const admin = loginResponseSchema.parse(
        await (
          await post(`${cloud.url}/v1/auth/login`, {
            email: 'admin@vitrine.demo',
            password: 'vitrine-demo',
          })
        ).json(),
      );
      const edge = deviceTokenResponseSchema.parse(
        await (
          await post(`${cloud.url}/v1/stores/${PARIS}/device-tokens`, undefined, admin.token)
        ).json(),
      );
      const reported = await post(
        `${cloud.url}/v1/stores/${PARIS}/edge/report`,
        parisReport(new Date()),
        edge.token,
      );
      if (reported.status !== 204) throw new Error(`the report got ${reported.status}`);
    }

    beforeAll(async () => {
      consoleDir = await buildConsole();
      cloud = await startConsoleCloud({ consoleDir, storeId: PARIS, now: new Date() });
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      // Building the console and migrating and seeding PGlite take a minute on a busy machine.
    }, 240_000);
    afterAll(async () => {
      await browser?.close();
      await cloud?.close();
      if (consoleDir !== '') await rm(consoleDir, { recursive: true, force: true });
    });

    it("shows the reporting store online with its edge's facts and a degraded node", async () => {
      // Reported just before the page opens, so that it is seconds old (online under 90 s).
      await reportForParis();
      await page.goto(`${cloud.url}/console/`);
      await page.fill('input[name=email]', 'marketer@vitrine.demo');
      await page.fill('input[name=password]', 'vitrine-demo');
      await page.click('button[type=submit]');
      await page.waitForSelector('.campaigns-list');
      await page.click('nav a:has-text("Fleet")');

      const paris = page.locator(`.fleet-store[data-store="${PARIS}"]`);
      await paris.waitFor();
      expect(await paris.getAttribute('class')).toContain('fleet-online');
      expect(await paris.locator('.edge-state').textContent()).toBe('Online');
      expect(await paris.locator('.fleet-since').textContent()).toMatch(/^last report \d+ s ago$/);
      expect(await paris.locator('.fleet-version').textContent()).toContain('0.4.2');
      expect(await paris.locator('.fleet-outbox').textContent()).toMatch(
        /^7 pending, oldest \d+ min ago/,
      );
      expect(await paris.locator('.fleet-sync').textContent()).toMatch(
        /engagement: \d+ s agoprofiles: \d+ s ago/,
      );
      expect(await paris.locator('.fleet-broker').textContent()).toContain('connected');

      const salon = paris.locator('tr[data-device="node-rivoli-salon"]');
      expect(await salon.locator('.health').textContent()).toBe('degraded');
      expect(await salon.textContent()).toContain('no reading for 3 minutes');
      expect(await paris.locator('tr[data-device="node-rivoli-door"] .health').textContent()).toBe(
        'ok',
      );
      expect(await paris.locator('.fleet-warning').textContent()).toBe('1 device not ok');
    });

    it('shows a store whose edge never reported, apart from the online one', async () => {
      const tokyo = page.locator(`.fleet-store[data-store="${TOKYO}"]`);
      expect(await tokyo.getAttribute('class')).toContain('fleet-never-reported');
      expect(await tokyo.locator('.edge-state').textContent()).toBe('Never reported');
      expect(await tokyo.textContent()).toContain("This store's edge has never reported.");
      // Stores needing attention come before the online ones.
      const order = await page
        .locator('.fleet-store')
        .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-store')));
      expect(order.at(-1)).toBe(PARIS);
      await page.screenshot({ path: screenshot('console-fleet'), fullPage: true });
    });
  });
}
