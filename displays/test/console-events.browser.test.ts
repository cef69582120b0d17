import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { ConsoleCloud } from './console-support/console-cloud.ts';
import { useConsoleInChromium } from './console-support/console-suite.ts';
import { describeInChromium, screenshotPath } from './support/chromium.ts';

// The committed screenshot is refreshed only on request, so that a run leaves the tree clean:
// UPDATE_SCREENSHOTS=1 npx vitest run displays/test/console-events.browser.test.ts
const SCREENSHOT = screenshotPath('console-events');
const PARIS = 'sto_paris-rivoli';
const TOKYO = 'sto_tokyo-ginza';
const GOLD_PLUS = 'seg_demo-gold-plus';
/** A day a fortnight ahead, `YYYY-MM-DD`: the event is upcoming whenever the suite runs. */
const DAY = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);

const fieldError = (page: Page, path: string) =>
  page.locator(`[data-path="${path}"] .field-error`).textContent();

describeInChromium("the console's events in Chromium, on the real cloud", () => {
  let cloud: ConsoleCloud;
  let page: Page;
  useConsoleInChromium(
    { storeId: PARIS, now: new Date() },
    { locale: 'en-GB', acceptDownloads: true },
    async (opened) => {
      ({ cloud, page } = opened);
      await page.goto(`${cloud.url}/console/#/events`);
      await page.fill('input[name=email]', 'marketer@vitrine.demo');
      await page.fill('input[name=password]', 'vitrine-demo');
      await page.click('button[type=submit]');
    },
  );

  it("lists the demo's upcoming launch, and filters by status", async () => {
    await page.waitForSelector('.events-list');
    await page.waitForSelector('tr[data-event="evt_demo-q3-launch"]');
    await page.selectOption('select[name=status]', 'cancelled');
    await page.waitForSelector('text=No event matches.');
    await page.selectOption('select[name=status]', '');
    await page.waitForSelector('tr[data-event="evt_demo-q3-launch"]');
  });

  it("shows each field's error, a time the clocks skip included", async () => {
    await page.click('text=New event');
    await page.waitForSelector('.event-editor');
    await page.click('button:has-text("Create event")');
    await page.waitForSelector('.form-problem');
    expect(await fieldError(page, 'name')).toBeTruthy();
    expect(await fieldError(page, 'storeIds')).toBeTruthy();
    expect(await fieldError(page, 'startsAt')).toContain('local time');

    await page.fill('input[name=name]', 'Street photography master class');
    await page.check(`input[name="storeIds.${PARIS}"]`);
    // 02:30 on the last Sunday of March does not exist in Paris.
    await page.fill('input[name=startsAt]', '2027-03-28T02:30');
    await page.fill('input[name=endsAt]', '2027-03-28T04:00');
    await page.click('button:has-text("Create event")');
    await expect
      .poll(() => fieldError(page, 'startsAt'))
      .toContain('the clocks skip this time in Europe/Paris');
    expect(await page.locator('[data-path="name"] .field-error').count()).toBe(0);
  });

  it('creates an event at two stores, each on its own clock, with a segment and a host', async () => {
    await page.check(`input[name="storeIds.${TOKYO}"]`);
    await page.fill('input[name=startsAt]', `${DAY}T19:00`);
    await page.fill('input[name=endsAt]', `${DAY}T21:00`);
    await page.fill('input[name=capacity]', '12');
    await page.selectOption('select[name=kind]', 'master-class');
    await page.selectOption('select[name=segmentId]', GOLD_PLUS);
    await page.check('input[name="hostAssociateIds.asc_camille"]');
    await page.click('button:has-text("Create event")');
    await page.waitForSelector('.event-detail');
    expect(page.url()).toMatch(/#\/events\/evt_/);
    const sessions = await page.locator('.sessions li').allTextContents();
    expect(sessions).toHaveLength(2);
    expect(sessions.find((line) => line.includes('Europe/Paris'))).toContain('19:00');
    expect(sessions.find((line) => line.includes('Asia/Tokyo'))).toContain('19:00');
  });

  it('edits the capacity; the counts per store read it', async () => {
    await page.click('button:has-text("Edit event")');
    await page.fill('input[name=capacity]', '15');
    await page.click('button:has-text("Save event")');
    await page.waitForSelector('.event-detail');
    await expect
      .poll(() => page.locator(`.event-summary tr[data-store="${PARIS}"]`).textContent())
      .toContain('0 / 15');
  });

  it('invites the segment, then counts the ones invited before as such', async () => {
    await page.click('button:has-text("Invite the segment")');
    const first = page.locator('[data-testid=invitation-result]');
    await first.waitFor();
    const invited = Number(await first.locator('strong').first().textContent());
    expect(invited).toBeGreaterThan(0);
    await page.waitForSelector('.guests tr[data-guest]');
    expect(await page.locator('.guests tr[data-guest]').count()).toBe(Math.min(invited, 25));

    await page.click('button:has-text("Invite the segment")');
    await expect.poll(() => first.locator('strong').nth(1).textContent()).toBe(String(invited));
    expect(await first.locator('strong').first().textContent()).toBe('0');
  });

  it("records a guest's answer for them, and the counts follow", async () => {
    const row = page.locator('.guests tr[data-guest]').first();
    const guest = (await row.getAttribute('data-guest')) ?? '';
    await row.locator('select').selectOption('yes');
    await row.locator('input[type=number]').fill('1');
    await row.locator('button:has-text("Record")').click();
    await expect
      .poll(() => page.locator(`.guests tr[data-guest="${guest}"] .status`).textContent())
      .toBe('yes');
    await expect
      .poll(() => page.locator('[data-testid=guest-counts]').textContent())
      .toContain('2 people expected');
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await page.selectOption('select[name="guests.rsvp"]', 'yes');
    await expect.poll(() => page.locator('.guests tr[data-guest]').count()).toBe(1);
  });

  it('downloads the guest list as CSV', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('button:has-text("Download CSV")'),
    ]);
    const path = await download.path();
    const csv = await readFile(path, 'utf8');
    const [header, ...rows] = csv.trim().split('\n');
    expect(header).toContain('customer_id');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('yes');
  });

  it('cancels the event on a second tap; it shows cancelled in the list', async () => {
    await page.click('button:has-text("Cancel event")');
    await page.click('button:has-text("Cancel it: revoke every ticket")');
    await page.waitForSelector('.event-detail .status-cancelled');
    expect(await page.locator('button:has-text("Edit event")').count()).toBe(0);
    await page.click('text=All events');
    await page.selectOption('select[name=status]', 'cancelled');
    await expect
      .poll(() => page.locator('.events-list tbody tr').allTextContents())
      .toEqual([expect.stringContaining('Street photography master class')]);
  });
});
