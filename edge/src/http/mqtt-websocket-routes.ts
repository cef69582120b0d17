import { IncomingMessage, STATUS_CODES } from 'node:http';
import { upgradeWebSocket } from '@hono/node-server';
import { Hono } from 'hono';
import { WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../observability/logger.ts';
import { type Bridge, type BrokerAddress, bridgeToBroker } from './mqtt-websocket-bridge.ts';
import type { MqttWebSocketMetrics } from './mqtt-websocket-metrics.ts';
import { problem } from './problem.ts';

/** Where phones open MQTT over WebSocket on the edge's HTTP server. */
export const MQTT_WEBSOCKET_PATH = '/mqtt';

/** The subprotocols MQTT clients ask for: `mqtt` (3.1.1 and 5), `mqttv3.1` (3.1). */
const SUBPROTOCOLS = ['mqtt', 'mqttv3.1'] as const;

export interface MqttWebSocketOptions {
  broker: BrokerAddress;
  /** A frame larger than this closes the phone's connection (1009). */
  maxFrameBytes: number;
  metrics: MqttWebSocketMetrics;
  logger: Logger;
}

export interface MqttWebSocket {
  /** `GET /mqtt`, upgraded; mounted on the edge's HTTP app. */
  routes: Hono;
  /** The WebSocket server the HTTP server upgrades with (`noServer`). */
  server: WebSocketServer;
  /** Ends every bridged connection: the HTTP server does not close upgraded sockets. */
  close(): void;
}

/**
 * Writes a refused upgrade's answer on its socket. @hono/node-server answers a refused
 * upgrade itself only when no other server listens for upgrades, and socket.io does: the
 * phone would otherwise see its connection dropped a second later, with no reason.
 */
async function answerUpgrade(env: unknown, response: Response): Promise<void> {
  const incoming =
    typeof env === 'object' && env !== null && 'incoming' in env ? env.incoming : null;
  if (!(incoming instanceof IncomingMessage) || incoming.socket.destroyed) return;
  const body = Buffer.from(await response.clone().arrayBuffer());
  const head = [
    `HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ''}`,
    'Connection: close',
    `Content-Type: ${response.headers.get('content-type') ?? 'application/json'}`,
    `Content-Length: ${body.length}`,
  ];
  incoming.socket.end(Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`), body]));
}

function offeredProtocols(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((protocol) => protocol.trim())
    .filter((protocol) => protocol.length > 0);
}

/**
 * MQTT over WebSocket for browsers (the loyalty card), which cannot open TCP: each
 * connection is bridged, as bytes, to the store's broker over TCP, embedded or external
 * alike, so the broker applies its own rules to phones on either path.
 */
export function createMqttWebSocket({
  broker,
  maxFrameBytes,
  metrics,
  logger,
}: MqttWebSocketOptions): MqttWebSocket {
  const server = new WebSocketServer({
    noServer: true,
    maxPayload: maxFrameBytes,
    handleProtocols: (offered) => SUBPROTOCOLS.find((protocol) => offered.has(protocol)) ?? false,
  });
  const bridges = new Set<Bridge>();
  const routes = new Hono();

  routes.get(
    MQTT_WEBSOCKET_PATH,
    async (c, next) => {
      if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
        c.header('upgrade', 'websocket');
        return problem(c, 426, 'validation_failed', 'MQTT here is over WebSocket: upgrade');
      }
      const offered = offeredProtocols(c.req.header('sec-websocket-protocol'));
      if (!SUBPROTOCOLS.some((protocol) => offered.includes(protocol))) {
        const refusal = problem(c, 400, 'validation_failed', 'subprotocol mqtt required', [
          { path: 'sec-websocket-protocol', message: `expected ${SUBPROTOCOLS.join(' or ')}` },
        ]);
        await answerUpgrade(c.env, refusal);
        return refusal;
      }
      await next();
    },
    upgradeWebSocket(() => ({
      onOpen(_event, context) {
        const ws = context.raw;
        // The server above makes every socket; anything else is not ours to bridge.
        if (!(ws instanceof WebSocket)) {
          context.close(1011, 'not a ws socket');
          return;
        }
        metrics.opened.inc();
        metrics.connections.inc();
        const bridge = bridgeToBroker(ws, broker, {
          onEnd: (reason) => {
            bridges.delete(bridge);
            metrics.connections.dec();
            metrics.ended.inc({ reason });
            logger.debug({ reason }, 'MQTT WebSocket connection ended');
          },
        });
        bridges.add(bridge);
      },
    })),
  );

  return {
    routes,
    server,
    close() {
      for (const bridge of bridges) bridge.end('edge_stopping');
    },
  };
}
