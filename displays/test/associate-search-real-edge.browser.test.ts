import { expect, it } from 'vitest';
import { describeInChromium, textOf } from './support/chromium.ts';
import { useRealStoreInChromium } from './support/real-store-suite.ts';

const TIME_ZONE = 'Asia/Tokyo';

describeInChromium('the client desk on a real edge, in Chromium', () => {
  const real = useRealStoreInChromium({ timeZone: TIME_ZONE });
  const signedIn = () => real.associate('aiko@vitrine.demo', 15_000);

  it('finds a client through the edge and the cloud, then checks them in from their typed loyalty QR', async () => {
    const { code, customer } = await real.store.loyaltyCode();
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
