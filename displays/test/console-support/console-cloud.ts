import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { createCloudRuntime, loadCloudConfig } from '@vitrine/cloud';
import { deviceTokenResponseSchema, loginResponseSchema } from '@vitrine/shared';
import { pino } from 'pino';
import { weekOfStoreEvents } from './seeded-week.ts';

export interface ConsoleCloud {
  url: string;
  close(): Promise<void>;
}

async function post(url: string, body: unknown, token?: string): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/**
 * The real cloud (seeded demo organisation, PGlite in a folder of its own) serving the
 * built console at /console/ on a real port, with a week of one store's activity
 * ingested the way its edge reports it.
 */
export async function startConsoleCloud({
  consoleDir,
  storeId,
  now,
  clock,
}: {
  consoleDir: string;
  storeId: string;
  now: Date;
  /** The cloud's clock, when a test moves it (the real clock by default). */
  clock?: () => Date;
}): Promise<ConsoleCloud> {
  const dataDir = await mkdtemp(join(tmpdir(), 'vitrine-console-cloud-'));
  // The cloud's app reads the console's folder here; this test process serves only it.
  process.env.CLOUD_CONSOLE_DIR = consoleDir;
  const loaded = loadCloudConfig({
    CLOUD_DATA_DIR: dataDir,
    CLOUD_PORT: '0',
    CLOUD_SEED_DEMO: 'true',
    CLOUD_SEED_CUSTOMERS: '20',
    LOG_LEVEL: 'silent',
  });
  if (!loaded.ok) throw new Error(loaded.problems.join('; '));
  const runtime = await createCloudRuntime(loaded.config, {
    logger: pino({ level: 'silent' }),
    now: clock,
  });
  const server: ServerType = await new Promise((resolve) => {
    const started = serve({ fetch: runtime.app.fetch, hostname: '127.0.0.1', port: 0 }, () =>
      resolve(started),
    );
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the cloud has no port');
  const url = `http://127.0.0.1:${address.port}`;

  const admin = loginResponseSchema.parse(
    await post(`${url}/v1/auth/login`, { email: 'admin@vitrine.demo', password: 'vitrine-demo' }),
  );
  const edge = deviceTokenResponseSchema.parse(
    await post(`${url}/v1/stores/${storeId}/device-tokens`, undefined, admin.token),
  );
  await post(`${url}/v1/ingest`, { events: weekOfStoreEvents(storeId, now) }, edge.token);

  return {
    url,
    async close() {
      server.close();
      await runtime.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
