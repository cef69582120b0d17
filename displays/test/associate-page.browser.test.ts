import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArrivalAlert } from '@vitrine/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarDay } from '../src/associate/domain/alert-feed.ts';
import { buildAssociateApp } from './support/build-associate-app.ts';
import {
  describeInChromium,
  launchChromium,
  openAssociatePage,
  signIn,
  textOf,
} from './support/chromium.ts';
import {
  earlierArrivals,
  homeMemberArrival,
  visitingGoldArrival,
} from './support/demo-arrivals.ts';
import { type FakeEdge, startFakeEdge } from './support/fake-edge.ts';

const TIME_ZONE = 'Asia/Tokyo';
const SESSION_KEY = 'vitrine.associate.session';

let appDir = '';
beforeAll(async () => {
  appDir = await buildAssociateApp();
});
afterAll(async () => {
  if (appDir !== '') await rm(appDir, { recursive: true, force: true });
});

describe('the built associate page', () => {
  it('loads its assets from /associate/, where the edge serves it', async () => {
    const html = await readFile(join(appDir, 'index.html'), 'utf8');
    // Inline data: URIs (the icon) load from nowhere; every other URL must be under /associate/.
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)]
      .map((m) => m[1])
      .filter((url) => !url?.startsWith('data:'));
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).toMatch(/^\/associate\/assets\//);
  });

  it('bundles no Node-only module', async () => {
    const assets = await readdir(join(appDir, 'assets'));
    const scripts = assets.filter((name) => name.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const name of scripts) {
      const code = await readFile(join(appDir, 'assets', name), 'utf8');
      expect(code).not.toMatch(/["']node:[a-z]/);
    }
  });
});

describeInChromium('the associate page in Chromium', () => {
  let browser: Browser;
  let edge: FakeEdge;
  const now = new Date();

  beforeAll(async () => {
    edge = await startFakeEdge({ appDir, recent: earlierArrivals(now) });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await edge?.close();
  });

  const openPage = () => openAssociatePage(browser, edge.url, TIME_ZONE);

  it('shows a live arrival with tier, a purchase from another store and the suggestion', async () => {
    const { context, page } = await openPage();
    try {
      await signIn(page, 'aiko@vitrine.demo');
      // The store's name comes from the socket's hello, so the feed is joined.
      await page.getByTestId('store-name').getByText('Tokyo Ginza').waitFor();
      await page.locator('[data-status="connected"]').waitFor();
      await page.locator('[data-alert-id="alr_recent_haruto"]').waitFor();

      const live = visitingGoldArrival(new Date());
      edge.emitAlert(live);
      const card = page.locator(`[data-alert-id="${live.alertId}"]`);
      await card.waitFor();

      const text = await textOf(card);
      expect(text).toContain('Élise Marchand');
      expect(text).toMatch(/gold/i);
      expect(text).toContain(live.suggestion);
      expect(text).toContain('€48,250');
      const otherStore = card.locator('.purchase[data-other-store="true"]');
      expect(await otherStore.count()).toBe(1);
      expect(await textOf(otherStore)).toMatch(/Paris Rivoli[\s\S]*Other store/i);
      expect(await textOf(card.locator('.purchase[data-other-store="false"]'))).toContain(
        'Tokyo Ginza',
      );

      // Newest first, announced and counted.
      const order = await page
        .locator('article[data-alert-id]')
        .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-alert-id')));
      expect(order).toEqual([
        'alr_live_elise',
        'alr_recent_haruto',
        'alr_recent_sofia',
        'alr_recent_unknown',
      ]);
      expect(await textOf(page.getByTestId('announcer'))).toContain(
        'New arrival: Élise Marchand, Gold.',
      );
      const countToday = (alerts: readonly ArrivalAlert[]) => {
        const today = calendarDay(new Date(), TIME_ZONE);
        return alerts.filter((a) => calendarDay(new Date(a.arrivedAt), TIME_ZONE) === today).length;
      };
      const todayBefore = countToday([live, ...earlierArrivals(now)]);
      expect(await textOf(page.getByTestId('today-count'))).toBe(String(todayBefore));

      // Degraded alerts say so.
      expect(await textOf(page.locator('[data-alert-id="alr_recent_sofia"]'))).toContain(
        'Profile from cache',
      );
      expect(await textOf(page.locator('[data-alert-id="alr_recent_unknown"]'))).toMatch(
        /Profile unavailable\s*—\s*customer cus_004217 checked in/,
      );

      // The edge sends the same alert again, then another one: socket.io keeps the order,
      // so once the second is shown the repeat has been handled, and made no new card.
      const next = homeMemberArrival(new Date());
      edge.emitAlert(live);
      edge.emitAlert(next);
      await page.locator(`[data-alert-id="${next.alertId}"]`).waitFor();
      expect(await page.locator(`[data-alert-id="${live.alertId}"]`).count()).toBe(1);
      expect(await page.locator('article[data-alert-id]').count()).toBe(5);
      expect(await textOf(page.getByTestId('today-count'))).toBe(
        String(countToday([next, live, ...earlierArrivals(now)])),
      );

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByLabel('Email').waitFor();
      expect(await page.evaluate((key) => sessionStorage.getItem(key), SESSION_KEY)).toBe(null);
    } finally {
      await context.close();
    }
  });

  it('fetches the arrivals it missed after the edge drops the connection', async () => {
    const { context, page } = await openPage();
    try {
      await signIn(page, 'aiko@vitrine.demo');
      await page.getByTestId('store-name').getByText('Tokyo Ginza').waitFor();
      await page.locator('[data-status="connected"]').waitFor();
      await page.locator('[data-alert-id="alr_recent_haruto"]').waitFor();

      const missed = homeMemberArrival(new Date());
      edge.recordOnly({ ...missed, alertId: 'alr_missed_ren' });
      edge.dropSockets();

      await page.locator('[data-alert-id="alr_missed_ren"]').waitFor();
      await page.locator('[data-status="connected"]').waitFor();
      expect(await page.locator('[data-alert-id="alr_missed_ren"]').count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it('returns to the login with the reason when the edge refuses the socket', async () => {
    const { context, page } = await openPage();
    edge.refuseSockets('forbidden: associate of sto_paris-rivoli');
    try {
      await signIn(page, 'kenji@vitrine.demo');
      const notice = page.getByTestId('login-notice');
      await notice.waitFor();
      expect(await textOf(notice)).toContain('associate of sto_paris-rivoli');
      expect(await page.getByLabel('Email').isVisible()).toBe(true);
      expect(await page.evaluate((key) => sessionStorage.getItem(key), SESSION_KEY)).toBe(null);
    } finally {
      edge.refuseSockets(null);
      await context.close();
    }
  });

  it('shows the edge’s reason when a login is refused', async () => {
    const { context, page } = await openPage();
    try {
      await signIn(page, 'aiko@vitrine.demo', 'not-the-password');
      const error = page.getByTestId('login-error');
      await error.waitFor();
      expect(await textOf(error)).toBe('Wrong email or password.');

      await signIn(page, 'camille@vitrine.demo');
      await page.getByTestId('login-error').getByText('not an associate of this store').waitFor();
    } finally {
      await context.close();
    }
  });
});
