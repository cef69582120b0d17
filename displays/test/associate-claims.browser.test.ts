import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArrivalAlert, CampaignSuggestion } from '@vitrine/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { buildAssociateApp } from './support/build-associate-app.ts';
import {
  describeInChromium,
  launchChromium,
  openAssociatePage,
  screenshotPath,
  signIn,
  textOf,
} from './support/chromium.ts';
import { msFromTapToText } from './support/claim-latency.ts';
import {
  earlierArrivals,
  homeMemberArrival,
  visitingGoldArrival,
} from './support/demo-arrivals.ts';
import { type FakeEdge, startFakeEdge } from './support/fake-edge.ts';

// The committed screenshot in docs/ is refreshed only on request, so that a test run
// leaves the work tree clean: UPDATE_SCREENSHOTS=1 npx vitest run displays
const SCREENSHOT = screenshotPath('associate-app');
const TIME_ZONE = 'Asia/Tokyo';

const suggestionFor = (alert: ArrivalAlert): CampaignSuggestion => ({
  suggestionId: `sug_${alert.alertId}`,
  storeId: alert.storeId,
  customerId: alert.customerId,
  campaignId: 'cmp_winter-preview',
  zoneId: alert.zoneId,
  suggestion: 'Invite her to the winter cashmere preview on Friday evening.',
  at: new Date().toISOString(),
});

