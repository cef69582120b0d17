import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildTopic,
  type CustomerProfile,
  createAppKeyPair,
  createEnvelope,
  createProof,
  customerProfileSchema,
  deviceTokenResponseSchema,
  encodeLoyaltyQr,
  issuedPassSchema,
  loginResponseSchema,
  pageSchema,
} from '@vitrine/shared';
import { connectAsync } from 'mqtt';
import type { z } from 'zod';

/**
 * The real cloud and one real edge, each in its own process as `npm start` runs them, on
 * embedded defaults (PGlite, the edge's own broker) whatever the environment says: the
 * demo seed's logins are fixed, so a shared database or broker would mix runs. The edge
 * serves the page under test; a customer checks in over MQTT as the loyalty app does.
 */
export interface RealStore {
  edgeUrl: string;
  /** The cloud, which serves the loyalty card at /card/ when `cardDir` was given. */
  cloudUrl: string;
  /** Publishes a signed check-in of one of the store's customers. */
  checkIn: () => Promise<void>;
  /** A fresh rotating loyalty QR of one of the store's customers, as its app shows it. */
  loyaltyCode: () => Promise<{ code: string; customer: CustomerProfile }>;
  stop: () => Promise<void>;
}

export interface RealStoreOptions {
  appDir: string;
  /** The built loyalty card, for the cloud to serve at /card/. */
  cardDir?: string;
  storeId?: string;
}

const root = fileURLToPath(new URL('../../../', import.meta.url));
const ADMIN = { email: 'admin@vitrine.demo', password: 'vitrine-demo' };

/** The demo seed's loyalty card member of Tokyo Ginza (the cloud's DEMO_MEMBER_LOGINS). */
export const DEMO_CARD_MEMBER = {
  organisationId: 'org_maison-demo',
  email: 'jing.zhao.1@example.cn',
  password: 'vitrine-demo-card',
  name: 'Jing Zhao',
  storeId: 'sto_tokyo-ginza',
} as const;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

async function waitForHealthy(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited (${child.exitCode})`);
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} not healthy after ${timeoutMs} ms`);
}

async function call<T extends z.ZodType>(
  url: string,
  schema: T,
  init: RequestInit = {},
): Promise<z.output<T>> {
  const response = await fetch(url, init);
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${text}`);
  return schema.parse(JSON.parse(text));
}

const json = (token: string, body: unknown): RequestInit => ({
  method: 'POST',
  headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export async function startRealStore({
  appDir,
  cardDir,
  storeId = 'sto_tokyo-ginza',
}: RealStoreOptions): Promise<RealStore> {
  const dataDir = await mkdtemp(join(tmpdir(), 'vitrine-real-store-'));
  const children: ChildProcess[] = [];
  const run = (name: string, entry: string, env: Record<string, string>) => {
    const { DATABASE_URL: _database, MQTT_URL: _broker, ...inherited } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, entry)], {
      env: { ...inherited, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log = createWriteStream(join(dataDir, `${name}.log`));
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    children.push(child);
    return child;
  };
  const stop = async () => {
    for (const child of children.reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  };

  try {
    const [cloudPort, httpPort, mqttPort] = [await freePort(), await freePort(), await freePort()];
    const cloudUrl = `http://127.0.0.1:${cloudPort}`;
    const cloud = run('cloud', 'cloud/src/main.ts', {
      CLOUD_PORT: String(cloudPort),
      CLOUD_DATA_DIR: join(dataDir, 'cloud'),
      CLOUD_SEED_DEMO: 'true',
      CLOUD_SEED_CUSTOMERS: '20',
      ...(cardDir ? { CLOUD_CARD_DIR: cardDir } : {}),
    });
    await waitForHealthy(`${cloudUrl}/healthz`, cloud, 180_000);
    const admin = await call(`${cloudUrl}/v1/auth/login`, loginResponseSchema, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const device = await call(
      `${cloudUrl}/v1/stores/${storeId}/device-tokens`,
      deviceTokenResponseSchema,
      json(admin.token, { name: `edge ${storeId}` }),
    );
    const edgeUrl = `http://127.0.0.1:${httpPort}`;
    const edge = run('edge', 'edge/src/main.ts', {
      EDGE_STORE_ID: storeId,
      EDGE_CLOUD_URL: cloudUrl,
      EDGE_CLOUD_TOKEN: device.token,
      EDGE_HTTP_PORT: String(httpPort),
      EDGE_MQTT_PORT: String(mqttPort),
      EDGE_DISPLAYS_DIR: appDir,
      EDGE_DATA_DIR: join(dataDir, 'edge'),
      // Reported to the cloud, which gives phones `<this>/mqtt` to check in at.
      EDGE_PUBLIC_URL: edgeUrl,
    });
    await waitForHealthy(`${edgeUrl}/healthz`, edge, 60_000);

    /** One of the store's customers, with a pass of their own and a proof made now. */
    const presentCustomer = async () => {
      const customers = await call(
        `${cloudUrl}/v1/stores/${storeId}/customers?limit=1`,
        pageSchema(customerProfileSchema),
        { headers: { authorization: `Bearer ${admin.token}` } },
      );
      const customer = customers.items[0];
      if (customer === undefined) throw new Error(`the demo seed gave ${storeId} no customer`);
      const app = await createAppKeyPair();
      const { pass } = await call(
        `${cloudUrl}/v1/passes`,
        issuedPassSchema,
        json(admin.token, { customerId: customer.id, appPublicKey: app.publicJwk }),
      );
      const at = new Date();
      const proof = await createProof({ pass, appPrivateKey: app.privateKey, storeId, now: at });
      return { customer, pass, proof, at };
    };
    const checkIn = async () => {
      const { pass, proof, at } = await presentCustomer();
      const clientId = `browser-test-app-${process.pid}`;
      const phone = await connectAsync(`mqtt://127.0.0.1:${mqttPort}`, { clientId });
      const envelope = createEnvelope(storeId, { pass, proof, method: 'app', clientId }, { at });
      await phone.publishAsync(
        buildTopic('checkIn', { store: storeId, clientId }),
        JSON.stringify(envelope),
        { qos: 1 },
      );
      await phone.endAsync();
    };
    const loyaltyCode = async () => {
      const { customer, pass, proof } = await presentCustomer();
      return { code: encodeLoyaltyQr({ pass, proof }), customer };
    };
    return { edgeUrl, cloudUrl, checkIn, loyaltyCode, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
