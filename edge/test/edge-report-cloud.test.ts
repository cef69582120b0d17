import { fleetSchema, memberStoreListSchema } from '@vitrine/shared';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDGE_VERSION } from '../src/version.ts';
import {
  connectPlayer,
  FLOOR,
  LOUNGE,
  type ScreenCloud,
  type ScreenEdge,
  STORE,
  screenRunNames,
  screenTokensOf,
  startScreenCloud,
  startScreenEdge,
} from './support/screen-store.ts';
import { waitFor } from './support/wait.ts';

// The real cloud (PGlite, or PostgreSQL with DATABASE_URL) and a real edge of its store.
let cloud: ScreenCloud;
let store: ScreenEdge;
let player: Socket | undefined;
const { floorScreen: FLOOR_SCREEN, loungeScreen: LOUNGE_SCREEN } = screenRunNames();
const PUBLIC_URL = 'https://edge.paris-rivoli.example';

beforeAll(async () => {
  cloud = await startScreenCloud({ screens: { [FLOOR_SCREEN]: FLOOR, [LOUNGE_SCREEN]: LOUNGE } });
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
  const token = await (await screenTokensOf(store)).issue(FLOOR_SCREEN);
  return waitFor(
    () =>
      new Promise<Socket | undefined>((resolve) => {
        const socket = connectPlayer(store, token);
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
