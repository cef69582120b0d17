import { memberStoreListSchema } from '@vitrine/shared';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { openCardPage, signInToCard } from './support/card-page.ts';
import { describeInChromium, textOf } from './support/chromium.ts';
import { DEMO_CARD_MEMBER } from './support/real-store.ts';
import { useRealStoreInChromium } from './support/real-store-suite.ts';

const TIME_ZONE = 'Asia/Tokyo';
const CLOCK = String.raw`\d\d:\d\d(?: [AP]M)?`;

/** The store as the cloud lists it to phones, once its edge has reported where `/mqtt` is. */
async function waitForCheckInAddress(cloudUrl: string, storeId: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  const query = new URLSearchParams({ organisationId: DEMO_CARD_MEMBER.organisationId });
  while (Date.now() < deadline) {
    const response = await fetch(`${cloudUrl}/v1/members/stores?${query}`);
    const listed = memberStoreListSchema.safeParse(await response.json().catch(() => null));
    const store = listed.success
      ? listed.data.items.find((item) => item.id === storeId)
      : undefined;
    if (store?.mqttWebSocketUrl) return store.mqttWebSocketUrl;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${storeId}: the cloud lists no MQTT WebSocket address after ${timeoutMs} ms`);
}

describeInChromium('a check-in from the loyalty card on a real store, in Chromium', () => {
  const real = useRealStoreInChromium({
    timeZone: TIME_ZONE,
    storeId: DEMO_CARD_MEMBER.storeId,
    withCard: true,
  });
  /** A Tokyo Ginza associate on a tablet of their own, signed in and connected. */
  const associate = real.associate;

  it('alerts the associates when a customer checks in from the card; one claims, the other sees it', async () => {
    const aiko = await associate('aiko@vitrine.demo');
    const kenji = await associate('kenji@vitrine.demo');
    const { browser, store } = real;
    await waitForCheckInAddress(store.cloudUrl, DEMO_CARD_MEMBER.storeId);

    const { context, page: card } = await openCardPage(
      browser,
      store.cloudUrl,
      DEMO_CARD_MEMBER.organisationId,
      { timeZone: TIME_ZONE },
    );
    real.keep(context);
    card.setDefaultTimeout(15_000);
    await signInToCard(card, DEMO_CARD_MEMBER.email, DEMO_CARD_MEMBER.password);
    await card.getByTestId('member-name').getByText(DEMO_CARD_MEMBER.name).waitFor();
    await card.locator(`#store option[value="${DEMO_CARD_MEMBER.storeId}"]`).waitFor({
      state: 'attached',
    });
    await card.getByLabel('Store', { exact: true }).selectOption(DEMO_CARD_MEMBER.storeId);
    await card.getByTestId('link-status').getByText('Connected to the store').waitFor();
    await card.getByTestId('loyalty-qr').waitFor();

    // The edge is fresh and runs no simulator: the first card on the tablet is this one.
    const alertShown = aiko.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const found = () => document.querySelector('article[data-alert-id]') !== null;
          if (found()) return resolve(Date.now());
          new MutationObserver((_changes, observer) => {
            if (!found()) return;
            observer.disconnect();
            resolve(Date.now());
          }).observe(document.body, { subtree: true, childList: true });
        }),
    );
    const checkIn = card.getByRole('button', { name: /^Check in at / });
    const tapped = checkIn.evaluate(
      (element) =>
        new Promise<number>((resolve) =>
          element.addEventListener('click', () => resolve(Date.now()), {
            capture: true,
            once: true,
          }),
        ),
    );
    await checkIn.click();
    await card.getByTestId('checked-in').waitFor();
    const latencyMs = (await alertShown) - (await tapped);
    console.info(`loyalty card check-in → associate alert: ${latencyMs} ms`);

    const first = aiko.locator('article[data-alert-id]').first();
    const alertId = await first.getAttribute('data-alert-id');
    const cardOf = (page: Page) => page.locator(`article[data-alert-id="${alertId}"]`);
    const [mine, theirs] = [cardOf(aiko), cardOf(kenji)];
    await theirs.waitFor();
    expect(await textOf(mine)).toContain(DEMO_CARD_MEMBER.name.split(' ')[0]);

    await mine.getByRole('button', { name: 'I’m with them', exact: true }).click();
    await theirs
      .getByTestId('claim-holder')
      .getByText(new RegExp(`^with Aiko since ${CLOCK}$`))
      .waitFor();
    expect(await textOf(mine.getByTestId('claim-holder'))).toMatch(/^with you since/);
  }, 240_000);
});
