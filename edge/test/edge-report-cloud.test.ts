import { fleetSchema, memberStoreListSchema } from '@vitrine/shared';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScreenTokens, loadScreenKey } from '../src/screens/screen-tokens.ts';
import { EDGE_VERSION } from '../src/version.ts';
import {
  FLOOR,
  LOUNGE,
  type ScreenCloud,
  type ScreenEdge,
  STORE,
  startScreenCloud,
  startScreenEdge,
} from './support/screen-store.ts';
import { uniqueSuffix, waitFor } from './support/wait.ts';

// The real cloud (PGlite, or PostgreSQL with DATABASE_URL) and a real edge of its store.
let cloud: ScreenCloud;
let store: ScreenEdge;
let player: Socket | undefined;
const suffix = uniqueSuffix().replace(/[^a-z0-9]/g, '');
const FLOOR_SCREEN = `floor-${suffix}`;
const LOUNGE_SCREEN = `lounge-${suffix}`;
const PUBLIC_URL = 'https://edge.paris-rivoli.example';

beforeAll(async () => {
  cloud = await startScreenCloud();
  await cloud.registerScreen(FLOOR_SCREEN, FLOOR);
  await cloud.registerScreen(LOUNGE_SCREEN, LOUNGE);
  store = await startScreenEdge(cloud.url, cloud.edgeToken, {
    env: { EDGE_REPORT_INTERVAL_MS: '1000', EDGE_PUBLIC_URL: PUBLIC_URL },
  });
});
afterAll(async () => {
  player?.disconnect();
  await store?.edge.stop();
  await cloud?.close();
});

/** The floor screen's player, connected once the edge has the screens from the cloud. */
async function connectFloorPlayer(): Promise<Socket> {
  const tokens = createScreenTokens(STORE, await loadScreenKey(store.dataDir));
  const token = await tokens.issue(FLOOR_SCREEN);
  return waitFor(
    () =>
      new Promise<Socket | undefined>((resolve) => {
        const socket = io(store.edge.httpUrl, {
          path: '/screen/socket.io',
          auth: { token },
          transports: ['websocket'],
          reconnection: false,
        });
        socket.once('hello', () => resolve(socket));
        socket.once('connect_error', () => {
          socket.close();
          resolve(undefined);
        });
      }),
    { what: 'the floor player connected', timeoutMs: 10_000 },
  );
}

async function fleetRow() {
  const response = await cloud.api.call('/v1/fleet', { token: cloud.tokens.admin });
  const fleet = await cloud.api.read(response, fleetSchema);
  return fleet.items.find((item) => item.storeId === STORE);
}

describe('the edge’s report reaches the real cloud', () => {
  it('shows the store online in the fleet, its connected screen ok and the other unknown', async () => {
    player = await connectFloorPlayer();
    const row = await waitFor(
      async () => {
        const current = await fleetRow();
        const floor = current?.report?.devices.find((device) => device.id === FLOOR_SCREEN);
        return floor?.health === 'ok' ? current : undefined;
      },
      { what: 'a fleet row with the floor screen ok', timeoutMs: 15_000 },
    );
    expect(row).toMatchObject({
      state: 'online',
      report: {
        version: EDGE_VERSION,
        publicUrl: PUBLIC_URL,
        mqttWebSocketPath: '/mqtt',
        broker: process.env.MQTT_URL ? 'external' : 'embedded',
        brokerConnected: true,
      },
    });
    const devices = row?.report?.devices ?? [];
    expect(devices.find((device) => device.id === LOUNGE_SCREEN)).toMatchObject({
      kind: 'screen',
      zone: LOUNGE,
      health: 'unknown',
    });
    expect(row?.report?.lastSyncAt.content).not.toBeNull();
  });

  it('tells a loyalty card where to open MQTT over WebSocket at this store', async () => {
    const response = await cloud.api.call('/v1/members/stores?organisationId=org_maison-demo');
    const stores = await cloud.api.read(response, memberStoreListSchema);
    expect(stores.items.find((item) => item.id === STORE)).toMatchObject({
      mqttWebSocketUrl: 'wss://edge.paris-rivoli.example/mqtt',
      online: true,
    });
  });
});
