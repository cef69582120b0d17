import { buildTopic, encodeLoyaltyQr } from '@vitrine/shared';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadEdgeConfig } from '../src/config/edge-config.ts';
import { startEdge } from '../src/main.ts';
import { createEdgeMetrics } from '../src/observability/edge-metrics.ts';
import { type Harness, startHarness } from './support/edge-harness.ts';
import { connectPublisher } from './support/mqtt-helpers.ts';
import { createOrganisationKey, enrolApp, proofFor } from './support/passes.ts';
import { settle, waitFor } from './support/wait.ts';

const REJECTED = 'vitrine_edge_identity_rejected_total';

describe('check-ins are verified at the edge, offline', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('refuses a pass signed by another key under the organisation’s kid: counted, no alert', async () => {
    h = await startHarness();
    const aiko = await h.connectAssociate({ token: await h.tokenFor('aiko') });
    const forger = await createOrganisationKey();
    const forged = await enrolApp({ ...forger, kid: h.cloud.organisationKey.kid });
    const data = {
      pass: forged.pass,
      proof: await proofFor(forged, h.storeId),
      method: 'app',
      clientId: 'app-1',
    };
    await h.publishRaw(h.checkInTopic(), JSON.stringify(h.envelope(data)));
    await h.waitForCounter(REJECTED, { reason: 'forged_signature' });
    await h.publishCheckIn('cus_000001');
    await waitFor(() => aiko.alerts[0], { what: 'the genuine alert' });
    expect(aiko.alerts).toHaveLength(1);
  });

  it('refuses the same proof replayed one second later', async () => {
    h = await startHarness();
    const aiko = await h.connectAssociate({ token: await h.tokenFor('aiko') });
    const data = await h.checkInData('cus_000001');
    await h.publishRaw(h.checkInTopic(), JSON.stringify(h.envelope(data)));
    await waitFor(() => aiko.alerts[0], { what: 'the first alert' });
    const oneSecondLater = new Date(Date.now() + 1000);
    const replay = { ...h.envelope(data), at: oneSecondLater.toISOString() };
    await h.publishRaw(h.checkInTopic(), JSON.stringify(replay));
    await h.waitForCounter(REJECTED, { reason: 'replayed_nonce' });
    await settle();
    expect(aiko.alerts).toHaveLength(1);
  });

  it('refuses a pass the cloud revoked once the revocation has synced', async () => {
    h = await startHarness({ env: { EDGE_IDENTITY_SYNC_MS: '50' } });
    const aiko = await h.connectAssociate({ token: await h.tokenFor('aiko') });
    const app = await h.appOf('cus_000001');
    await h.publishCheckIn('cus_000001');
    await waitFor(() => aiko.alerts[0], { what: 'the alert before revocation' });
    h.cloud.revoke(app.claims.jti);
    await h.waitForCounter('vitrine_edge_identity_revoked_passes');
    await h.publishCheckIn('cus_000001');
    await h.waitForCounter(REJECTED, { reason: 'pass_revoked' });
    await settle();
    expect(aiko.alerts).toHaveLength(1);
  });

  it('limits a flood of check-ins from one pass and counts it', async () => {
    h = await startHarness({ env: { EDGE_PASS_RATE_BURST: '3', EDGE_PASS_RATE_PER_MIN: '1' } });
    const aiko = await h.connectAssociate({ token: await h.tokenFor('aiko') });
    for (let i = 0; i < 8; i++) await h.publishCheckIn('cus_000001');
    await h.waitForCounter(REJECTED, { reason: 'rate_limited' }, 5);
    await h.publishCheckIn('cus_000002');
    await waitFor(() => aiko.alerts.find((alert) => alert.customerId === 'cus_000002'), {
      what: 'another customer still served',
    });
    expect(aiko.alerts.filter((alert) => alert.customerId === 'cus_000001')).toHaveLength(3);
  });

  it('alerts on a kiosk’s scan of a rotating loyalty QR', async () => {
    h = await startHarness();
    const aiko = await h.connectAssociate({ token: await h.tokenFor('aiko') });
    const { pass, proof } = await h.checkInData('cus_000002');
    const topic = buildTopic('qrScan', { store: h.storeId, clientId: 'kiosk.door-1' });
    const scan = h.envelope({ clientId: 'kiosk.door-1', code: encodeLoyaltyQr({ pass, proof }) });
    await h.publishRaw(topic, JSON.stringify(scan));
    const alert = await waitFor(() => aiko.alerts[0], { what: 'the kiosk alert' });
    expect(alert).toMatchObject({
      customerId: 'cus_000002',
      source: 'qr-scan',
      sourceMessageId: scan.id,
    });
    const truncated = h.envelope({
      clientId: 'kiosk.door-1',
      code: encodeLoyaltyQr({ pass, proof }).slice(0, 300),
    });
    await h.publishRaw(topic, JSON.stringify(truncated));
    await h.waitForCounter(REJECTED, { reason: 'tampered' });
  });

  it('verifies with the keys kept on disk after a restart with no cloud, alerting from the pass', async () => {
    h = await startHarness();
    const data = await h.checkInData('cus_000002');
    const storeId = h.storeId;
    const dataDir = h.dataDir;
    await h.edge.stop();
    await h.cloud.close();

    const metrics = createEdgeMetrics({ defaultMetrics: false });
    const config = loadEdgeConfig({
      EDGE_STORE_ID: storeId,
      EDGE_CLOUD_URL: h.cloud.url,
      EDGE_CLOUD_TOKEN: h.cloud.edgeToken,
      EDGE_HTTP_PORT: '0',
      EDGE_MQTT_PORT: '0',
      EDGE_DATA_DIR: dataDir,
      MQTT_URL: process.env.MQTT_URL,
      LOG_LEVEL: 'silent',
    });
    const restarted = await startEdge(config, { logger: pino({ level: 'silent' }), metrics });
    try {
      const keys = await metrics.registry.getSingleMetric('vitrine_edge_identity_keys')?.get();
      expect(keys?.values[0]?.value).toBe(1);
      const publisher = await connectPublisher(restarted.mqttUrl, 'app-offline');
      await publisher.publishAsync(
        buildTopic('checkIn', { store: storeId, clientId: 'app-1' }),
        JSON.stringify(h.envelope(data)),
        { qos: 1 },
      );
      await publisher.endAsync();
      const metricValue = async (name: string) =>
        (await metrics.registry.getSingleMetric(name)?.get())?.values[0]?.value ?? 0;
      await waitFor(
        async () =>
          (await metricValue('vitrine_edge_alerts_pushed_total')) > 0 ? true : undefined,
        { what: 'an alert with no cloud' },
      );
      expect(await metricValue('vitrine_edge_identity_verified_total')).toBe(1);
    } finally {
      await restarted.stop();
    }
  });
});
