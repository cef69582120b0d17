import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core';
import { describe, it } from 'vitest';

/** Debian's Chromium, installed by `.ci/run`; the suites never download a browser. */
export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const NOT_RUN = `Chromium not found at ${CHROMIUM}: the browser suite did not run`;
export const chromiumPresent = existsSync(CHROMIUM);
export const skipBrowser = process.env.VITRINE_SKIP_BROWSER === '1';

/**
 * A browser suite: `body` runs in Chromium; without Chromium the suite is one failing test
 * that says why, or only a warning under VITRINE_SKIP_BROWSER=1.
 */
export function describeInChromium(name: string, body: () => void): void {
  if (chromiumPresent) {
    describe(name, body);
  } else if (skipBrowser) {
    console.warn(`${NOT_RUN} (VITRINE_SKIP_BROWSER=1).`);
  } else {
    describe(name, () => {
      it('runs in Chromium', () => {
        throw new Error(NOT_RUN);
      });
    });
  }
}

/**
 * Where a suite saves the screenshot `name`: the committed docs/<name>.png only on request
 * (UPDATE_SCREENSHOTS=1), so that a run leaves the work tree clean; else the temp folder.
 */
export const screenshotPath = (name: string): string =>
  process.env.UPDATE_SCREENSHOTS
    ? fileURLToPath(new URL(`../../../docs/${name}.png`, import.meta.url))
    : join(tmpdir(), `vitrine-${name}-${process.pid}.png`);

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });

/** A tablet-sized page on the associate app, in the store's time zone. */
export async function openAssociatePage(
  browser: Browser,
  baseUrl: string,
  timeZone: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1180, height: 820 },
    deviceScaleFactor: 1,
    locale: 'en-US',
    timezoneId: timeZone,
  });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/associate/`);
  return { context, page };
}

export async function signIn(page: Page, email: string, password = 'vitrine-demo') {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The text of an element as the DOM holds it (CSS may upper-case what is shown). */
export const textOf = async (locator: Locator): Promise<string> =>
  (await locator.textContent()) ?? '';
