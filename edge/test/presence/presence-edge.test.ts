import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { buildTopic, createEnvelope, type RangingReport } from '@vitrine/shared';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Harness, startHarness } from '../support/edge-harness.ts';
import { type EnrolledApp, proofFor } from '../support/passes.ts';
import { settle, uniqueSuffix, waitFor } from '../support/wait.ts';
import { ENTRANCE_BEACON, testLayoutInput } from './support/store-layouts.ts';

const counts = z.object({ identified: z.number(), anonymous: z.number() });
const zonesSchema = z.object({
  zones: z.array(counts.extend({ zoneId: z.string(), name: z.string() })),
  unknownZone: counts,
});

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const harness of harnesses.splice(0)) await harness.close();
});

async function presenceEdge() {
  const lines: string[] = [];
  const logger = pino(
    { level: 'debug' },
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  );
  const suffix = uniqueSuffix();
  const harness = await startHarness({
    logger,
    layout: (storeId) => testLayoutInput(storeId, suffix),
  });
  harnesses.push(harness);
  const { storeId } = harness;

  async function range(app: EnrolledApp, rssi = -60, clientId = 'app-1') {
    const data: RangingReport = {
      pass: app.pass,
      proof: await proofFor(app, storeId),
      clientId,
      beacons: [{ beaconId: ENTRANCE_BEACON, rssi }],
    };
    await harness.publishRaw(
      buildTopic('rangingReport', { store: storeId, clientId }),
      JSON.stringify(createEnvelope(storeId, data, { at: new Date() })),
    );
  }

  async function zones(token?: string) {
    const response = await fetch(`${harness.edge.httpUrl}/api/zones`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    const json: unknown = await response.json();
    return { status: response.status, json, body: zonesSchema.safeParse(json).data };
  }

  async function outboxText() {
    const dir = join(harness.dataDir, 'outbox');
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    const files = entries.filter((entry) => entry.isFile());
    const texts = await Promise.all(
      files.map((file) => readFile(join(file.parentPath, file.name), 'latin1')),
    );
    return texts.join('\n');
  }

  return { harness, storeId, suffix, lines, range, zones, outboxText };
}

describe('presence at the edge', () => {
  it('announces a consenting customer sensed by their app to the associates, once', async () => {
    const { harness, range, outboxText } = await presenceEdge();
    const associate = await harness.connectAssociate({ token: await harness.tokenFor('aiko') });
    const app = await harness.appOf('cus_000001');
    await range(app);
    const alert = await waitFor(() => associate.alerts[0], { what: 'a presence alert' });
    expect(alert.source).toBe('presence');
    expect(alert.customerId).toBe('cus_000001');
    expect(alert.profile?.firstName).toBe('Haruki');
    await range(app, -58);
    await range(app, -59);
    await settle(300);
    expect(associate.alerts).toHaveLength(1);
    await waitFor(
      async () => ((await outboxText()).includes('"kind":"presence"') ? true : undefined),
      {
        what: 'the store enter in the outbox',
      },
    );
  });

  it('does not announce again a customer who has just checked in', async () => {
    const { harness, range } = await presenceEdge();
    const associate = await harness.connectAssociate({ token: await harness.tokenFor('aiko') });
    await harness.publishCheckIn('cus_000002');
    await waitFor(() => associate.alerts[0], { what: 'the check-in alert' });
    await range(await harness.appOf('cus_000002'));
    await harness.waitForCounter('vitrine_edge_presence_arrivals_total', {
      outcome: 'recently-announced',
    });
    await settle(200);
    expect(associate.alerts.map((alert) => alert.source)).toEqual(['check-in']);
  });

  it('counts a customer without tracking consent in the store, and never announces them', async () => {
    const { harness, range, zones, outboxText } = await presenceEdge();
    const associate = await harness.connectAssociate({ token: await harness.tokenFor('aiko') });
    const app = await harness.cloud.enrol('cus_000001', {
      consent: { tracking: false, marketing: true, profiling: true },
    });
    const token = await harness.tokenFor('aiko');
    await range(app);
    const counted = await waitFor(async () => {
      const { body } = await zones(token);
      if (body === undefined) return undefined;
      const anonymous =
        body.unknownZone.anonymous + body.zones.reduce((sum, zone) => sum + zone.anonymous, 0);
      return anonymous === 1 ? body : undefined;
    });
    expect(JSON.stringify(counted)).not.toContain('cus_000001');
    await settle(300);
    expect(associate.alerts).toEqual([]);
    expect(await outboxText()).not.toContain('cus_000001');
  });

  it('answers the zones to an associate of the store only', async () => {
    const { harness, zones } = await presenceEdge();
    expect((await zones()).status).toBe(401);
    expect((await zones(await harness.tokenFor('camille'))).status).toBe(403);
    const { status, body } = await zones(await harness.tokenFor('aiko'));
    expect(status).toBe(200);
    expect(body?.zones.map((zone) => zone.zoneId)).toEqual(['zon_test-entrance', 'zon_test-floor']);
  });

  it('never lets an anonymous device identifier leave the edge', async () => {
    const { harness, storeId, suffix, lines, zones, outboxText } = await presenceEdge();
    const mac = 'de:ad:be:ef:00:01';
    const espresenseId = 'mac:deadbeef0002';
    for (let i = 0; i < 3; i++) {
      const batch = {
        nodeId: 'node-entrance',
        sightings: [{ deviceId: mac, rssi: -55, offsetMs: 0 }],
      };
      await harness.publishRaw(
        buildTopic('sightings', { store: storeId, nodeId: 'node-entrance' }),
        JSON.stringify(createEnvelope(storeId, batch, { at: new Date() })),
      );
      await harness.publishRaw(
        buildTopic('espresenseDevice', { device: espresenseId, room: `test-floor-${suffix}` }),
        JSON.stringify({ id: espresenseId, rssi: -57 }),
      );
      await settle(600);
    }
    await harness.waitForCounter('vitrine_edge_presence_sightings_total', {}, 6);
    const metricsText = await (await fetch(`${harness.edge.httpUrl}/metrics`)).text();
    expect(metricsText).toContain('vitrine_edge_presence_tracked_devices{kind="anonymous"} 2');
    const everything = [
      metricsText,
      JSON.stringify((await zones(await harness.tokenFor('aiko'))).json),
      await outboxText(),
      lines.join('\n'),
    ].join('\n');
    for (const secret of ['de:ad:be:ef', 'deadbeef', 'anon:']) {
      expect(everything).not.toContain(secret);
    }
  });
});
