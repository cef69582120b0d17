import { rm } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildAssociateApp } from './build-associate-app.ts';
import { buildCardApp } from './build-card-app.ts';
import { launchChromium, openAssociatePage, signIn } from './chromium.ts';
import { type RealStore, startRealStore } from './real-store.ts';

export interface RealStoreInChromium {
  readonly browser: Browser;
  readonly store: RealStore;
  /** Closes a context of the test's own with the suite. */
  keep(context: BrowserContext): void;
  /** An associate of the store on a tablet of their own, signed in and connected. */
  associate(email: string, timeoutMs?: number): Promise<Page>;
}

/**
 * Signs in on a real edge until the feed is connected. On a busy machine the cloud may
 * miss the edge's login deadline (502, "try again in a moment"): the associate tries
 * again, as a person would.
 */
export async function signInConnected(page: Page, email: string): Promise<void> {
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
    if (await connected.isVisible()) return;
    await page.waitForTimeout(1_000 * attempt);
  }
  throw new Error(`${email} could not sign in: the cloud kept missing the edge's deadline`);
}

/**
 * For the suite it is called in: the associate app (and the loyalty card, `withCard`)
 * built from the current sources, the real cloud and edge serving them (`startRealStore`)
 * and Chromium, started before the first test and stopped, closed and removed after the
 * last, with every tablet opened.
 */
export function useRealStoreInChromium({
  timeZone,
  storeId,
  withCard = false,
}: {
  /** The tablets' time zone, the store's. */
  timeZone: string;
  storeId?: string;
  withCard?: boolean;
}): RealStoreInChromium {
  const dirs: string[] = [];
  const contexts: BrowserContext[] = [];
  let browser: Browser | undefined;
  let store: RealStore | undefined;

  beforeAll(async () => {
    const [appDir, cardDir] = await Promise.all([
      buildAssociateApp(),
      withCard ? buildCardApp() : undefined,
    ]);
    dirs.push(appDir, ...(cardDir ? [cardDir] : []));
    store = await startRealStore({ appDir, cardDir, storeId });
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await store?.stop();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  }, 30_000);

  const started = () => {
    if (browser === undefined || store === undefined) {
      throw new Error('the real store starts before the first test: use it inside a test');
    }
    return { browser, store };
  };
  return {
    get browser() {
      return started().browser;
    },
    get store() {
      return started().store;
    },
    keep: (context) => {
      contexts.push(context);
    },
    associate: async (email, timeoutMs = 10_000) => {
      const { context, page } = await openAssociatePage(
        started().browser,
        started().store.edgeUrl,
        timeZone,
      );
      contexts.push(context);
      page.setDefaultTimeout(timeoutMs);
      await signInConnected(page, email);
      return page;
    },
  };
}