describeInChromium('claims on the associate page in Chromium', () => {
  let appDir = '';
  let browser: Browser;
  let edge: FakeEdge;
  let contexts: BrowserContext[] = [];

  beforeAll(async () => {
    appDir = await buildAssociateApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    if (appDir !== '') await rm(appDir, { recursive: true, force: true });
  });
  afterEach(async () => {
    for (const context of contexts) await context.close();
    contexts = [];
    await edge?.close();
  });

  /** An associate of the store, signed in on a tablet of their own, feed connected. */
  const associate = async (email: string): Promise<Page> => {
    const { context, page } = await openAssociatePage(browser, edge.url, TIME_ZONE);
    contexts.push(context);
    // A step that does not happen fails on its own locator, well within the test's time.
    page.setDefaultTimeout(5_000);
    await signIn(page, email);
    await page.locator('[data-status="connected"]').waitFor();
    return page;
  };
  const card = (page: Page, alert: ArrivalAlert) =>
    page.locator(`[data-alert-id="${alert.alertId}"]`);
  const holderOf = (page: Page, alert: ArrivalAlert) =>
    card(page, alert).getByTestId('claim-holder');
  const button = (page: Page, alert: ArrivalAlert, name: string) =>
    card(page, alert).getByRole('button', { name, exact: true });

  it('shows a claim to a colleague within a second; take-over needs a confirm; release; an outcome with its note', async () => {
    edge = await startFakeEdge({ appDir, recent: earlierArrivals(new Date()) });
    const aiko = await associate('aiko@vitrine.demo');
    const kenji = await associate('kenji@vitrine.demo');

    const live = visitingGoldArrival(new Date());
    edge.emitAlert(live);
    await card(aiko, live).waitFor();
    await card(kenji, live).waitFor();
    edge.emitSuggestion(suggestionFor(live));
    await card(kenji, live).getByText('winter cashmere preview').waitFor();

    await button(aiko, live, 'Acknowledge').click();
    await card(kenji, live)
      .getByText(/Seen by Aiko at \d\d:\d\d(?: [AP]M)?$/)
      .waitFor();

    const seenAfterMs = await msFromTapToText(
      button(aiko, live, 'I’m with them'),
      holderOf(kenji, live),
      /^with Aiko since \d\d:\d\d(?: [AP]M)?$/,
    );
    expect(seenAfterMs).toBeLessThan(1_000);
    expect(await textOf(holderOf(aiko, live))).toMatch(/^with you since \d\d:\d\d(?: [AP]M)?$/);
    expect(await button(kenji, live, 'I’m with them').count()).toBe(0);

    // A take-over is never one tap: the first only asks.
    await button(kenji, live, 'Take over').click();
    await card(kenji, live).getByText('Take over from Aiko? They will see it.').waitFor();
    await button(kenji, live, 'Cancel').click();
    expect(await textOf(holderOf(aiko, live))).toMatch(/^with you since/);
    await button(kenji, live, 'Take over').click();
    await button(kenji, live, 'Confirm take-over').click();
    await holderOf(aiko, live)
      .getByText(/^with Kenji since \d\d:\d\d(?: [AP]M)?$/)
      .waitFor();

    // Aiko takes the customer back, then lets them go.
    await button(aiko, live, 'Take over').click();
    await button(aiko, live, 'Confirm take-over').click();
    await holderOf(kenji, live)
      .getByText(/^with Aiko since/)
      .waitFor();
    await button(aiko, live, 'Release').click();
    await holderOf(kenji, live).getByText('Nobody is with them yet').waitFor();

    await button(aiko, live, 'I’m with them').click();
    await button(aiko, live, 'Record outcome').click();
    await card(aiko, live).getByLabel('Outcome').selectOption('purchase');
    await card(aiko, live)
      .getByLabel('Note')
      .fill('Cashmere scarf, grey; wants the coat in size 38.');
    await button(aiko, live, 'Save outcome').click();
    const outcome = card(kenji, live).locator('.claim__outcome');
    await outcome.waitFor();
    expect(await textOf(outcome)).toMatch(
      /^Purchase\s*Aiko Sato · \d\d:\d\d(?: [AP]M)?\s*Cashmere scarf, grey; wants the coat in size 38\.$/,
    );
    expect(await card(aiko, live).getByTestId('claim-problem').count()).toBe(0);

    const next = homeMemberArrival(new Date());
    edge.emitAlert(next);
    await card(kenji, next).waitFor();
    await button(kenji, next, 'I’m with them').click();
    await holderOf(aiko, next)
      .getByText(/^with Kenji since/)
      .waitFor();

    await mkdir(join(SCREENSHOT, '..'), { recursive: true });
    await aiko.screenshot({ path: SCREENSHOT, fullPage: true, animations: 'disabled' });
  }, 60_000);

  it('holds a claim made while the store is unreachable, resends it, and shows a colleague’s win plainly', async () => {
    edge = await startFakeEdge({ appDir });
    const aiko = await associate('aiko@vitrine.demo');
    const kenji = await associate('kenji@vitrine.demo');
    const live = visitingGoldArrival(new Date());
    edge.emitAlert(live);
    await card(aiko, live).waitFor();
    await card(kenji, live).waitFor();

    edge.goOffline();
    await aiko.locator('[data-status="connected"]').waitFor({ state: 'detached' });
    await kenji.locator('[data-status="connected"]').waitFor({ state: 'detached' });
    await button(aiko, live, 'I’m with them').click();
    await button(kenji, live, 'I’m with them').click();
    for (const page of [aiko, kenji]) {
      const pending = card(page, live).getByTestId('claim-pending');
      expect(await textOf(pending)).toBe(
        'Connection lost: the claim will be sent when it is back.',
      );
      expect(await button(page, live, 'I’m with them').isDisabled()).toBe(true);
    }

    edge.goOnline();
    // Both claims are resent; the edge gives the customer to one and refuses the other.
    const holder = await Promise.race([
      holderOf(aiko, live)
        .getByText(/^with you since/)
        .waitFor({ timeout: 15_000 })
        .then(() => 'aiko'),
      holderOf(kenji, live)
        .getByText(/^with you since/)
        .waitFor({ timeout: 15_000 })
        .then(() => 'kenji'),
    ]);
    const [winner, loser, winnerName] =
      holder === 'aiko' ? [aiko, kenji, 'Aiko Sato'] : [kenji, aiko, 'Kenji Mori'];
    const problem = card(loser, live).getByTestId('claim-problem');
    await problem.waitFor({ timeout: 15_000 });
    expect(await textOf(problem)).toMatch(
      new RegExp(
        `^${winnerName} is already with this customer \\(since .+\\); take over to claim it$`,
      ),
    );
    await holderOf(loser, live)
      .getByText(`with ${winnerName.split(' ')[0]} since`, { exact: false })
      .waitFor();
    expect(await card(winner, live).getByTestId('claim-pending').count()).toBe(0);
    expect(await card(loser, live).getByTestId('claim-pending').count()).toBe(0);
  });

  it('records an outcome once when its answer is lost with the socket', async () => {
    edge = await startFakeEdge({ appDir });
    const aiko = await associate('aiko@vitrine.demo');
    const kenji = await associate('kenji@vitrine.demo');
    const live = visitingGoldArrival(new Date());
    edge.emitAlert(live);
    await card(aiko, live).waitFor();

    edge.loseNextAnswer('arrival:outcome');
    await button(aiko, live, 'Record outcome').click();
    await card(aiko, live).getByLabel('Outcome').selectOption('offer-accepted');
    await card(aiko, live).getByLabel('Note').fill('Accepted the preview invitation.');
    await button(aiko, live, 'Save outcome').click();

    // Back on a new socket, the resync shows the outcome recorded: nothing is sent again.
    await card(aiko, live).locator('.claim__outcome').waitFor();
    await aiko.locator('[data-status="connected"]').waitFor();
    await card(aiko, live).getByTestId('claim-pending').waitFor({ state: 'detached' });
    await card(kenji, live).locator('.claim__outcome').waitFor();
    expect(await card(aiko, live).locator('.claim__outcome').count()).toBe(1);
    expect(await card(kenji, live).locator('.claim__outcome').count()).toBe(1);
    expect(await card(aiko, live).getByTestId('claim-problem').count()).toBe(0);
  });
});
