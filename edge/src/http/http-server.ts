import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';

export interface HttpServerOptions {
  fetch: (request: Request) => Response | Promise<Response>;
  port?: number;
  hostname?: string;
}

/** A node HTTP server for a Hono app, listening; socket.io attaches to the same server. */
export async function listenHttp({
  fetch,
  port = 8081,
  hostname = '127.0.0.1',
}: HttpServerOptions): Promise<{ server: Server; url: string }> {
  const server = createServer(getRequestListener(fetch));
  server.listen(port, hostname);
  await once(server, 'listening');
  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  return { server, url: `http://${hostname}:${boundPort}` };
}
