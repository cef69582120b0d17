import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  buildTopic,
  createEnvelope,
  type Decoded,
  decodeLoyaltyQr,
  decodeMessage,
  encodeLoyaltyQr,
  type MemberStore,
  PASS_TYP,
  PROOF_TYP,
  passClaimsSchema,
  passHash,
  proofClaimsSchema,
  topicFilter,
} from '@vitrine/shared';
import { compactVerify, decodeJwt, importJWK, jwtVerify } from 'jose';
import { connectAsync, type MqttClient } from 'mqtt';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCardApp } from './support/build-card-app.ts';
import { loyaltyQrText, openCardPage } from './support/card-page.ts';
import { describeInChromium, launchChromium, screenshotPath } from './support/chromium.ts';
import { type FakeMemberCloud, startFakeMemberCloud } from './support/fake-member-cloud.ts';
import { startWsBroker, type WsBroker } from './support/ws-broker.ts';

const STORE_ID = 'sto_paris-rivoli';
const PASSWORD = 'a long card password';
// Written to docs/ only when asked, so that a test run leaves the work tree clean:
// UPDATE_SCREENSHOTS=1 npx vitest run displays/test/card.browser.test.ts
const SCREENSHOT = screenshotPath('loyalty-card');

let appDir = '';
beforeAll(async () => {
  appDir = await buildCardApp();
});
afterAll(async () => {
  if (appDir !== '') await rm(appDir, { recursive: true, force: true });
});

describe('the built loyalty card', () => {
  it('is installable: a manifest with icons under /card/ and a service worker', async () => {
    const html = await readFile(join(appDir, 'index.html'), 'utf8');
    expect(html).toContain('rel="manifest" href="/card/manifest.webmanifest"');
    const manifest = JSON.parse(await readFile(join(appDir, 'manifest.webmanifest'), 'utf8'));
    expect(manifest).toMatchObject({ start_url: '/card/', scope: '/card/', display: 'standalone' });
    expect(manifest.icons.length).toBeGreaterThan(0);
    await expect(readFile(join(appDir, 'sw.js'), 'utf8')).resolves.toContain('caches');
  });
});

/** What a store edge would receive: every message the phones publish, decoded. */
function listen(client: MqttClient) {
  const received: Decoded[] = [];
  client.on('message', (topic, payload) => {
    const decoded = decodeMessage(topic, payload);
    if (decoded.ok) received.push(decoded);
  });
  return received;
}

/** Polls as long as a slow, shared machine may need; Playwright's own waits are shorter. */
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 10_000 });

async function waitFor<T>(find: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`not received: ${what}`);
}

