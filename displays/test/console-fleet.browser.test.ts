import { deviceTokenResponseSchema, type EdgeReport, loginResponseSchema } from '@vitrine/shared';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { ConsoleCloud } from './console-support/console-cloud.ts';
import { useConsoleInChromium } from './console-support/console-suite.ts';
import { describeInChromium, screenshotPath as screenshot } from './support/chromium.ts';

// UPDATE_SCREENSHOTS=1 npx vitest run displays/test/console-fleet.browser.test.ts
// refreshes docs/console-fleet.png; otherwise the screenshot goes to the temp folder.
const PARIS = 'sto_paris-rivoli';
const TOKYO = 'sto_tokyo-ginza';
const NEW_YORK = 'sto_newyork-soho';

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

describeInChromium('the console fleet page in Chromium, on the real cloud', () => {
  let cloud: ConsoleCloud;
  let page: Page;
  /** How far behind the real time the cloud's clock runs; moved to age a report. */
  let cloudLagMs = 0;
  const cloudClock = () => new Date(Date.now() - cloudLagMs);

  /** Reports for a store through the real route, as its edge does, at the cloud's time. */
  async function reportFor(storeId: string, report: EdgeReport) {
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
        await post(`${cloud.url}/v1/stores/${storeId}/device-tokens`, undefined, admin.token)
      ).json(),
    );
    const reported = await post(
      `${cloud.url}/v1/stores/${storeId}/edge/report`,
      report,
      edge.token,
    );
    if (reported.status !== 204) throw new Error(`the report got ${reported.status}`);
  }

  useConsoleInChromium({ storeId: PARIS, now: new Date(), clock: cloudClock }, {}, (opened) => {
    ({ cloud, page } = opened);
  });

  it("shows the reporting store online with its edge's facts and a degraded node", async () => {
    // Tokyo reported at what is now 5 minutes ago (offline); Paris just before the page
    // opens, so that its report is seconds old (online under 90 s).
    cloudLagMs = 5 * 60_000;
    await reportFor(TOKYO, { ...parisReport(cloudClock()), version: '0.4.1', devices: [] });
    cloudLagMs = 0;
    await reportFor(PARIS, parisReport(new Date()));
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

  it('marks the store whose edge stopped reporting offline, first, and one never reported', async () => {
    const tokyo = page.locator(`.fleet-store[data-store="${TOKYO}"]`);
    expect(await tokyo.getAttribute('class')).toContain('fleet-offline');
    expect(await tokyo.locator('.edge-state').textContent()).toBe('Offline');
    expect(await tokyo.locator('.fleet-since').textContent()).toBe('last report 5 min ago');
    expect(await tokyo.locator('.fleet-version').textContent()).toContain('0.4.1');

    const newYork = page.locator(`.fleet-store[data-store="${NEW_YORK}"]`);
    expect(await newYork.getAttribute('class')).toContain('fleet-never-reported');
    expect(await newYork.locator('.edge-state').textContent()).toBe('Never reported');
    expect(await newYork.textContent()).toContain("This store's edge has never reported.");

    // Stores needing attention come first: offline, never reported, then online.
    const order = await page
      .locator('.fleet-store')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-store')));
    expect(order).toEqual([TOKYO, NEW_YORK, PARIS]);
    await page.screenshot({ path: screenshot('console-fleet'), fullPage: true });
  });
});
