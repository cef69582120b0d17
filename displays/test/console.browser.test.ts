import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { ConsoleCloud } from './console-support/console-cloud.ts';
import { useConsoleInChromium } from './console-support/console-suite.ts';
import { describeInChromium, screenshotPath as screenshot } from './support/chromium.ts';

// The committed screenshots are refreshed only on request, so that a run leaves the tree clean:
// UPDATE_SCREENSHOTS=1 npx vitest run displays/test/console.browser.test.ts
const PARIS = 'sto_paris-rivoli';

/** The first Monday-to-Friday date after `now` (UTC calendar), as `YYYY-MM-DD`. */
function nextWeekday(now: Date): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

describeInChromium('the marketer console in Chromium, on the real cloud', () => {
  let cloud: ConsoleCloud;
  let page: Page;
  useConsoleInChromium({ storeId: PARIS, now: new Date(), withWeekEvent: true }, {}, (opened) => {
    ({ cloud, page } = opened);
  });

  it('logs a marketer in, and refuses a wrong password', async () => {
    await page.goto(`${cloud.url}/console/`);
    await page.fill('input[name=email]', 'marketer@vitrine.demo');
    await page.fill('input[name=password]', 'not-the-password');
    await page.click('button[type=submit]');
    await expect
      .poll(() => page.textContent('.login-card [role=alert]'))
      .toBe('Wrong email or password.');
    await page.fill('input[name=password]', 'vitrine-demo');
    await page.click('button[type=submit]');
    await page.waitForSelector('.campaigns-list');
  });

  it("shows the cloud's field error next to the field, then creates the campaign", async () => {
    await page.click('text=New campaign');
    await page.waitForSelector('.campaign-editor');
    await page.click('button:has-text("Add a window")');
    await page.fill('input[name="schedule.windows.0.start"]', '18:00');
    await page.fill('input[name="schedule.windows.0.end"]', '18:00');
    await page.fill('input[name="actions.0.suggestion"]', 'Offer a glass of champagne');
    await page.check(`input[name="targets.stores.${PARIS}"]`);
    await page.click('button:has-text("Create campaign")');
    const nameError = page.locator('.field[data-path="name"] .field-error');
    await expect.poll(() => nameError.textContent()).toMatch(/too small|at least|>=1/i);
    const endError = page.locator('.field[data-path="schedule.windows.0.end"] .field-error');
    expect(await endError.textContent()).toBe('must differ from the start');
    await page.screenshot({ path: screenshot('marketer-console-campaign'), fullPage: true });

    await page.fill('input[name=name]', 'Evening champagne');
    await page.fill('input[name="schedule.windows.0.end"]', '21:00');
    await page.selectOption('select[name=status]', 'active');
    await page.click('button:has-text("Create campaign")');
    await page.waitForSelector('.campaigns-list a:has-text("Evening champagne")');
  });

  it('filters the list by status and store', async () => {
    await page.selectOption('select[name=status]', 'draft');
    await expect
      .poll(() => page.locator('.campaigns-list a:has-text("Evening champagne")').count())
      .toBe(0);
    await page.selectOption('select[name=status]', 'active');
    await page.selectOption('select[name=storeId]', PARIS);
    await page.waitForSelector('.campaigns-list a:has-text("Evening champagne")');
  });

  it('edits the campaign: the form holds every saved field, and the version grows', async () => {
    await page.click('.campaigns-list a:has-text("Evening champagne")');
    await page.waitForSelector('.campaign-editor');
    expect(await page.inputValue('input[name="schedule.windows.0.end"]')).toBe('21:00');
    expect(await page.isChecked(`input[name="targets.stores.${PARIS}"]`)).toBe(true);
    expect(await page.textContent('.campaign-editor .page-head')).toContain('version 1');
    await page.fill('input[name=priority]', '700');
    await page.click('button:has-text("Save campaign")');
    await page.waitForSelector('.campaigns-list');
    await page.click('.campaigns-list a:has-text("Evening champagne")');
    await expect.poll(() => page.textContent('.campaign-editor .page-head')).toContain('version 2');
    expect(await page.inputValue('input[name=priority]')).toBe('700');
    await page.click('nav a:has-text("Campaigns")');
  });

  it('builds a segment rule, previews its audience at a store, and saves it', async () => {
    await page.click('nav a:has-text("Segments")');
    await page.click('button:has-text("New segment")');
    await page.selectOption('select[name="rule.add"]', 'preferences');
    expect(await page.inputValue('textarea[name=rule]')).toContain('"includes-any"');
    await page.selectOption('select[name="preview.storeId"]', PARIS);
    await page.click('button:has-text("Preview audience")');
    const size = page.locator('[data-testid=audience-size]');
    await size.waitFor();
    expect(await size.textContent()).toMatch(/^\d+ customers match · \d+ may be chosen/);

    await page.fill('textarea[name=rule]', '{"match":"all","conditions":[{"field":"zodiac"}]}');
    await page.click('button:has-text("Preview audience")');
    await expect.poll(() => page.textContent('.form-problem')).toContain('conditions.0');

    await page.fill('textarea[name=rule]', '');
    await page.selectOption('select[name="rule.add"]', 'birthdayMonth');
    await page.fill('input[name=name]', 'Birthdays this month');
    await page.click('button:has-text("Create segment")');
    await page.waitForSelector('table.list button:has-text("Birthdays this month")');
  });

  it("names an offer's invalid fields next to them", async () => {
    await page.click('nav a:has-text("Offers")');
    await page.click('button:has-text("New offer")');
    await page.fill('input[name=name]', 'Champagne glass');
    await page.fill('input[name=title]', 'A glass on us');
    await page.fill('input[name="benefit.percent"]', '150');
    await page.click('button:has-text("Create offer")');
    const percent = page.locator('.field[data-path="benefit.percent"] .field-error');
    await expect.poll(() => percent.textContent()).toMatch(/100/);
    expect(await page.locator('.field[data-path="validity.from"] .field-error').count()).toBe(1);
  });

  it("shows the campaign in the store's week at 18:00 on the store's clock", async () => {
    await page.click('nav a:has-text("Calendar")');
    await page.selectOption('select[name="calendar.storeId"]', PARIS);
    const blocks = page.locator('.calendar-block:has-text("Evening champagne")');
    await expect.poll(() => blocks.count()).toBeGreaterThan(0);
    expect(await blocks.first().textContent()).toContain('18:00–21:00');
    await page.screenshot({ path: screenshot('marketer-console-calendar') });
  });

  it('charts a seeded week of visits, dwell, alerts, offers and an event', async () => {
    await page.click('nav a:has-text("Analytics")');
    await page.selectOption('select[name="analytics.storeId"]', PARIS);
    const zoneLines = page.locator('[data-chart="Zone entries per day"] path.series');
    await expect.poll(() => zoneLines.count()).toBe(3);
    const visits = await page.getAttribute('[data-chart="Store visits per day"] path.series', 'd');
    // Seven days, rising: the path has seven points and ends higher than it starts.
    const points = [...(visits ?? '').matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((m) => Number(m[2]));
    expect(points).toHaveLength(7);
    expect(points.at(-1)).toBeLessThan(points[0] ?? 0);
    await expect
      .poll(() => page.locator('[data-chart="Average dwell per zone"] .bar').count())
      .toBe(3);
    await page.waitForSelector('[data-chart="Alerts delivered and acknowledged"] path.series');
    const offerLines = page.locator(
      '[data-chart="Offers delivered, opened and redeemed"] path.series',
    );
    await expect.poll(() => offerLines.count()).toBe(3);
    const event = page.locator('[data-chart="Event RSVPs against attendance"] .bar-pair');
    await expect.poll(() => event.count()).toBe(1);
    // Two yes answers bring three people; the door admitted two.
    expect(await event.locator('.bar text').allTextContents()).toEqual(['3', '2']);
    await page.screenshot({ path: screenshot('marketer-console'), fullPage: true });
  });

  it('simulates a weekday evening arrival: the new campaign chosen, every other one explained', async () => {
    await page.click('nav a:has-text("Simulation")');
    await page.fill('input[name=customerId]', 'cus_000001');
    await page.selectOption('select[name=storeId]', PARIS);
    // 18:30 on the store's clock on a weekday after today: inside the campaign's window.
    const day = nextWeekday(new Date());
    await page.fill('input[name=at]', `${day}T18:30`);
    await page.click('button:has-text("Simulate")');
    const row = page.locator('.simulation-result tr:has-text("Evening champagne")');
    await row.waitFor();
    expect(await row.textContent()).toContain('chosen: ');
    expect(await page.textContent('.simulation-result')).toContain(`${day} 18:30`);
    await page.screenshot({ path: screenshot('marketer-console-simulation'), fullPage: true });
  });

  it('goes back to the login, saying why, when the cloud refuses the session', async () => {
    await page.evaluate(() => {
      const key = 'vitrine.console.session';
      const session = JSON.parse(sessionStorage.getItem(key) ?? '{}');
      sessionStorage.setItem(key, JSON.stringify({ ...session, token: 'revoked' }));
    });
    await page.reload();
    await expect
      .poll(() => page.textContent('.login-card .notice'))
      .toBe('Your session has expired: log in again.');
  });
});
