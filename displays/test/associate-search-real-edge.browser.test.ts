import { rm } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAssociateApp } from './support/build-associate-app.ts';
import {
  chromiumPresent,
  launchChromium,
  NOT_RUN,
  openAssociatePage,
  signIn,
  skipBrowser,
  textOf,
} from './support/chromium.ts';
import { type RealStore, startRealStore } from './support/real-store.ts';

const TIME_ZONE = 'Asia/Tokyo';

if (!chromiumPresent && skipBrowser) {
  console.warn(`${NOT_RUN} (VITRINE_SKIP_BROWSER=1).`);
} else if (!chromiumPresent) {
  describe('the client desk on a real edge, in Chromium', () => {
    it('runs in Chromium', () => {
      throw new Error(NOT_RUN);
    });
  });
} else {
  describe('the client desk on a real edge, in Chromium', () => {
    let appDir = '';
    let browser: Browser;
    let store: RealStore;
    let context: BrowserContext | null = null;

    beforeAll(async () => {
      appDir = await buildAssociateApp();
      store = await startRealStore({ appDir });
      browser = await launchChromium();
    }, 240_000);
    afterAll(async () => {
      await context?.close();
      await browser?.close();
      await store?.stop();
      if (appDir !== '') await rm(appDir, { recursive: true, force: true });
    }, 30_000);

    /** Signed in; a cloud too slow for the edge's login deadline is tried again, as a person would. */
    async function signedIn(): Promise<Page> {
      const opened = await openAssociatePage(browser, store.edgeUrl, TIME_ZONE);
      context = opened.context;
      const { page } = opened;
      page.setDefaultTimeout(15_000);
      const connected = page.locator('[data-status="connected"]');
      const cloudAway = page.getByTestId('login-error').getByText(/try again/i);
      for (let attempt = 1; attempt <= 5; attempt++) {
        await signIn(page, 'aiko@vitrine.demo');
        await connected.or(cloudAway).waitFor();
        if (await connected.isVisible()) return page;
        await page.waitForTimeout(1_000 * attempt);
      }
      throw new Error("aiko could not sign in: the cloud kept missing the edge's deadline");
    }

    it('finds a client through the edge and the cloud, then checks them in from their typed loyalty QR', async () => {
      const { code, customer } = await store.loyaltyCode();
      const page = await signedIn();
      const name = `${customer.firstName} ${customer.lastName}`;

      await page.getByLabel('Find a client').fill(customer.lastName.toUpperCase());
      await page.getByRole('button', { name: 'Find' }).click();
      const result = page.locator(`.search-result[data-customer-id="${customer.id}"]`);
      await result.waitFor();
      expect(await textOf(result)).toContain(name);
      expect(await page.getByTestId('local-only').count()).toBe(0);
      await result.click();
      const card = page.locator(`.customer-card[data-customer-id="${customer.id}"]`);
      await card.waitFor();
      expect(await textOf(card)).toContain(name);

      await page.getByRole('button', { name: 'Scan' }).click();
      await page.locator('.scan-form').getByLabel('Code').fill(code);
      await page.getByRole('button', { name: 'Check' }).click();
      const checkedIn = page.locator('[data-outcome="checked-in"]');
      await checkedIn.waitFor();
      expect(await textOf(checkedIn)).toContain(`Checked in: ${name}`);
      await checkedIn.getByRole('button', { name: 'See arrivals' }).click();
      await page.locator('article[data-alert-id]').filter({ hasText: name }).first().waitFor();

      // The same code again is a replayed proof: refused, with the reason.
      await page.getByRole('button', { name: 'Scan' }).click();
      await page.locator('.scan-form').getByLabel('Code').fill(code);
      await page.getByRole('button', { name: 'Check' }).click();
      const refused = page.locator('[data-outcome="refused"]');
      await refused.waitFor();
      expect(await textOf(refused)).toMatch(/Refused\./);
    }, 120_000);
  });
}
