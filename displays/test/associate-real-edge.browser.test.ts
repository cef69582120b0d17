import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium, textOf } from './support/chromium.ts';
import { msFromTapToText } from './support/claim-latency.ts';
import { useRealStoreInChromium } from './support/real-store-suite.ts';

const TIME_ZONE = 'Asia/Tokyo';
const CLOCK = String.raw`\d\d:\d\d(?: [AP]M)?`;

describeInChromium('the associate page on a real edge, in Chromium', () => {
  /** Tokyo Ginza associates of the demo seed, each on a tablet of their own. */
  const real = useRealStoreInChromium({ timeZone: TIME_ZONE });
  const associate = real.associate;
  const holder = (card: Locator) => card.getByTestId('claim-holder');
  const button = (card: Locator, name: string) => card.getByRole('button', { name, exact: true });

  it('lets two associates share an arrival: claim seen within a second, take-over on purpose, release, outcome', async () => {
    const aiko = await associate('aiko@vitrine.demo');
    const kenji = await associate('kenji@vitrine.demo');

    // The edge is fresh and runs no simulator: the first card is this check-in's.
    await real.store.checkIn();
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