describeInChromium('the loyalty card in Chromium', () => {
  let browser: Browser;
  let broker: WsBroker;
  let cloud: FakeMemberCloud;
  let edge: MqttClient;
  let received: Decoded[];
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    broker = await startWsBroker();
    const store: MemberStore = {
      id: STORE_ID,
      name: 'Paris Rivoli',
      city: 'Paris',
      country: 'FR',
      timeZone: 'Europe/Paris',
      mqttWebSocketUrl: broker.url,
      online: true,
    };
    cloud = await startFakeMemberCloud({ appDir, store });
    edge = await connectAsync(broker.url, { clientId: 'card-test-edge' });
    received = listen(edge);
    await edge.subscribeAsync(
      ['checkIn', 'qrScan', 'offerOpened'].map((name) =>
        topicFilter(name as 'checkIn', { store: STORE_ID }),
      ),
      { qos: 1 },
    );
    browser = await launchChromium();
    ({ context, page } = await openCardPage(browser, cloud.url, cloud.organisationId, {
      time: new Date(),
    }));
    page.setDefaultTimeout(8_000);
  });
  afterAll(async () => {
    await browser?.close();
    await edge?.endAsync();
    await cloud?.close();
    await broker?.close();
  });

  it('shows each enrolment error by its field, then enrols', async () => {
    await page.getByRole('tab', { name: 'Join' }).click();
    await page.getByLabel('Email').fill('claire@');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('firstName-error').textContent())
      .toBe('Enter your first name.');
    expect(await page.getByTestId('email-error').textContent()).toBe(
      'Enter a valid email address.',
    );
    expect(await page.getByTestId('password-error').textContent()).toMatch(/at least 10/);
    expect(await page.getByTestId('lastName-error').count()).toBe(1);

    await page.getByLabel('First name').fill('Claire');
    await page.getByLabel('Last name').fill('Dubois');
    await page.getByLabel('Email').fill('claire@example.com');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await eventually(() => page.getByTestId('member-name').textContent()).toBe('Claire Dubois');
    expect(await page.getByTestId('firstName-error').count()).toBe(0);
  });

  it('receives a pass for a key the browser keeps and cannot export', async () => {
    const issued = await waitFor(() => cloud.passes[0], 'a pass');
    const claims = passClaimsSchema.parse(decodeJwt(issued.pass));
    expect(claims.sub).toBe(issued.customerId);
    const extractable = await page.evaluate(
      () =>
        new Promise<boolean | null>((resolve) => {
          const open = indexedDB.open('vitrine-card');
          open.onsuccess = () => {
            const get = open.result.transaction('keys').objectStore('keys').get('app');
            get.onsuccess = () => resolve(get.result?.privateKey?.extractable ?? null);
          };
        }),
    );
    expect(extractable).toBe(false);
  });

  it('shows the rotating QR of the pass and a proof for the chosen store', async () => {
    await page.getByLabel('Store', { exact: true }).selectOption(STORE_ID);
    await eventually(() => loyaltyQrText(page)).toMatch(/^VP1:/);
    const first = decodeLoyaltyQr(await loyaltyQrText(page));
    if (!first.ok) throw new Error(first.detail);
    expect(first.value.pass).toBe(cloud.passes.at(-1)?.pass);
    const proof = proofClaimsSchema.parse(decodeJwt(first.value.proof));
    expect(proof.store).toBe(STORE_ID);
    expect(await page.getByTestId('qr-countdown').textContent()).toMatch(/^Renews in \d+ s$/);

    await page.clock.fastForward(30_000);
    await eventually(() => loyaltyQrText(page)).not.toBe(encodeLoyaltyQr(first.value));
    const next = decodeLoyaltyQr(await loyaltyQrText(page));
    if (!next.ok) throw new Error(next.detail);
    expect(proofClaimsSchema.parse(decodeJwt(next.value.proof)).step).toBe(proof.step + 1);
  });

  it('checks in over MQTT with the pass and a proof the store verifies', async () => {
    await expect
      .poll(() => page.getByTestId('link-status').textContent())
      .toBe('Connected to the store');
    await page.getByRole('button', { name: 'Check in at Paris Rivoli' }).click();
    await eventually(() => page.getByTestId('checked-in').count()).toBe(1);
    const checkIn = await waitFor(
      () => received.find((message) => message.name === 'checkIn'),
      'a check-in',
    );
    if (checkIn.name !== 'checkIn') throw new Error('not a check-in');
    const { pass, proof, clientId } = checkIn.payload.data;
    expect(clientId).toBe(checkIn.params.clientId);
    expect(clientId).toMatch(/^card-/);

    // What the edge checks: the organisation signed the pass, the pass's key the proof.
    const organisationKey = await importJWK(cloud.publicJwk, 'ES256');
    const verifiedPass = await jwtVerify(pass, organisationKey, { typ: PASS_TYP });
    const claims = passClaimsSchema.parse(verifiedPass.payload);
    const appKey = await importJWK(claims.cnf.jwk, 'ES256');
    const verifiedProof = await compactVerify(proof, appKey);
    expect(verifiedProof.protectedHeader.typ).toBe(PROOF_TYP);
    const proofClaims = proofClaimsSchema.parse(
      JSON.parse(new TextDecoder().decode(verifiedProof.payload)),
    );
    expect(proofClaims.store).toBe(STORE_ID);
    expect(proofClaims.passHash).toBe(await passHash(pass));
  });

  it('shows an offer the store sends, and reports it opened', async () => {
    const checkIn = received.find((message) => message.name === 'checkIn');
    if (checkIn?.name !== 'checkIn') throw new Error('no check-in');
    const clientId = checkIn.params.clientId;
    const offer = {
      offerId: 'off_scarves',
      title: 'A gift with your scarf',
      body: 'A silk pouch with any scarf today.',
      code: 'SILK',
      validUntil: new Date(Date.now() + 3_600_000).toISOString(),
      deliveryId: 'dec1-0',
    };
    await edge.publishAsync(
      buildTopic('phoneOffer', { store: STORE_ID, clientId }),
      JSON.stringify(createEnvelope(STORE_ID, offer, { at: new Date() })),
      { qos: 1 },
    );
    const shown = page.getByTestId('offer').filter({ hasText: 'A gift with your scarf' });
    await eventually(() => shown.count()).toBe(1);
    await shown.getByText('A gift with your scarf').click();
    const opened = await waitFor(
      () => received.find((message) => message.name === 'offerOpened'),
      'an offer opened',
    );
    if (opened.name !== 'offerOpened') throw new Error('not an offer opened');
    expect(opened.payload.data).toMatchObject({ deliveryId: 'dec1-0', offerId: 'off_scarves' });
  });

  it('sends a typed code as a scan and shows the store’s answer', async () => {
    await page.getByLabel('Code', { exact: true }).fill('VC1:label-of-a-bag');
    await page.getByRole('button', { name: 'Send code' }).click();
    const scan = await waitFor(
      () => received.find((message) => message.name === 'qrScan'),
      'a scan',
    );
    if (scan.name !== 'qrScan') throw new Error('not a scan');
    expect(scan.payload.data.code).toBe('VC1:label-of-a-bag');
    expect(scan.payload.data.proof).toBeDefined();
    await edge.publishAsync(
      buildTopic('scanAnswer', { store: STORE_ID, clientId: scan.params.clientId }),
      JSON.stringify(
        createEnvelope(
          STORE_ID,
          {
            outcome: 'product',
            scanId: scan.payload.id,
            product: {
              sku: 'BAG-01',
              name: 'Rivoli tote',
              category: 'bags',
              price: 890,
              currency: 'EUR',
            },
            personal: 'In the tan you usually choose.',
            offer: null,
          },
          { at: new Date() },
        ),
      ),
      { qos: 1 },
    );
    await expect.poll(() => page.getByTestId('scan-answer').textContent()).toContain('Rivoli tote');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('answers an invitation and shows the ticket of a "yes"', async () => {
    const invitation = page.getByTestId('invitation').filter({ hasText: 'Winter private evening' });
    await invitation.getByRole('button', { name: 'Yes' }).click();
    await expect
      .poll(() => invitation.getByTestId('ticket-qr').getAttribute('data-code'))
      .toMatch(/^VT1:/);
  });

  it('withdraws and grants consent, then carries it in a new pass', async () => {
    const before = cloud.passes.length;
    await page
      .getByRole('checkbox', { name: /In-store presence/ })
      .last()
      .check();
    await page
      .getByRole('checkbox', { name: /Offers and invitations/ })
      .last()
      .uncheck();
    await page.getByRole('button', { name: 'Save my choices' }).click();
    await eventually(() => page.getByTestId('consent-message').textContent()).toMatch(/^Saved/);
    expect(cloud.consentOf('claire@example.com')).toEqual({
      tracking: true,
      marketing: false,
      profiling: true,
    });
    expect(cloud.passes.length).toBe(before + 1);
    const renewed = passClaimsSchema.parse(decodeJwt(cloud.passes.at(-1)?.pass ?? ''));
    expect(renewed.consent).toEqual({ tracking: true, marketing: false, profiling: true });
    await expect
      .poll(async () => decodeLoyaltyQr(await loyaltyQrText(page)))
      .toMatchObject({
        ok: true,
        value: { pass: cloud.passes.at(-1)?.pass },
      });
  });

  it('opens with its QR with no network at all', async () => {
    // The service worker keeps the shell as it installs; the card keeps its own data.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await context.setOffline(true);
    await page.reload();
    await eventually(() => page.getByTestId('member-name').textContent()).toBe('Claire Dubois');
    await eventually(() => loyaltyQrText(page)).toMatch(/^VP1:/);
    await context.setOffline(false);
  });

  it('forgets the pass, the session and the key on signing out', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await eventually(() => page.getByRole('tab', { name: 'Join' }).count()).toBe(1);
    const kept = await page.evaluate(() => localStorage.getItem('vitrine.card'));
    expect(kept).toBeNull();
    const key = await page.evaluate(
      () =>
        new Promise<unknown>((resolve) => {
          const open = indexedDB.open('vitrine-card');
          open.onsuccess = () => {
            const get = open.result.transaction('keys').objectStore('keys').get('app');
            get.onsuccess = () => resolve(get.result ?? null);
          };
        }),
    );
    expect(key).toBeNull();
  });

  it('shows the cloud’s refusal by the field it names, and a wrong password plainly', async () => {
    await page.getByRole('tab', { name: 'Join' }).click();
    await page.getByLabel('First name').fill('Claire');
    await page.getByLabel('Last name').fill('Dubois');
    await page.getByLabel('Email').fill('claire@example.com');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await eventually(() => page.getByTestId('email-error').textContent()).toBe(
      'This email is already enrolled.',
    );

    await page.getByRole('tab', { name: 'Sign in' }).click();
    await page.getByLabel('Email').fill('claire@example.com');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await eventually(() => page.getByTestId('form-error').textContent()).toBe(
      'Wrong email or password.',
    );
  });
});
