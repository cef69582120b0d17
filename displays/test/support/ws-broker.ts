import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { Aedes } from 'aedes';
import { createWebSocketStream, WebSocketServer } from 'ws';

/**
 * A real MQTT broker (aedes) that phones reach over WebSocket at `/mqtt`, as they reach a
 * store edge; the test subscribes to it like the edge would.
 */
export interface WsBroker {
  /** `ws://127.0.0.1:<port>/mqtt` */
  url: string;
  close: () => Promise<void>;
}

export async function startWsBroker(): Promise<WsBroker> {
  const broker = await Aedes.createBroker();
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/mqtt' });
  await once(server, 'listening');
  server.on('connection', (socket) => broker.handle(createWebSocketStream(socket)));
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/mqtt`,
    close: async () => {
      for (const client of server.clients) client.terminate();
      await new Promise((resolve) => server.close(resolve));
      await new Promise<void>((resolve) => broker.close(() => resolve()));
    },
  };
}
