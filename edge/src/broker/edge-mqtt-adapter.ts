import { buildTopic, createEnvelope, type EdgeStatus } from '@vitrine/shared';
import { type IClientOptions, type MqttClient, connect as mqttConnect } from 'mqtt';
import type { Logger } from '../observability/logger.ts';
import { acknowledgeWhenKept, type MessageHandler } from './acknowledge-when-kept.ts';

export type { MessageHandler };
export type MqttConnect = (url: string, options: IClientOptions) => MqttClient;

export interface EdgeMqttOptions {
  url: string;
  storeId: string;
  version: string;
  startedAt: Date;
  /** Topic filters, subscribed at QoS 1 on every connect. */
  subscriptions: string[];
  onMessage: MessageHandler;
  logger: Logger;
  onConnectionChange?: (connected: boolean) => void;
  clientId?: string;
  reconnectPeriodMs?: number;
  connectTimeoutMs?: number;
  /** How long a graceful stop waits for its `offline` status to be acknowledged. */
  stopTimeoutMs?: number;
  connect?: MqttConnect;
}

export interface EdgeMqttAdapter {
  /** Connects, publishes `online`, subscribes; resolves once that first round is done. */
  start(): Promise<void>;
  /** Publishes `offline`/`stopping` and disconnects; the persistent session stays. */
  stop(): Promise<void>;
  /**
   * Publishes one of the edge's own messages (an answer to a phone); resolves once the
   * broker has it (QoS 1) — a message published while disconnected is sent on reconnect.
   */
  publish(topic: string, payload: string, options: { qos: 0 | 1; retain: boolean }): Promise<void>;
  readonly connected: boolean;
}

function statusPayload(
  storeId: string,
  status: Pick<EdgeStatus, 'state' | 'reason'>,
  options: { version: string; startedAt: Date },
): string {
  const body: EdgeStatus = {
    ...status,
    version: options.version,
    startedAt: options.startedAt.toISOString(),
  };
  return JSON.stringify(createEnvelope(storeId, body, { at: new Date() }));
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The client id of a store's edge: one persistent session per store. */
export function edgeClientId(storeId: string): string {
  return `edge-${storeId}`;
}

/**
 * The edge's one MQTT connection: a persistent session (clean: false) so QoS 1 check-ins
 * sent while the edge was away are delivered when it returns, and a retained last will
 * so every subscriber sees a lost edge as `offline` without a heartbeat. A message is
 * acknowledged only once its handler has kept it: an edge killed in between is sent it
 * again by the broker.
 */
export function createEdgeMqttAdapter(options: EdgeMqttOptions): EdgeMqttAdapter {
  let client: MqttClient | undefined;
  const {
    url,
    storeId,
    logger,
    clientId = edgeClientId(storeId),
    reconnectPeriodMs = 1000,
    connectTimeoutMs = 10_000,
    stopTimeoutMs = 2000,
    connect = mqttConnect,
  } = options;
  const statusTopic = buildTopic('edgeStatus', { store: storeId });

  async function onConnect(mqtt: MqttClient) {
    options.onConnectionChange?.(true);
    logger.info({ url, clientId }, 'connected to the broker');
    try {
      await mqtt.publishAsync(
        statusTopic,
        statusPayload(storeId, { state: 'online', reason: 'started' }, options),
        {
          qos: 1,
          retain: true,
        },
      );
      const granted = await mqtt.subscribeAsync(options.subscriptions, { qos: 1 });
      for (const grant of granted) {
        if (grant.qos !== 1)
          logger.error({ topic: grant.topic, qos: grant.qos }, 'subscription not granted at QoS 1');
      }
    } catch (error) {
      logger.error({ err: error }, 'could not announce or subscribe after connecting');
    }
  }

  return {
    get connected() {
      return client?.connected ?? false;
    },
    async start() {
      const mqtt = connect(url, {
        clientId,
        clean: false,
        protocolVersion: 4,
        reconnectPeriod: reconnectPeriodMs,
        connectTimeout: connectTimeoutMs,
        will: {
          topic: statusTopic,
          payload: Buffer.from(
            statusPayload(storeId, { state: 'offline', reason: 'connection-lost' }, options),
          ),
          qos: 1,
          retain: true,
        },
      });
      client = mqtt;
      // A check-in is acknowledged once kept: an edge killed before is sent it again.
      acknowledgeWhenKept(mqtt, options.onMessage, logger);
      mqtt.on('close', () => options.onConnectionChange?.(false));
      mqtt.on('error', (error) => logger.warn({ err: error, url }, 'broker connection error'));
      const ready = new Promise<void>((resolve) => {
        mqtt.on('connect', () => void onConnect(mqtt).then(resolve));
      });
      try {
        await withTimeout(ready, connectTimeoutMs, `connecting to ${url}`);
      } catch (error) {
        mqtt.end(true);
        throw error;
      }
    },
    async publish(topic, payload, { qos, retain }) {
      if (!client) throw new Error('the MQTT adapter is not started');
      await client.publishAsync(topic, payload, { qos, retain });
    },
    async stop() {
      const mqtt = client;
      if (!mqtt) return;
      if (mqtt.connected) {
        try {
          const payload = statusPayload(storeId, { state: 'offline', reason: 'stopping' }, options);
          await withTimeout(
            mqtt.publishAsync(statusTopic, payload, { qos: 1, retain: true }),
            stopTimeoutMs,
            'publishing offline status',
          );
        } catch (error) {
          logger.warn({ err: error }, 'could not publish the offline status');
        }
        await withTimeout(mqtt.endAsync(), stopTimeoutMs, 'disconnecting').catch(() =>
          mqtt.end(true),
        );
      } else {
        mqtt.end(true);
      }
      options.onConnectionChange?.(false);
    },
  };
}
