import { once } from 'node:events';
import { Server } from 'node:http';
import { createAdaptorServer, type WebSocketServerLike } from '@hono/node-server';

export interface HttpServerOptions {
  fetch: (request: Request, env?: unknown) => Response | Promise<Response>;
  port?: number;
  hostname?: string;
  /** Upgrades the app's WebSocket routes (`upgradeWebSocket`), when given. */
  websocket?: WebSocketServerLike;
}

/** A node HTTP server for a Hono app, listening; socket.io attaches to the same server. */
export async function listenHttp({
  fetch,
  port = 8081,
  hostname = '127.0.0.1',
  websocket,
}: HttpServerOptions): Promise<{ server: Server; url: string }> {
  const server = createAdaptorServer({
    fetch,
    ...(websocket ? { websocket: { server: websocket } } : {}),
  });
  if (!(server instanceof Server)) throw new Error('expected an HTTP/1.1 server');
  server.listen(port, hostname);
  await once(server, 'listening');
  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  return { server, url: `http://${hostname}:${boundPort}` };
}
