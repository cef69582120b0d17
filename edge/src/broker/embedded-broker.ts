import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { Aedes } from 'aedes';

export interface EmbeddedBrokerOptions {
  port?: number;
  host?: string;
}

export interface EmbeddedBroker {
  /** `mqtt://host:port`, with the port actually bound (useful with port 0). */
  url: string;
  close(): Promise<void>;
}

/**
 * An aedes broker in the edge's process: the zero-set-up default. Its sessions and
 * retained messages live in memory, so they last as long as the edge does.
 */
export async function startEmbeddedBroker({
  port = 1884,
  host = '127.0.0.1',
}: EmbeddedBrokerOptions = {}): Promise<EmbeddedBroker> {
  const broker = await Aedes.createBroker();
  const server: Server = createServer(broker.handle);
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(port, host);
  try {
    await once(server, 'listening');
  } catch (error) {
    await new Promise<void>((resolve) => broker.close(() => resolve()));
    throw error;
  }
  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `mqtt://${host}:${boundPort}`,
    async close() {
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
