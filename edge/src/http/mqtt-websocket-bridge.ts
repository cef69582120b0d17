import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import type { RawData, WebSocket } from 'ws';
import type { MqttWebSocketEndReason } from './mqtt-websocket-metrics.ts';

/** A broker the bridge reaches over TCP (or TLS). */
export interface BrokerAddress {
  host: string;
  port: number;
  tls: boolean;
}

/** Where the bridge connects for `mqttUrl`; null for a broker reached over WebSocket itself. */
export function brokerAddressOf(mqttUrl: string): BrokerAddress | null {
  if (!URL.canParse(mqttUrl)) return null;
  const url = new URL(mqttUrl);
  const tls = url.protocol === 'mqtts:';
  if (!tls && url.protocol !== 'mqtt:' && url.protocol !== 'tcp:') return null;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return { host, port: url.port ? Number(url.port) : tls ? 8883 : 1883, tls };
}

export interface BridgeOptions {
  /** Bytes waiting to reach the phone above which the broker is not read until they leave. */
  highWaterBytes?: number;
  /** Called once, when either side ended the pair. */
  onEnd: (reason: MqttWebSocketEndReason) => void;
}

export interface Bridge {
  /** Ends both sides at once (the edge is stopping). */
  end(reason: MqttWebSocketEndReason): void;
}

/** WebSocket close codes (RFC 6455 §7.4.1). */
const CLOSE_NORMAL = 1000;
const CLOSE_GOING_AWAY = 1001;
const CLOSE_UNSUPPORTED_DATA = 1003;
const CLOSE_INTERNAL_ERROR = 1011;

const CLOSE_CODES: Record<MqttWebSocketEndReason, number> = {
  phone_closed: CLOSE_NORMAL,
  phone_error: CLOSE_INTERNAL_ERROR,
  // MQTT travels in binary frames only (MQTT 3.1.1 §6 and 5.0 §6): anything else ends it.
  text_frame: CLOSE_UNSUPPORTED_DATA,
  frame_too_large: 1009,
  broker_closed: CLOSE_NORMAL,
  broker_unreachable: CLOSE_INTERNAL_ERROR,
  edge_stopping: CLOSE_GOING_AWAY,
};

function bytesOf(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

/**
 * One phone's WebSocket joined to its own TCP connection to the broker, as a byte stream
 * both ways: the broker sees an ordinary MQTT client. Each side waits for the other when
 * it cannot keep up; when one side closes, so does the other.
 */
export function bridgeToBroker(
  ws: WebSocket,
  address: BrokerAddress,
  { highWaterBytes = 1024 * 1024, onEnd }: BridgeOptions,
): Bridge {
  const broker: Socket = address.tls
    ? connectTls({ host: address.host, port: address.port, servername: address.host })
    : connectTcp({ host: address.host, port: address.port });
  let connected = false;
  let ended = false;

  function end(reason: MqttWebSocketEndReason) {
    if (ended) return;
    ended = true;
    broker.destroy();
    // A phone already closing (its close, a frame too large) has been told why.
    if (ws.readyState === ws.OPEN) ws.close(CLOSE_CODES[reason], reason.replaceAll('_', ' '));
    else if (ws.readyState === ws.CONNECTING) ws.terminate();
    onEnd(reason);
  }

  broker.once(address.tls ? 'secureConnect' : 'connect', () => {
    connected = true;
  });
  broker.on('data', (chunk: Buffer) => {
    if (ws.readyState !== ws.OPEN) return;
    ws.send(chunk, { binary: true }, () => {
      if (broker.isPaused() && ws.bufferedAmount <= highWaterBytes / 2) broker.resume();
    });
    if (ws.bufferedAmount > highWaterBytes) broker.pause();
  });
  broker.on('drain', () => ws.resume());
  broker.on('error', () => end(connected ? 'broker_closed' : 'broker_unreachable'));
  broker.on('close', () => end('broker_closed'));

  ws.on('message', (data, isBinary) => {
    if (ended) return;
    if (!isBinary) {
      end('text_frame');
      return;
    }
    // Written before the connection is up too: the socket holds it until then.
    if (!broker.write(bytesOf(data))) ws.pause();
  });
  ws.on('error', (error: Error & { code?: string }) =>
    end(error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? 'frame_too_large' : 'phone_error'),
  );
  ws.on('close', () => end('phone_closed'));

  return { end };
}
