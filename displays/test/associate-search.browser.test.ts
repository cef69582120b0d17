import { rm } from 'node:fs/promises';
import type { ProfileInvitation } from '@vitrine/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { alertFixture, profileFixture } from './fixtures/arrival-alerts.ts';
import { buildAssociateApp } from './support/build-associate-app.ts';
import {
  describeInChromium,
  launchChromium,
  openAssociatePage,
  screenshotPath as screenshot,
  signIn,
  textOf,
} from './support/chromium.ts';
import { type FakeEdge, startFakeEdge } from './support/fake-edge.ts';
import type { FakeScan } from './support/fake-edge-customers.ts';

const TIME_ZONE = 'Asia/Tokyo';
// Refreshed in docs/ only on request (UPDATE_SCREENSHOTS=1), so a run leaves the tree clean.

const launch: ProfileInvitation = {
  eventId: 'evt_autumn-launch',
  name: 'Autumn launch evening',
  kind: 'launch',
  storeIds: ['sto_tokyo-ginza'],
  sessions: [
    {
      storeId: 'sto_tokyo-ginza',
      startsAt: '2026-12-10T10:00:00.000Z',
      endsAt: '2026-12-10T12:00:00.000Z',
    },
  ],
  rsvp: 'yes',
  hostAssociateIds: ['asc_aiko'],
};

const elise = profileFixture({ invitations: [launch], phone: '+33612345678' });
const haruto = profileFixture({
  id: 'cus_000457',
  firstName: 'Haruto',
  lastName: 'Nakamura',
  email: 'haruto.nakamura@example.jp',
  tier: 'platinum',
  currency: 'JPY',
  lifetimeValue: 12_480_000,
  homeStoreId: 'sto_tokyo-ginza',
  homeStoreName: 'Tokyo Ginza',
});

const scans = new Map<string, FakeScan>([
  [
    'VTR-LOYALTY-HARUTO',
    {
      kind: 'check-in',
      alert: alertFixture({
        alertId: 'alr_scan_haruto',
        source: 'qr-scan',
        profile: haruto,
        arrivedAt: new Date().toISOString(),
      }),
    },
  ],
  [
    'VTR-TICKET-ELISE',
    {
      kind: 'ticket',
      admission: {
        ticketId: 'tkt_elise',
        eventId: launch.eventId,
        customerId: elise.id,
        admission: 1,
        admits: 2,
      },
    },
  ],
  [
    'VTR-TICKET-USED',
    { kind: 'refused', status: 409, reason: 'already_used', message: 'ticket fully used' },
  ],
]);

let appDir = '';
beforeAll(async () => {
  appDir = await buildAssociateApp();
});
afterAll(async () => {
  if (appDir !== '') await rm(appDir, { recursive: true, force: true });
});

