import { buildTopic, createEnvelope } from '@vitrine/shared';
import { pino } from 'pino';
import { startEmbeddedBroker } from '../../src/broker/embedded-broker.ts';
import type { VerifiedIdentity } from '../../src/identity/domain/verify-presence.ts';
import { createEdgeMetrics } from '../../src/observability/edge-metrics.ts';
import { createEspresenseSource } from '../../src/presence/sources/espresense-source.ts';
import { createNobleSource } from '../../src/presence/sources/noble-source.ts';
import { createNodeMqttSource } from '../../src/presence/sources/node-mqtt-source.ts';
import { createRangingSource } from '../../src/presence/sources/ranging-source.ts';
import { createReplaySource, replayLine } from '../../src/presence/sources/replay-source.ts';
import { createSimulatorSource } from '../../src/presence/sources/simulator-source.ts';
import { connectPublisher } from '../support/mqtt-helpers.ts';
import { uniqueSuffix } from '../support/wait.ts';
import { describePresenceSourceContract } from './presence-source.contract.ts';
import { fakeClock } from './support/fake-clock.ts';
import { fakeNobleModule, iBeaconManufacturerData } from './support/fake-noble.ts';
import { lineChannel } from './support/line-channel.ts';
import { ENTRANCE_BEACON, testLayout } from './support/store-layouts.ts';

const logger = pino({ level: 'silent' });
const external = process.env.MQTT_URL;
const brokerName = external ? `Mosquitto at ${external}` : 'embedded aedes';

/** The broker of one test: the external one (MQTT_URL), or an aedes of its own. */
async function openBroker() {
  if (external) return { url: external, close: async () => undefined };
  return startEmbeddedBroker({ port: 0 });
}

async function mqttSetup() {
  const broker = await openBroker();
  const suffix = uniqueSuffix();
  const storeId = `sto_presence-${suffix}`;
  const publisher = await connectPublisher(broker.url, `pub-${suffix}`);
  return {
    broker,
    suffix,
    storeId,
    layout: testLayout(storeId, suffix),
    publisher,
    metrics: createEdgeMetrics({ defaultMetrics: false }),
    async close() {
      await publisher.endAsync();
      await broker.close();
    },
  };
}

const randomMac = () =>
  Array.from({ length: 6 }, () =>
    Math.floor(Math.random() * 256)
      .toString(16)
      .padStart(2, '0'),
  ).join(':');

describePresenceSourceContract(`scanner nodes over MQTT (${brokerName})`, async () => {
  const setup = await mqttSetup();
  const source = createNodeMqttSource({ url: setup.broker.url, ...setup, logger });
  const topic = buildTopic('sightings', { store: setup.storeId, nodeId: 'node-entrance' });
  return {
    source,
    async produce() {
      const deviceId = randomMac();
      const batch = { nodeId: 'node-entrance', sightings: [{ deviceId, rssi: -61, offsetMs: 0 }] };
      await setup.publisher.publishAsync(
        topic,
        JSON.stringify(createEnvelope(setup.storeId, batch, { at: new Date() })),
      );
      return { receiverId: 'node-entrance', deviceId, rssi: -61 };
    },
    async produceBad() {
      await setup.publisher.publishAsync(topic, '{"v":1,');
    },
    close: () => setup.close(),
  };
});

describePresenceSourceContract(`ESPresense nodes (${brokerName})`, async () => {
  const setup = await mqttSetup();
  const source = createEspresenseSource({ url: setup.broker.url, ...setup, logger });
  return {
    source,
    async produce() {
      const id = `mac:${randomMac().replaceAll(':', '')}`;
      await setup.publisher.publishAsync(
        buildTopic('espresenseDevice', { device: id, room: `test-entrance-${setup.suffix}` }),
        JSON.stringify({ id, rssi: -62, 'rssi@1m': -59, distance: 1.4 }),
      );
      return { receiverId: 'esp-entrance', deviceId: id, rssi: -62 };
    },
    async produceBad() {
      await setup.publisher.publishAsync(
        buildTopic('espresenseDevice', { device: 'phone', room: `elsewhere-${setup.suffix}` }),
        JSON.stringify({ id: 'phone', rssi: -70 }),
      );
    },
    close: () => setup.close(),
  };
});

const identity: VerifiedIdentity = {
  customerId: 'cus_000001',
  passId: 'pass_1',
  organisationId: 'org_maison-demo',
  tier: 'gold',
  consent: { tracking: true, marketing: true, profiling: true },
  passExpiresAt: Date.now() + 86_400_000,
};

describePresenceSourceContract(`ranging reports (${brokerName})`, async () => {
  const setup = await mqttSetup();
  const source = createRangingSource({
    url: setup.broker.url,
    ...setup,
    logger,
    verify: async ({ pass }) =>
      pass === 'pass-ok'
        ? { ok: true, identity }
        : { ok: false, reason: 'forged_signature', detail: 'signature does not verify' },
  });
  const topic = buildTopic('rangingReport', { store: setup.storeId, clientId: 'app-1' });
  const report = (pass: string, rssi: number) =>
    JSON.stringify(
      createEnvelope(
        setup.storeId,
        { pass, proof: 'proof', clientId: 'app-1', beacons: [{ beaconId: ENTRANCE_BEACON, rssi }] },
        { at: new Date() },
      ),
    );
  return {
    source,
    async produce() {
      await setup.publisher.publishAsync(topic, report('pass-ok', -63));
      return { receiverId: ENTRANCE_BEACON, deviceId: 'cus_000001', rssi: -63 };
    },
    async produceBad() {
      await setup.publisher.publishAsync(topic, report('pass-forged', -63));
    },
    close: () => setup.close(),
  };
});

describePresenceSourceContract('the gateway radio through noble (fake module)', async () => {
  const { module, noble } = fakeNobleModule();
  const source = createNobleSource({
    receiverId: 'gateway',
    logger,
    loadNoble: async () => module,
  });
  let minor = 0;
  return {
    source,
    async produce() {
      minor++;
      noble.emit('discover', {
        address: 'c0:ff:ee:00:00:01',
        rssi: -64,
        advertisement: { manufacturerData: iBeaconManufacturerData(7, minor) },
      });
      return {
        receiverId: 'gateway',
        deviceId: `ibeacon:b9407f30-f5f8-466e-aff9-25556b57fe6d:7:${minor}`,
        rssi: -64,
      };
    },
    async produceBad() {
      noble.emit('discover', { address: 42, rssi: 'loud', advertisement: {} });
    },
    close: async () => undefined,
  };
});

describePresenceSourceContract('replay of a recording', async () => {
  const lines = lineChannel();
  const source = createReplaySource({ input: { lines }, pace: 'fast' });
  let at = 1_700_000_000_000;
  return {
    source,
    async produce() {
      at += 1000;
      lines.push(replayLine({ at, receiverId: 'node-entrance', deviceId: 'aa:bb', rssi: -65 }));
      return { receiverId: 'node-entrance', deviceId: 'aa:bb', rssi: -65, at };
    },
    async produceBad() {
      lines.push('{"at": "yesterday"}');
    },
    close: async () => lines.close(),
  };
});

describePresenceSourceContract('the store simulator', async () => {
  const clock = fakeClock();
  const source = createSimulatorSource({
    layout: testLayout('sto_simulated'),
    clock,
    windowMs: 60_000,
    customers: 2,
    associates: 1,
    anonymous: 3,
  });
  return {
    source,
    produce: async () => ({}),
    close: async () => undefined,
  };
});
