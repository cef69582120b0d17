/**
 * The demo end to end, as a newcomer runs it: `npm start`'s launcher with the real cloud
 * and edge processes, the seed and the simulators; then a check-in published over MQTT
 * by the test as the app does, and associates connecting over socket.io.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  type ArrivalAlert,
  arrivalAlertSchema,
  buildTopic,
  createAppKeyPair,
  createEnvelope,
  createProof,
  customerProfileSchema,
  issuedPassSchema,
  loginResponseSchema,
  pageSchema,
  type ServerToAssociateEvents,
} from '@vitrine/shared';
import { connectAsync } from 'mqtt';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { withScratchDatabase } from './scratch-database.ts';

const root = resolve(import.meta.dirname, '../..');
const base = 20_000 + (process.pid % 2_000) * 10;
const ports = { cloud: base, edgeHttp: base + 1, edgeMqtt: base + 5 };
// The launcher orders stores by id: New York, Paris, Tokyo.
const edgeUrl = (index: number) => `http://127.0.0.1:${ports.edgeHttp + index}`;
const mqttUrl = (index: number) =>
  process.env.MQTT_URL ?? `mqtt://127.0.0.1:${ports.edgeMqtt + index}`;

let launcher: ChildProcess;
let output = '';
const dataDir = mkdtempSync(join(tmpdir(), 'vitrine-demo-'));
let dropDatabase: () => Promise<void> = async () => {};

async function login(edge: string, email: string) {
  // A 502 says "the cloud did not answer in time; try again shortly": on a busy machine,
  // just after start (the simulators enrol their customers' apps), it may, so try again.
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(`${edge}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'vitrine-demo' }),
    });
    if (response.status !== 502 || attempt === 5) {
      return { status: response.status, body: await response.json() };
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

function connect(edge: string, token: string): Socket<ServerToAssociateEvents> {
  return io(edge, { auth: { token }, transports: ['websocket'], reconnection: false });
}

beforeAll(async () => {
  const database = await withScratchDatabase(process.env.DATABASE_URL);
  dropDatabase = database.drop;
  launcher = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts/start.ts')], {
    env: {
      ...process.env,
      ...(database.url ? { DATABASE_URL: database.url } : {}),
      DEMO_DATA_DIR: dataDir,
      DEMO_CLOUD_PORT: String(ports.cloud),
      DEMO_EDGE_HTTP_PORT: String(ports.edgeHttp),
      DEMO_EDGE_MQTT_PORT: String(ports.edgeMqtt),
      DEMO_CUSTOMERS: '300',
      DEMO_RATE_PER_MIN: '30',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  launcher.stdout?.on('data', (chunk) => (output += chunk));
  launcher.stderr?.on('data', (chunk) => (output += chunk));
  await new Promise<void>((ready, fail) => {
    const timer = setInterval(() => {
      if (output.includes('Vitrine demo is running')) {
        clearInterval(timer);
        ready();
      }
    }, 100);
    launcher.once('exit', (code) => {
      clearInterval(timer);
      fail(new Error(`the demo exited (${code}) before it was ready:\n${output}`));
    });
  });
}, 240_000);

afterAll(async () => {
  if (launcher && launcher.exitCode === null) {
    const exited = new Promise((done) => launcher.once('exit', done));
    launcher.kill('SIGTERM');
    await exited;
  }
  await dropDatabase();
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe('npm start', () => {
  it('prints the associate app of every store and the demo logins', () => {
    for (const index of [0, 1, 2]) expect(output).toContain(`${edgeUrl(index)}/associate/`);
    expect(output).toContain('camille@vitrine.demo');
    expect(output).toContain('vitrine-demo');
  });

  it('prints a player link for each screen of the layouts, which its edge opens', async () => {
    const links = [...output.matchAll(/(http:\/\/127\.0\.0\.1:\d+)\/screen\/#token=([\w.-]+)/g)];
    expect(links.length).toBeGreaterThan(0);
    for (const [, base, token] of links) {
      const response = await fetch(`${base}/screen/api/content`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status, `${base}/screen/`).toBe(200);
    }
  });

  it('serves the associate app from the edge', async () => {
    const response = await fetch(`${edgeUrl(1)}/associate/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="app"');
  });

  it('alerts a Paris associate of a Tokyo regular checking in, with purchases from Tokyo', async () => {
    const { body } = await login(edgeUrl(1), 'camille@vitrine.demo');
    const { token } = loginResponseSchema.parse(body);
    const socket = connect(edgeUrl(1), token);
    const alerts: ArrivalAlert[] = [];
    socket.on('alert', (alert) => alerts.push(alert));
    await new Promise<void>((ok, ko) => {
      socket.once('hello', () => ok());
      socket.once('connect_error', ko);
    });

    // A customer of Tokyo: the seed spreads home stores, so look one up through Tokyo's edge login.
    const tokyo = loginResponseSchema.parse((await login(edgeUrl(2), 'aiko@vitrine.demo')).body);
    const page = await fetch(
      `http://127.0.0.1:${ports.cloud}/v1/stores/sto_tokyo-ginza/customers?limit=20`,
      {
        headers: { authorization: `Bearer ${tokyo.token}` },
      },
    );
    const { items } = pageSchema(customerProfileSchema).parse(await page.json());
    const regular = items.find((customer) =>
      customer.recentPurchases.some((p) => p.storeId === 'sto_tokyo-ginza'),
    );
    expect(regular, 'a Tokyo customer with Tokyo purchases').toBeDefined();

    // Enrolled at home in Tokyo (a key pair on the phone, a pass from the cloud), shown in Paris.
    const app = await createAppKeyPair();
    const enrolled = await fetch(`http://127.0.0.1:${ports.cloud}/v1/passes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokyo.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ customerId: regular!.id, appPublicKey: app.publicJwk }),
    });
    expect(enrolled.status).toBe(201);
    const { pass } = issuedPassSchema.parse(await enrolled.json());

    const store = 'sto_paris-rivoli';
    const at = new Date();
    const proof = await createProof({
      pass,
      appPrivateKey: app.privateKey,
      storeId: store,
      now: at,
    });
    const client = await connectAsync(mqttUrl(1), { clientId: `e2e-app-${process.pid}` });
    const envelope = createEnvelope(
      store,
      { pass, proof, method: 'app', clientId: `e2e-app-${process.pid}` },
      { at },
    );
    await client.publishAsync(
      buildTopic('checkIn', { store, clientId: `e2e-app-${process.pid}` }),
      JSON.stringify(envelope),
      { qos: 1 },
    );
    await client.endAsync();

    await expect
      .poll(() => alerts.find((a) => a.sourceMessageId === envelope.id), { timeout: 10_000 })
      .toBeDefined();
    const alert = alerts.find((a) => a.sourceMessageId === envelope.id)!;
    expect(alert.customerId).toBe(regular!.id);
    expect(alert.degraded).toBe(false);
    expect(alert.profile?.recentPurchases.some((p) => p.storeId === 'sto_tokyo-ginza')).toBe(true);
    socket.close();
  });

  it('shows simulated arrivals to the associates of the store within a minute', async () => {
    const { token } = loginResponseSchema.parse(
      (await login(edgeUrl(0), 'jordan@vitrine.demo')).body,
    );
    const socket = connect(edgeUrl(0), token);
    const alert = await new Promise<ArrivalAlert>((ok) => socket.once('alert', ok));
    expect(alert.storeId).toBe('sto_newyork-soho');
    socket.close();
  }, 60_000);

  it('announces customers sensed by their app in a store run on its layout, and counts people per zone', async () => {
    const { token } = loginResponseSchema.parse(
      (await login(edgeUrl(1), 'camille@vitrine.demo')).body,
    );
    const headers = { authorization: `Bearer ${token}` };
    let sensed: ArrivalAlert | undefined;
    for (let attempt = 0; attempt < 90 && sensed === undefined; attempt++) {
      const response = await fetch(`${edgeUrl(1)}/api/alerts/recent`, { headers });
      const { items } = z
        .object({ items: z.array(arrivalAlertSchema) })
        .parse(await response.json());
      sensed = items.find((alert) => alert.source === 'presence');
      if (sensed === undefined) await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    expect(sensed?.storeId).toBe('sto_paris-rivoli');
    const zones = await fetch(`${edgeUrl(1)}/api/zones`, { headers });
    expect(zones.status).toBe(200);
    expect(JSON.stringify(await zones.json())).toContain('zon_paris-rivoli-entrance');
  }, 120_000);

  it('refuses an associate of another store at login and on the socket', async () => {
    const refused = await login(edgeUrl(1), 'aiko@vitrine.demo');
    expect(refused.status).toBe(403);
    const { token } = loginResponseSchema.parse(
      (await login(edgeUrl(2), 'aiko@vitrine.demo')).body,
    );
    const socket = connect(edgeUrl(1), token);
    const error = await new Promise<Error>((done) => socket.once('connect_error', done));
    expect(error.message).toMatch(/^forbidden/);
    socket.close();
  });
});
