import { buildTopic, createEnvelope } from '@vitrine/shared';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedBroker } from '../../src/broker/embedded-broker.ts';
import { createEdgeMetrics } from '../../src/observability/edge-metrics.ts';
import { createEspresenseSource } from '../../src/presence/sources/espresense-source.ts';
import { createNodeMqttSource } from '../../src/presence/sources/node-mqtt-source.ts';
import type { PresenceSource } from '../../src/presence/sources/presence-source.ts';
import { connectPublisher } from '../support/mqtt-helpers.ts';
import { uniqueSuffix, waitFor } from '../support/wait.ts';
import { recordingSink } from './support/recording-sink.ts';
import { testLayout } from './support/store-layouts.ts';

const logger = pino({ level: 'silent' });
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function started(make: (options: ReturnType<typeof baseOptions>) => PresenceSource) {
  const broker = process.env.MQTT_URL
    ? { url: process.env.MQTT_URL, close: async () => undefined }
    : await startEmbeddedBroker({ port: 0 });
  cleanups.push(() => broker.close());
  const suffix = uniqueSuffix();
  const options = baseOptions(broker.url, suffix);
  const source = make(options);
  const recorded = recordingSink();
  await source.start(recorded.sink);
  cleanups.push(() => source.stop());
  const publisher = await connectPublisher(broker.url, `pub-${suffix}`);
  cleanups.push(() => publisher.endAsync());
  return { ...recorded, source, publisher, suffix, storeId: options.storeId };
}

function baseOptions(url: string, suffix: string) {
  const storeId = `sto_presence-${suffix}`;
  return {
    url,
    storeId,
    layout: testLayout(storeId, suffix),
    metrics: createEdgeMetrics({ defaultMetrics: false }),
    logger,
    now: () => 50_000,
  };
}

describe('scanner nodes over MQTT', () => {
  const batchOf = (storeId: string, nodeId: string, sightings: unknown[]) =>
    JSON.stringify(createEnvelope(storeId, { nodeId, sightings }, { at: new Date() }));

  it('times a batch backwards from its arrival and names beacons by their identity', async () => {
    const { publisher, storeId, sightings } = await started(createNodeMqttSource);
    await publisher.publishAsync(
      buildTopic('sightings', { store: storeId, nodeId: 'node-entrance' }),
      batchOf(storeId, 'node-entrance', [
        { deviceId: 'aa:aa:aa:aa:aa:01', rssi: -70, offsetMs: 0 },
        {
          deviceId: 'aa:aa:aa:aa:aa:02',
          rssi: -66,
          offsetMs: 400,
          raw: '0201061aff4c000215b9407f30f5f8466eaff925556b57fe6d00070009c5',
        },
      ]),
    );
    await waitFor(() => (sightings.length === 2 ? true : undefined));
    expect(sightings).toEqual([
      { receiverId: 'node-entrance', deviceId: 'aa:aa:aa:aa:aa:01', rssi: -70, at: 49_600 },
      {
        receiverId: 'node-entrance',
        deviceId: 'ibeacon:b9407f30-f5f8-466e-aff9-25556b57fe6d:7:9',
        rssi: -66,
        at: 50_000,
      },
    ]);
  });

  it('drops a node the layout does not know, and a batch sent under another node', async () => {
    const { publisher, storeId, drops, sightings } = await started(createNodeMqttSource);
    const one = [{ deviceId: 'aa:aa:aa:aa:aa:01', rssi: -70 }];
    await publisher.publishAsync(
      buildTopic('sightings', { store: storeId, nodeId: 'node-basement' }),
      batchOf(storeId, 'node-basement', one),
    );
    await publisher.publishAsync(
      buildTopic('sightings', { store: storeId, nodeId: 'node-entrance' }),
      batchOf(storeId, 'gateway', one),
    );
    await waitFor(() => (drops.length === 2 ? true : undefined));
    expect(drops.map((drop) => drop.reason)).toEqual(['unknown-node', 'node-mismatch']);
    expect(sightings).toEqual([]);
  });

  it('refuses a positive RSSI at the door, as the schema says radios never report one', async () => {
    const { publisher, storeId, drops } = await started(createNodeMqttSource);
    await publisher.publishAsync(
      buildTopic('sightings', { store: storeId, nodeId: 'node-entrance' }),
      batchOf(storeId, 'node-entrance', [{ deviceId: 'aa', rssi: 12 }]),
    );
    await waitFor(() => drops[0]);
    expect(drops[0]?.reason).toBe('invalid_message');
  });

  it('passes a node going offline on', async () => {
    const { publisher, storeId, statuses } = await started(createNodeMqttSource);
    await publisher.publishAsync(
      buildTopic('nodeStatus', { store: storeId, nodeId: 'node-entrance' }),
      JSON.stringify(
        createEnvelope(
          storeId,
          { state: 'offline', firmware: 'vitrine-node 1.0', uptimeS: 5 },
          { at: new Date() },
        ),
      ),
    );
    await waitFor(() => statuses[0]);
    expect(statuses).toEqual([{ receiverId: 'node-entrance', online: false, at: 50_000 }]);
  });
});

describe('ESPresense nodes', () => {
  it('reads the firmware as it is: bare-word status, one JSON message per device, telemetry', async () => {
    const { publisher, suffix, statuses, sightings } = await started(createEspresenseSource);
    const room = `test-floor-${suffix}`;
    await publisher.publishAsync(buildTopic('espresenseRoomStatus', { room }), 'offline');
    await publisher.publishAsync(
      buildTopic('espresenseDevice', {
        device: 'iBeacon:b9407f30-f5f8-466e-aff9-25556b57fe6d-1-1',
        room,
      }),
      '{"id":"iBeacon:b9407f30-f5f8-466e-aff9-25556b57fe6d-1-1","rssi@1m":-59,"rssi":-68,"distance":2.1}',
    );
    await publisher.publishAsync(
      buildTopic('espresenseTelemetry', { room }),
      '{"ip":"10.0.0.9","uptime":120,"adverts":300,"freeHeap":90000}',
    );
    await waitFor(() => (statuses.length === 2 && sightings.length === 1 ? true : undefined));
    expect(statuses.map((status) => status.online)).toEqual([false, true]);
    expect(sightings[0]).toEqual({
      receiverId: 'esp-floor',
      deviceId: 'ibeacon:b9407f30-f5f8-466e-aff9-25556b57fe6d:1:1',
      rssi: -68,
      at: 50_000,
    });
  });

  it('drops, counts and names a room the layout does not know', async () => {
    const { publisher, suffix, drops, source } = await started(createEspresenseSource);
    await publisher.publishAsync(
      buildTopic('espresenseDevice', { device: 'phone', room: `stockroom-${suffix}` }),
      '{"id":"phone","rssi":-70}',
    );
    // ESPresense topics carry no store: on a shared broker other stores' nodes are heard too.
    const ours = await waitFor(() =>
      drops.find((drop) => drop.detail.includes(`stockroom-${suffix}`)),
    );
    expect(ours.reason).toBe('unknown-room');
    expect(source.health().dropped).toBe(drops.length);
  });
});
