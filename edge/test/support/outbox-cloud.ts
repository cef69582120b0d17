import { once } from 'node:events';
import { mkdtemp } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import {
  type CloudRuntime,
  createCloudRuntime,
  createIngestRepository,
  loadCloudConfig,
} from '@vitrine/cloud';
import { deviceTokenResponseSchema, loginResponseSchema } from '@vitrine/shared';
import { pino } from 'pino';
import postgres from 'postgres';

/** How the cloud's front answers `POST /v1/ingest`: the faults an edge meets in the field. */
export type CloudMode =
  | 'up'
  /** Connection reset before any answer: the cloud is down. */
  | 'down'
  | 'error-500'
  /** Never answers: the edge's timeout decides. */
  | 'hang'
  /** 429 with Retry-After (seconds, from `retryAfterSeconds`). */
  | 'busy-429'
  /** Stores the batch, then loses the answer: the edge must resend, the cloud must not double. */
  | 'lose-answer';

export interface OutboxCloud {
  url: string;
  mode: CloudMode;
  retryAfterSeconds: number;
  /** Ingest requests seen by the front, whatever the mode. */
  requests: number;
  runtime: CloudRuntime;
  edgeToken(storeId: string): Promise<string>;
  /** Every key stored for the store, in any order (duplicates would show twice). */
  keysOf(storeId: string): Promise<string[]>;
  stop(): Promise<void>;
}

/** An empty database of its own on DATABASE_URL's server, when set; PGlite otherwise. */
async function scratchDatabase(): Promise<{ url: string | undefined; drop(): Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { url: undefined, drop: async () => {} };
  const name = `vitrine_outbox_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/**
 * The real cloud (seeded demo, real ingest, PGlite or PostgreSQL) served in process on a
 * real port, behind a front whose faults the test switches.
 */
export async function startOutboxCloud(): Promise<OutboxCloud> {
  const database = await scratchDatabase();
  const loaded = loadCloudConfig({
    DATABASE_URL: database.url,
    CLOUD_DATA_DIR: await mkdtemp(join(tmpdir(), 'vitrine-outbox-cloud-')),
    CLOUD_PORT: '0',
    CLOUD_SEED_DEMO: 'true',
    CLOUD_SEED_CUSTOMERS: '20',
    LOG_LEVEL: 'silent',
  });
  if (!loaded.ok) throw new Error(loaded.problems.join('; '));
  const runtime = await createCloudRuntime(loaded.config, { logger: pino({ level: 'silent' }) });
  const forward = getRequestListener(runtime.app.fetch);
  let server: Server;
  const cloud: OutboxCloud = {
    url: '',
    mode: 'up',
    retryAfterSeconds: 30,
    requests: 0,
    runtime,
    async edgeToken(storeId) {
      const login = await fetch(`${cloud.url}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@vitrine.demo', password: 'vitrine-demo' }),
      });
      const { token } = loginResponseSchema.parse(await login.json());
      const issued = await fetch(`${cloud.url}/v1/stores/${storeId}/device-tokens`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      return deviceTokenResponseSchema.parse(await issued.json()).token;
    },
    async keysOf(storeId) {
      return createIngestRepository(runtime.database.db).keysOf(storeId);
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.close();
      await database.drop();
    },
  };
  async function storeThenCut(request: IncomingMessage) {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string') headers.set(name, value);
    }
    await runtime.app.fetch(
      new Request(`${cloud.url}/v1/ingest`, {
        method: 'POST',
        headers,
        body: Buffer.concat(chunks),
      }),
    );
    request.socket.destroy();
  }
  server = createServer((request, response) => {
    if (request.url !== '/v1/ingest') return void forward(request, response);
    cloud.requests += 1;
    switch (cloud.mode) {
      case 'up':
        return void forward(request, response);
      case 'down':
        return void request.socket.destroy();
      case 'error-500':
        response.writeHead(500, { 'content-type': 'application/json' });
        return void response.end('{"error":{"code":"internal","message":"boom"}}');
      case 'hang':
        return;
      case 'busy-429':
        response.writeHead(429, { 'retry-after': String(cloud.retryAfterSeconds) });
        return void response.end();
      case 'lose-answer':
        // The cloud stores the batch; the answer never leaves.
        return void storeThenCut(request);
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  cloud.url = `http://127.0.0.1:${address.port}`;
  return cloud;
}
