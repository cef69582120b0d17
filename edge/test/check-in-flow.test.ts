import { arrivalAlertSchema } from '@vitrine/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createCheckInPublisher } from '../src/simulator/check-in-publisher.ts';
import { type Harness, startHarness } from './support/edge-harness.ts';
import { settle, uniqueSuffix, waitFor } from './support/wait.ts';

describe('check-in → arrival alert', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('pushes the alert with the profile to an associate of the store, and not to another store', async () => {
    const aiko = await h.connectAssociate({ token: await h.tokenFor('aiko') });
    expect(aiko.hello).toEqual({
      associateId: 'asc_aiko',
      name: 'Aiko',
      storeId: h.storeId,
      storeName: 'Maison Lumière Test Store',
    });
    const camille = await h.connectAssociate({ token: await h.tokenFor('camille') });
    expect(camille.refusal).toMatch(/^forbidden: associate of sto_paris-rivoli/);

    await h.publishCheckIn('cus_000002', 'app-7');
    const alert = await waitFor(() => aiko.alerts[0], { what: 'the alert' });
    expect(arrivalAlertSchema.parse(alert)).toMatchObject({
      storeId: h.storeId,
      customerId: 'cus_000002',
      source: 'check-in',
      degraded: false,
      freshness: 'fresh',
      tier: 'gold',
      profile: {
        firstName: 'Élise',
        recentPurchases: [{ storeName: 'Ginza' }, { storeName: 'Ginza' }],
      },
      suggestion: expect.stringContaining('Gold client from Paris'),
    });
    expect(alert.alertId).toMatch(/^alr_/);
    await settle();
    expect(camille.alerts).toHaveLength(0);
    expect(await h.counter('vitrine_edge_messages_received_total', { kind: 'checkIn' })).toBe(1);
    expect(await h.counter('vitrine_edge_alerts_pushed_total')).toBe(1);
    expect(await h.counter('vitrine_edge_cloud_lookups_total', { outcome: 'fresh' })).toBe(1);
    expect(await h.counter('vitrine_edge_connected_associates')).toBe(1);
  });

  it('serves a second check-in of the same customer from the cache', async () => {
    const aiko = await h.connectAssociate({ token: await h.tokenFor('aiko') });
    await h.publishCheckIn('cus_000001');
    await waitFor(() => aiko.alerts[0], { what: 'first alert' });
    await h.publishCheckIn('cus_000001');
    const second = await waitFor(() => aiko.alerts[1], { what: 'second alert' });
    expect(second).toMatchObject({
      freshness: 'fresh',
      degraded: false,
      profile: { id: 'cus_000001' },
    });
    expect(h.cloud.state.profileRequests).toBe(1);
    expect(await h.counter('vitrine_edge_cloud_lookups_total', { outcome: 'cache_hit' })).toBe(1);
  });

  it('keeps the last alerts for associates who open the app later, newest first', async () => {
    await h.publishCheckIn('cus_000001');
    await h.waitForCounter('vitrine_edge_alerts_pushed_total', {}, 1);
    await h.publishCheckIn('cus_000002');
    await h.waitForCounter('vitrine_edge_alerts_pushed_total', {}, 2);
    const response = await fetch(`${h.edge.httpUrl}/api/alerts/recent`, {
      headers: { authorization: `Bearer ${await h.tokenFor('aiko')}` },
    });
    expect(response.status).toBe(200);
    const body = z.object({ items: z.array(arrivalAlertSchema) }).parse(await response.json());
    expect(body.items.map((item) => item.customerId)).toEqual(['cus_000002', 'cus_000001']);
  });

  it('drops a check-in for an unknown customer: counted, no alert', async () => {
    const aiko = await h.connectAssociate({ token: await h.tokenFor('aiko') });
    await h.publishCheckIn('cus_999999');
    await h.waitForCounter('vitrine_edge_messages_rejected_total', { reason: 'unknown_customer' });
    await settle();
    expect(aiko.alerts).toHaveLength(0);
    expect(await h.counter('vitrine_edge_cloud_lookups_total', { outcome: 'not_found' })).toBe(1);
    expect(await h.counter('vitrine_edge_alerts_pushed_total')).toBe(0);
  });

  it('alerts on a check-in sent by the demo simulator’s publisher, as the app sends it', async () => {
    const aiko = await h.connectAssociate({ token: await h.tokenFor('aiko') });
    const publish = createCheckInPublisher({ url: h.edge.mqttUrl });
    const clientId = `app-${uniqueSuffix()}`;
    const at = new Date();
    const { pass, proof } = await h.checkInData('cus_000001', clientId, at);
    await publish({ storeId: h.storeId, clientId, at, pass, proof });
    const alert = await waitFor(() => aiko.alerts[0], { what: 'the alert' });
    expect(alert).toMatchObject({ customerId: 'cus_000001', profile: { lastName: 'Sato' } });
  });

  it('alerts once for a check-in delivered twice', async () => {
    const aiko = await h.connectAssociate({ token: await h.tokenFor('aiko') });
    const message = JSON.stringify(h.envelope(await h.checkInData('cus_000001', 'app-1')));
    await h.publishRaw(h.checkInTopic('app-1'), message);
    await h.publishRaw(h.checkInTopic('app-1'), message);
    await h.waitForCounter('vitrine_edge_messages_duplicate_total', { kind: 'checkIn' });
    await settle();
    expect(aiko.alerts).toHaveLength(1);
  });

  it('drops a check-in whose client differs from its topic', async () => {
    const message = h.envelope(await h.checkInData('cus_000001', 'app-9'));
    await h.publishRaw(h.checkInTopic('app-1'), JSON.stringify(message));
    await h.waitForCounter('vitrine_edge_messages_rejected_total', { reason: 'invalid_message' });
    expect(await h.counter('vitrine_edge_alerts_pushed_total')).toBe(0);
  });
});
