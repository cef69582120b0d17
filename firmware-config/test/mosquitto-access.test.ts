import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildTopic } from '@vitrine/shared';
import { connectAsync, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateLayout } from '../src/domain/layout-validator.ts';
import { readSecrets } from '../src/domain/secrets-file.ts';
import { renderStoreFiles, STORE_FILES } from '../src/domain/store-files.ts';
import { type PrivateMosquitto, startPrivateMosquitto } from './support/private-mosquitto.ts';

const layoutText = readFileSync(
  fileURLToPath(new URL('./fixtures/valid/complete.yaml', import.meta.url)),
  'utf8',
);
const SECRETS = [
  'edge: edge-password-123',
  'node-entrance: entrance-password-1',
  'node-floor: floor-password-12',
].join('\n');

const parsed = validateLayout(layoutText);
if (!parsed.ok) throw new Error('fixture complete.yaml is invalid');
const layout = parsed.layout;
const store = layout.store.id;

let broker: PrivateMosquitto;
const clients: MqttClient[] = [];

async function connect(options: Parameters<typeof connectAsync>[1]): Promise<MqttClient> {
  const client = await connectAsync(broker.url, { reconnectPeriod: 0, ...options });
  clients.push(client);
  return client;
}

/** Subscribes as the edge and collects what arrives, topic by topic. */
async function edgeListening(filters: string[]) {
  const edge = await connect({ username: 'edge-complete', password: 'edge-password-123' });
  const received: string[] = [];
  edge.on('message', (topic, payload) => received.push(`${topic} ${payload.toString()}`));
  const granted = await edge.subscribeAsync(filters, { qos: 1 });
  expect(granted.every((grant) => grant.qos === 1)).toBe(true);
  /** Resolves once `marker` has arrived: everything published before it on one connection has too. */
  const until = (marker: string) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (received.some((line) => line.endsWith(` ${marker}`))) resolve();
        else setTimeout(check, 10);
      };
      check();
    });
  return { received, until };
}

beforeAll(async () => {
  const secrets = readSecrets(SECRETS, layout);
  if (!secrets.ok) throw new Error(JSON.stringify(secrets.problems));
  const files = renderStoreFiles(layout, secrets.accounts, { randomBytes });
  broker = await startPrivateMosquitto({
    passwd: files[STORE_FILES.passwordFile] ?? '',
    acl: files[STORE_FILES.aclFile] ?? '',
  });
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.endAsync(true)));
  await broker?.stop();
});

describe('the generated password and access files on a real Mosquitto', () => {
  it('lets a node publish its own sightings and drops what it publishes as another node', async () => {
    const own = buildTopic('sightings', { store, nodeId: 'node-entrance' });
    const foreign = buildTopic('sightings', { store, nodeId: 'node-floor' });
    const edge = await edgeListening([own, foreign]);
    const node = await connect({
      username: 'node-entrance',
      password: 'entrance-password-1',
      protocolVersion: 4,
    });
    await node.publishAsync(foreign, 'forged', { qos: 1 });
    await node.publishAsync(own, 'genuine', { qos: 1 });
    await node.publishAsync(own, 'marker-1', { qos: 1 });
    await edge.until('marker-1');
    expect(edge.received).toContain(`${own} genuine`);
    expect(edge.received.some((line) => line.includes('forged'))).toBe(false);
  });

  it('answers a refused QoS 1 publish under MQTT 5 with "not authorised"', async () => {
    const foreign = buildTopic('nodeStatus', { store, nodeId: 'node-entrance' });
    const node = await connect({
      username: 'node-floor',
      password: 'floor-password-12',
      protocolVersion: 5,
    });
    const error = await node.publishAsync(foreign, 'forged', { qos: 1 }).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toMatchObject({ code: 135 });
  });

  it('confines an ESPresense node to the devices topics of its own room', async () => {
    const own = buildTopic('espresenseDevice', {
      device: 'apple:1005:9-26',
      room: 'complete-entrance',
    });
    const other = buildTopic('espresenseDevice', {
      device: 'apple:1005:9-26',
      room: 'complete-floor',
    });
    const edge = await edgeListening([own, other]);
    const node = await connect({ username: 'node-entrance', password: 'entrance-password-1' });
    await node.publishAsync(other, 'elsewhere', { qos: 1 });
    await node.publishAsync(own, 'here', { qos: 1 });
    await node.publishAsync(own, 'marker-2', { qos: 1 });
    await edge.until('marker-2');
    expect(edge.received).toContain(`${own} here`);
    expect(edge.received.some((line) => line.includes('elsewhere'))).toBe(false);
  });

  it('holds an anonymous loyalty app to its own client id', async () => {
    const own = buildTopic('checkIn', { store, clientId: 'app-one' });
    const other = buildTopic('checkIn', { store, clientId: 'app-two' });
    const edge = await edgeListening([own, other]);
    const app = await connect({ clientId: 'app-one', protocolVersion: 4 });
    await app.publishAsync(other, 'impersonation', { qos: 1 });
    await app.publishAsync(own, 'check-in', { qos: 1 });
    await app.publishAsync(own, 'marker-3', { qos: 1 });
    await edge.until('marker-3');
    expect(edge.received).toContain(`${own} check-in`);
    expect(edge.received.some((line) => line.includes('impersonation'))).toBe(false);
  });

  it('refuses a node that gives the wrong password', async () => {
    await expect(
      connectAsync(broker.url, {
        username: 'node-entrance',
        password: 'not-the-password',
        reconnectPeriod: 0,
      }),
    ).rejects.toThrow(/Not authorized|Bad username or password/i);
  });
});
