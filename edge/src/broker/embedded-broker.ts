import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { Aedes, type AuthorizePublishHandler, type Client, type PublishPacket } from 'aedes';
import { matchesFilter } from './domain/filter-match.ts';

export interface EmbeddedBrokerOptions {
  port?: number;
  host?: string;
  /**
   * The edge will take its messages in this process (`takeInProcess`): until it does,
   * QoS 1 publishes wait unanswered rather than pass to no one.
   */
  inProcess?: boolean;
}

/** The messages the edge takes in the broker's process, and what it does with them. */
export interface InProcessIntake {
  filters: string[];
  /** The edge's own MQTT client: these messages are not forwarded to it as well. */
  clientId: string;
  /** Resolves once the message is kept; a rejection leaves the publisher unanswered. */
  handle: (topic: string, payload: Buffer) => Promise<void>;
}

export interface EmbeddedBroker {
  /** `mqtt://host:port`, with the port actually bound (useful with port 0). */
  url: string;
  /**
   * From now on the edge takes these messages itself, before their publisher is told they
   * arrived (PUBACK). The broker's sessions die with the process: a phone answered only
   * once the edge has kept its check-in sends it again to a restarted edge, if the edge
   * was killed in between.
   */
  takeInProcess(intake: InProcessIntake): void;
  close(): Promise<void>;
}

/**
 * An aedes broker in the edge's process: the zero-set-up default. Its sessions and
 * retained messages live in memory, so they last as long as the edge does.
 */
export async function startEmbeddedBroker({
  port = 1884,
  host = '127.0.0.1',
  inProcess = false,
}: EmbeddedBrokerOptions = {}): Promise<EmbeddedBroker> {
  const broker = await Aedes.createBroker();
  let intake: InProcessIntake | null = null;
  let closing = false;
  const waiting: (() => void)[] = [];
  const wanted = (current: InProcessIntake, topic: string) =>
    current.filters.some((filter) => matchesFilter(filter, topic));

  async function takeOrPass(client: Client | null, packet: PublishPacket): Promise<void> {
    if (intake === null && inProcess && packet.qos > 0 && client !== null) {
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    if (closing) throw new Error('the broker is closing');
    const current = intake;
    // The broker's own messages (client null) and the edge's own are not taken.
    if (current === null || client === null || client.id === current.clientId) return;
    if (!wanted(current, packet.topic)) return;
    const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
    if (packet.qos === 0) {
      // No acknowledgement to hold back: taken, and not waited for.
      void current.handle(packet.topic, payload).catch(() => {});
      return;
    }
    await current.handle(packet.topic, payload);
  }

  // Called before aedes answers a QoS 1 publish: an error closes the publisher's
  // connection unanswered, and its client sends the message again.
  const authorizePublish: AuthorizePublishHandler = (client, packet, callback) => {
    takeOrPass(client, packet).then(
      () => callback(null),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
    );
  };
  broker.authorizePublish = authorizePublish;
  broker.authorizeForward = (client, packet) =>
    intake !== null && client.id === intake.clientId && wanted(intake, packet.topic)
      ? null
      : packet;

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
    takeInProcess(next) {
      intake = next;
      for (const release of waiting.splice(0)) release();
    },
    async close() {
      closing = true;
      for (const release of waiting.splice(0)) release();
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
