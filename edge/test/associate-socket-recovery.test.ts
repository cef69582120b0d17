/**
 * A tablet whose connection drops: back within the recovery window, the edge replays what
 * it pushed meanwhile on the recovered socket; back later, the socket is new and the page
 * resyncs from the recent list, which still holds the alert.
 */
import { type ArrivalAlert, arrivalAlertSchema } from '@vitrine/shared';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './support/edge-harness.ts';
import { settle, waitFor } from './support/wait.ts';

let h: Harness;
const sockets: Socket[] = [];

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await h?.close();
});

interface Tablet {
  socket: Socket;
  alerts: ArrivalAlert[];
  connects: boolean[];
}

async function openTablet(): Promise<Tablet> {
  const socket = io(h.edge.httpUrl, {
    auth: { token: await h.tokenFor('aiko') },
    transports: ['websocket'],
    reconnectionDelay: 50,
    reconnectionDelayMax: 100,
  });
  sockets.push(socket);
  const tablet: Tablet = { socket, alerts: [], connects: [] };
  socket.on('alert', (alert: ArrivalAlert) => tablet.alerts.push(alert));
  socket.on('connect', () => tablet.connects.push(socket.recovered));
  await waitFor(() => (tablet.connects.length > 0 ? true : undefined), { what: 'connected' });
  return tablet;
}

/** The network drops under the socket; socket.io-client reconnects by itself. */
function dropConnection(tablet: Tablet): void {
  tablet.socket.io.engine.close();
}

describe('a tablet that loses its connection', () => {
  it('gets the alerts pushed while it was away when it comes back in time', async () => {
    const tablet = await openTablet();
    // socket.io keeps a session to recover only once the first packets went through.
    await settle(200);
    tablet.socket.io.reconnection(false);
    dropConnection(tablet);
    await waitFor(() => (tablet.socket.connected ? undefined : true), { what: 'the drop' });

    await h.publishCheckIn('cus_000001');
    // The alert went out to the store's room while this tablet was away.
    await h.waitForCounter('vitrine_edge_alerts_pushed_total');
    expect(tablet.alerts).toEqual([]);

    tablet.socket.io.reconnection(true);
    tablet.socket.connect();
    const alert = await waitFor(() => tablet.alerts[0], { what: 'the alert replayed' });
    expect(arrivalAlertSchema.parse(alert).customerId).toBe('cus_000001');
    expect(tablet.connects).toEqual([false, true]);
  });
});
