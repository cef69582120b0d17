import { rm } from 'node:fs/promises';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { buildConsole } from './build-console.ts';
import { type ConsoleCloud, startConsoleCloud } from './console-cloud.ts';

export interface ConsoleInChromium {
  cloud: ConsoleCloud;
  browser: Browser;
  /** A desktop-sized page (1280×900), not yet on the console. */
  page: Page;
}

/**
 * For the suite it is called in: the console built from the current sources, served by the
 * real cloud (`startConsoleCloud`), and a page in Chromium; `ready` gets them before the
 * first test (a login, say); all are closed and removed after the last.
 */
export function useConsoleInChromium(
  cloudOptions: Omit<Parameters<typeof startConsoleCloud>[0], 'consoleDir'>,
  pageOptions: BrowserContextOptions,
  ready: (opened: ConsoleInChromium) => void | Promise<void>,
): void {
  let consoleDir = '';
  let cloud: ConsoleCloud | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    consoleDir = await buildConsole();
    cloud = await startConsoleCloud({ ...cloudOptions, consoleDir });
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, ...pageOptions });
    await ready({ cloud, browser, page });
    // Building the console and migrating and seeding PGlite take a minute on a busy machine.
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await cloud?.close();
    if (consoleDir !== '') await rm(consoleDir, { recursive: true, force: true });
  });
}
