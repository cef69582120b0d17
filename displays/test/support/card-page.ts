import type { Browser, BrowserContext, Page } from 'playwright-core';

/** A phone-sized page on the loyalty card, for the organisation named in its link. */
export async function openCardPage(
  browser: Browser,
  baseUrl: string,
  organisationId: string,
  { timeZone = 'Europe/Paris', time }: { timeZone?: string; time?: Date } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'en-GB',
    timezoneId: timeZone,
  });
  if (time) await context.clock.install({ time });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/card/?org=${encodeURIComponent(organisationId)}`);
  return { context, page };
}

/** The text of the loyalty QR shown now (`VP1:<pass>:<proof>`). */
export const loyaltyQrText = async (page: Page): Promise<string> =>
  (await page.getByTestId('loyalty-qr').getAttribute('data-code')) ?? '';

export async function signInToCard(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}