describeInChromium('the client desk in Chromium', () => {
  let browser: Browser;
  let edge: FakeEdge;

  beforeAll(async () => {
    edge = await startFakeEdge({
      appDir,
      customers: [elise, haruto],
      scans,
      zones: {
        at: new Date().toISOString(),
        zones: [
          {
            zoneId: 'zon_tokyo-ginza-entrance',
            name: 'Entrance',
            kind: 'entrance',
            identified: 1,
            anonymous: 3,
          },
          {
            zoneId: 'zon_tokyo-ginza-lounge',
            name: 'Lounge',
            kind: 'lounge',
            identified: 0,
            anonymous: 2,
          },
        ],
        unknownZone: { identified: 0, anonymous: 1 },
        nodes: [{ nodeId: 'node-lounge', zoneId: 'zon_tokyo-ginza-lounge', online: false }],
        // Élise (the alert fixture's client) was announced at the entrance; the edge sees
        // her in the lounge now.
        customers: [
          {
            customerId: 'cus_000123',
            zoneId: 'zon_tokyo-ginza-lounge',
            since: new Date().toISOString(),
          },
        ],
      },
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await edge?.close();
  });

  async function signedIn(run: (page: Page) => Promise<void>) {
    const { context, page } = await openAssociatePage(browser, edge.url, TIME_ZONE);
    try {
      await signIn(page, 'aiko@vitrine.demo');
      await page.locator('[data-status="connected"]').waitFor();
      await run(page);
    } finally {
      await context.close();
    }
  }

  it('finds a client of another store by name and opens the card with history and invitations', async () => {
    await signedIn(async (page) => {
      await page.getByLabel('Find a client').fill('ELISE mar');
      await page.getByRole('button', { name: 'Find' }).click();
      const result = page.locator(`.search-result[data-customer-id="${elise.id}"]`);
      await result.waitFor();
      const text = await textOf(result);
      expect(text).toContain('Élise Marchand');
      expect(text).toContain('Other store');
      expect(text).toContain('e•••@example.com');
      expect(text).not.toContain('elise.marchand@example.com');

      await result.click();
      const card = page.locator(`.customer-card[data-customer-id="${elise.id}"]`);
      await card.waitFor();
      const cardText = await textOf(card);
      expect(cardText).toContain('elise.marchand@example.com');
      expect(cardText).toContain('Paris Rivoli');
      expect(cardText).toContain('Silk scarf');
      const invitation = card.locator(`[data-event-id="${launch.eventId}"]`);
      await page.screenshot({ path: screenshot('associate-customer-card'), fullPage: true });
      expect(await textOf(invitation)).toMatch(
        /Autumn launch evening[\s\S]*Coming[\s\S]*You host them/,
      );

      await page.getByRole('button', { name: '← Back to arrivals' }).click();
      await card.waitFor({ state: 'detached' });
    });
  });

  it('says when nothing matches, and asks for 2 characters at least', async () => {
    await signedIn(async (page) => {
      await page.getByLabel('Find a client').fill('zzz');
      await page.getByRole('button', { name: 'Find' }).click();
      await page.getByText('No client found by name.').waitFor();
      await page.getByLabel('Find a client').fill('e');
      await page.getByRole('button', { name: 'Find' }).click();
      await page.getByText('Type at least 2 characters.').waitFor();
    });
  });

  it("shows each refused field's error by the field, and registers nothing", async () => {
    await signedIn(async (page) => {
      await page.getByRole('button', { name: 'New client' }).click();
      const form = page.locator('.register-form');
      await form.getByLabel('First name').fill('Mei');
      await form.getByLabel('Last name').fill('Tanabe');
      await form.getByLabel('Email').fill('mei.tanabe-at-example.jp');
      await form.getByRole('button', { name: 'Register client' }).click();
      const emailError = form.locator('#register-email-error');
      await emailError.waitFor();
      expect(await textOf(emailError)).toMatch(/email/i);
      expect(await form.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
      // The consents were not answered: each question says so.
      expect(await textOf(form.locator('#register-tracking-error'))).toContain('Ask the client');
      expect(await form.locator('#register-firstName-error').count()).toBe(0);
    });
  });

  it('warns of a duplicate with a link to the existing client, then registers a new one', async () => {
    await signedIn(async (page) => {
      await page.getByRole('button', { name: 'New client' }).click();
      const form = page.locator('.register-form');
      await form.getByLabel('First name').fill('Elise');
      await form.getByLabel('Last name').fill('Marchand');
      await form.getByLabel('Email').fill('elise.marchand@example.com');
      await form.getByLabel('Birth month').selectOption('4');
      for (const question of [
        'sense their visits',
        'offers and invitations',
        'see their profile',
      ]) {
        await form
          .getByRole('radiogroup', { name: new RegExp(question) })
          .getByLabel('Yes')
          .check();
      }
      await form.getByRole('button', { name: 'Register client' }).click();
      const warning = form.locator('.duplicate-warning');
      await warning.waitFor();
      expect(await textOf(warning)).toMatch(/may already exist[\s\S]*Élise Marchand — same email/);
      await page.screenshot({ path: screenshot('associate-register-duplicate'), fullPage: true });
      await warning.getByRole('button', { name: 'Élise Marchand' }).click();
      await page.locator(`.customer-card[data-customer-id="${elise.id}"]`).waitFor();

      await page.getByRole('button', { name: 'New client' }).click();
      await form.getByLabel('First name').fill('Mei');
      await form.getByLabel('Last name').fill('Tanabe');
      await form.getByLabel('Email').fill('mei.tanabe@example.jp');
      for (const [question, answer] of [
        ['sense their visits', 'No'],
        ['offers and invitations', 'Yes'],
        ['see their profile', 'Yes'],
      ] as const) {
        await form
          .getByRole('radiogroup', { name: new RegExp(question) })
          .getByLabel(answer)
          .check();
      }
      await form.getByRole('button', { name: 'Register client' }).click();
      const card = page.locator('.customer-card');
      await card.waitFor();
      const text = await textOf(card);
      expect(text).toContain('Mei Tanabe');
      expect(text).toContain('In-store sensing: no');
      expect(text).toContain('Offers and invitations: yes');
    });
  });

  it('checks a typed loyalty code in, admits a ticket, and says why a ticket is refused', async () => {
    await signedIn(async (page) => {
      await page.getByRole('button', { name: 'Scan' }).click();
      // Headless Chromium has no QR reader of its own: the page says so and offers typing.
      const hasDetector = await page.evaluate(() => 'BarcodeDetector' in globalThis);
      if (!hasDetector) await page.getByTestId('no-camera').waitFor();
      const code = page.locator('.scan-form').getByLabel('Code');
      const check = page.getByRole('button', { name: 'Check' });

      await code.fill('VTR-LOYALTY-HARUTO');
      await check.click();
      const checkedIn = page.locator('[data-outcome="checked-in"]');
      await checkedIn.waitFor();
      expect(await textOf(checkedIn)).toContain('Checked in: Haruto Nakamura');
      await checkedIn.getByRole('button', { name: 'See arrivals' }).click();
      await page.locator('[data-alert-id="alr_scan_haruto"]').waitFor();

      await page.getByRole('button', { name: 'Scan' }).click();
      await code.fill('VTR-TICKET-ELISE');
      await check.click();
      const admitted = page.locator('[data-outcome="admitted"]');
      await admitted.waitFor();
      expect(await textOf(admitted)).toContain('guest 1 of 2');

      await code.fill('VTR-TICKET-USED');
      await check.click();
      const refused = page.locator('[data-outcome="refused"]');
      await refused.waitFor();
      expect(await textOf(refused)).toContain('already used');
    });
  });

  it("shows a door guest's event and the invitations on the arrival card", async () => {
    await signedIn(async (page) => {
      edge.emitAlert(
        alertFixture({
          alertId: 'alr_door_elise',
          source: 'qr-scan',
          profile: elise,
          arrivedAt: new Date().toISOString(),
          event: { eventId: launch.eventId, name: launch.name },
        }),
      );
      const card = page.locator('[data-alert-id="alr_door_elise"]');
      await card.waitFor();
      expect(await textOf(card.locator('.guest-banner'))).toMatch(
        /Guest at the door[\s\S]*Autumn launch evening/,
      );
      expect(await textOf(card.locator('.invitations'))).toMatch(
        /Autumn launch evening[\s\S]*You host them/,
      );
    });
  });

  it('shows the store map: head counts per zone, and where the consenting clients are now', async () => {
    await signedIn(async (page) => {
      edge.emitAlert(
        alertFixture({ alertId: 'alr_map_elise', arrivedAt: new Date().toISOString() }),
      );
      await page.locator('[data-alert-id="alr_map_elise"]').waitFor();
      await page.getByRole('button', { name: 'Store map' }).click();
      const entrance = page.locator('[data-zone-id="zon_tokyo-ginza-entrance"]');
      await entrance.waitFor();
      expect(await textOf(entrance)).toMatch(/Entrance[\s\S]*4[\s\S]*1 identified · 3 anonymous/);
      expect(await textOf(entrance)).not.toContain('Élise');
      const lounge = page.locator('[data-zone-id="zon_tokyo-ginza-lounge"]');
      expect(await textOf(lounge)).toContain('Scanner offline');
      expect(await textOf(lounge)).toMatch(/Élise Marchand since \d/);
      await page.getByText('1 more in the store, zone not known.').waitFor();
    });
  });
});
