import { mkdtemp } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { playlistSchema, screenContentItemSchema } from '@vitrine/shared';
import { pino } from 'pino';
import { io, type Socket } from 'socket.io-client';
import { createCaller } from '../../../cloud/test/support/sync-helpers.ts';
import { createTestCloud, loginAs, type TestCloud } from '../../../cloud/test/support/test-app.ts';
import { type Env, loadEdgeConfig } from '../../src/config/edge-config.ts';
import { type RunningEdge, startEdge } from '../../src/main.ts';
import { createEdgeMetrics, type EdgeMetrics } from '../../src/observability/edge-metrics.ts';
import { createScreenTokens, loadScreenKey } from '../../src/screens/screen-tokens.ts';
import { createMemoryProfileStore } from '../../src/store/memory-profile-store.ts';
import { uniqueSuffix } from './wait.ts';

export const STORE = 'sto_paris-rivoli';
export const FLOOR = 'zon_paris-rivoli-floor';
export const LOUNGE = 'zon_paris-rivoli-lounge';

/** This run's own names: a suffix, and the floor and lounge screens named with it. */
export function screenRunNames() {
  const suffix = uniqueSuffix().replace(/[^a-z0-9]/g, '');
  return { suffix, floorScreen: `floor-${suffix}`, loungeScreen: `lounge-${suffix}` };
}

/** The real cloud behind an HTTP server, as an edge reaches it, `screens` (id: zone) registered. */
export async function startScreenCloud({
  screens = {},
}: {
  screens?: Record<string, string>;
} = {}) {
  const cloud: TestCloud = await createTestCloud({ customers: 5 });
  const server = serve({ fetch: cloud.app.fetch, port: 0, hostname: '127.0.0.1' });
  if ('keepAliveTimeout' in server) server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const api = createCaller(cloud);
  const tokens = {
    admin: await loginAs(cloud, 'admin@vitrine.demo'),
    marketer: await loginAs(cloud, 'marketer@vitrine.demo'),
    associate: await loginAs(cloud, 'camille@vitrine.demo'),
  };
  const edgeToken = await api.edgeToken(tokens.admin, STORE);

  async function post(path: string, body: unknown, token = tokens.marketer) {
    const response = await api.call(path, { token, method: 'POST', body });
    if (response.status !== 201) {
      throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
    }
    return response;
  }

  async function registerScreen(id: string, zoneId: string) {
    await post(
      `/v1/stores/${STORE}/screens`,
      { id, zoneId, orientation: 'landscape', resolution: { width: 1920, height: 1080 } },
      tokens.admin,
    );
  }
  for (const [id, zoneId] of Object.entries(screens)) await registerScreen(id, zoneId);

  return {
    cloud,
    url,
    api,
    tokens,
    edgeToken,
    registerScreen,
    async addItem(body: Record<string, unknown>): Promise<string> {
      const response = await post('/v1/content/items', body);
      return screenContentItemSchema.parse(await response.json()).id;
    },
    async addPlaylist(body: Record<string, unknown>): Promise<string> {
      const response = await post('/v1/content/playlists', { storeId: STORE, ...body });
      return playlistSchema.parse(await response.json()).id;
    },
    async close() {
      server.close();
      await cloud.close();
    },
  };
}

export type ScreenCloud = Awaited<ReturnType<typeof startScreenCloud>>;

export interface ScreenEdge {
  edge: RunningEdge;
  metrics: EdgeMetrics;
  dataDir: string;
}

/** An edge of the store on the given cloud (embedded aedes, or MQTT_URL), syncing quickly. */
export async function startScreenEdge(
  cloudUrl: string,
  edgeToken: string,
  { dataDir, env = {} }: { dataDir?: string; env?: Env } = {},
): Promise<ScreenEdge> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'vitrine-screen-edge-')));
  const config = loadEdgeConfig({
    EDGE_DATA_DIR: dir,
    EDGE_STORE_ID: STORE,
    EDGE_CLOUD_URL: cloudUrl,
    EDGE_CLOUD_TOKEN: edgeToken,
    EDGE_HTTP_PORT: '0',
    EDGE_MQTT_PORT: '0',
    EDGE_SYNC_INTERVAL_MS: '250',
    MQTT_URL: process.env.MQTT_URL,
    LOG_LEVEL: 'silent',
    ...env,
  });
  const metrics = createEdgeMetrics({ defaultMetrics: false });
  const edge = await startEdge(config, {
    logger: pino({ level: 'silent' }),
    metrics,
    localStore: createMemoryProfileStore(),
  });
  return { edge, metrics, dataDir: dir };
}

/** The screen tokens this edge signs, with the key in its data folder. */
export async function screenTokensOf(store: ScreenEdge) {
  return createScreenTokens(STORE, await loadScreenKey(store.dataDir));
}

/** A screen player's socket on the edge, presenting `token`, not reconnecting. */
export function connectPlayer(store: ScreenEdge, token: string): Socket {
  return io(store.edge.httpUrl, {
    path: '/screen/socket.io',
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
  });
}
