import { rm } from 'node:fs/promises';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
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
import { msFromTapToText } from './support/claim-latency.ts';
import { type RealStore, startRealStore } from './support/real-store.ts';

const TIME_ZONE = 'Asia/Tokyo';
const CLOCK = String.raw`\d\d:\d\d(?: [AP]M)?`;

if (!chromiumPresent && skipBrowser) {
  console.warn(`${NOT_RUN} (VITRINE_SKIP_BROWSER=1).`);
} else if (!chromiumPresent) {
  describe('the associate page on a real edge, in Chromium', () => {
    it('runs in Chromium', () => {
      throw new Error(NOT_RUN);
    });
  });
} else {
  describe('the associate page on a real edge, in Chromium', () => {
    let appDir = '';
    let browser: Browser;
    let store: RealStore;
    const contexts: BrowserContext[] = [];

    beforeAll(async () => {
      appDir = await buildAssociateApp();
      store = await startRealStore({ appDir });
      browser = await launchChromium();
    }, 240_000);
    afterAll(async () => {
      for (const context of contexts) await context.close();
      await browser?.close();
      await store?.stop();
      if (appDir !== '') await rm(appDir, { recursive: true, force: true });
    }, 30_000);

    /**
     * A Tokyo Ginza associate of the demo seed, signed in on a tablet of their own. On a
     * busy machine the cloud may miss the edge's login deadline (502, "try again in a
     * moment"): the associate tries again, as a person would.
     */
    const associate = async (email: string): Promise<Page> => {
      const { context, page } = await openAssociatePage(browser, store.edgeUrl, TIME_ZONE);
      contexts.push(context);
      page.setDefaultTimeout(10_000);
      const connected = page.locator('[data-status="connected"]');
      const cloudAway = page.getByTestId('login-error').getByText(/try again/i);
      for (let attempt = 1; attempt <= 5; attempt++) {
        await signIn(page, email);
        await connected
          .or(cloudAway)
          .waitFor()
          .catch(async (error: unknown) => {
            const shown = await page.locator('body').innerText();
            throw new Error(`${email}: not connected; the page shows: ${shown}`, { cause: error });
          });
        if (await connected.isVisible()) return page;
        await page.waitForTimeout(1_000 * attempt);
      }
      throw new Error(`${email} could not sign in: the cloud kept missing the edge's deadline`);
    };
    const holder = (card: Locator) => card.getByTestId('claim-holder');
    const button = (card: Locator, name: string) => card.getByRole('button', { name, exact: true });

    it('lets two associates share an arrival: claim seen within a second, take-over on purpose, release, outcome', async () => {
      const aiko = await associate('aiko@vitrine.demo');
      const kenji = await associate('kenji@vitrine.demo');

      // The edge is fresh and runs no simulator: the first card is this check-in's.
      await store.checkIn();
      const first = aiko.locator('article[data-alert-id]').first();
      await first.waitFor({ timeout: 30_000 });
      const alertId = await first.getAttribute('data-alert-id');
      const cardOf = (page: Page) => page.locator(`article[data-alert-id="${alertId}"]`);
      const [mine, theirs] = [cardOf(aiko), cardOf(kenji)];
      await theirs.waitFor();

      const seenAfterMs = await msFromTapToText(
        button(mine, 'I’m with them'),
        holder(theirs),
        new RegExp(`^with Aiko since ${CLOCK}$`),
      );
      expect(seenAfterMs).toBeLessThan(1_000);

      await button(theirs, 'Take over').click();
      expect(await textOf(holder(mine))).toMatch(/^with you since/);
      await button(theirs, 'Confirm take-over').click();
      await holder(mine)
        .getByText(new RegExp(`^with Kenji since ${CLOCK}$`))
        .waitFor();

      // Only the holder may release: Aiko takes the customer back first.
      await button(mine, 'Take over').click();
      await button(mine, 'Confirm take-over').click();
      await holder(theirs)
        .getByText(/^with Aiko since/)
        .waitFor();
      await button(mine, 'Release').click();
      await holder(theirs).getByText('Nobody is with them yet').waitFor();

      await button(mine, 'Record outcome').click();
      await mine.getByLabel('Outcome').selectOption('offer-accepted');
      await mine.getByLabel('Note').fill('Accepted the private evening invitation.');
      await button(mine, 'Save outcome').click();
      const outcome = theirs.locator('.claim__outcome');
      await outcome.waitFor();
      expect(await textOf(outcome)).toMatch(
        new RegExp(
          `^Offer accepted\\s*Aiko Tanaka · ${CLOCK}\\s*Accepted the private evening invitation\\.$`,
        ),
      );
      expect(await mine.getByTestId('claim-problem').count()).toBe(0);

      // A tablet reloaded starts from nothing and gets the claim as it stands from the edge.
      await kenji.reload();
      await kenji.locator('[data-status="connected"]').waitFor();
      await theirs.locator('.claim__outcome').waitFor();
      expect(await textOf(holder(theirs))).toBe('Nobody is with them yet');
    }, 180_000);
  });
}
