import { type IClientOptions, type MqttClient, connect as mqttConnect } from 'mqtt';
import type { Logger } from '../../observability/logger.ts';

export type MqttConnect = (url: string, options: IClientOptions) => MqttClient;

export interface MqttFeedOptions {
  url: string;
  clientId: string;
  filters: string[];
  onMessage: (topic: string, payload: Buffer) => void;
  logger: Logger;
  onConnectionChange?: (connected: boolean) => void;
  reconnectPeriodMs?: number;
  connectTimeoutMs?: number;
  connect?: MqttConnect;
}

export interface MqttFeed {
  /** Connects and subscribes; resolves once the first subscription is granted. */
  start(): Promise<void>;
  stop(): Promise<void>;
  readonly connected: boolean;
}

/**
 * A presence source's own subscription. Unlike the edge's connection for check-ins, its
 * session is clean and its subscriptions QoS 0: a reading is worth something only now, so
 * the broker must not queue an hour of them while the edge is away, nor resend any.
 */
export function createMqttFeed({
  url,
  clientId,
  filters,
  onMessage,
  logger,
  onConnectionChange,
  reconnectPeriodMs = 1000,
  connectTimeoutMs = 10_000,
  connect = mqttConnect,
}: MqttFeedOptions): MqttFeed {
  let client: MqttClient | undefined;
  return {
    get connected() {
      return client?.connected ?? false;
    },
    async start() {
      const mqtt = connect(url, {
        clientId,
        clean: true,
        protocolVersion: 4,
        reconnectPeriod: reconnectPeriodMs,
        connectTimeout: connectTimeoutMs,
      });
      client = mqtt;
      mqtt.on('message', onMessage);
      mqtt.on('close', () => onConnectionChange?.(false));
      mqtt.on('error', (error) =>
        logger.warn({ err: error, url, clientId }, 'presence feed error'),
      );
      const subscribed = new Promise<void>((resolve) => {
        mqtt.on('connect', () => {
          onConnectionChange?.(true);
          // A clean session forgets subscriptions: every connect subscribes again.
          mqtt.subscribeAsync(filters, { qos: 0 }).then(
            () => resolve(),
            (error: unknown) =>
              logger.error({ err: error, filters }, 'presence feed not subscribed'),
          );
        });
      });
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`connecting to ${url} timed out after ${connectTimeoutMs} ms`)),
          connectTimeoutMs,
        );
      });
      try {
        await Promise.race([subscribed, timeout]);
      } catch (error) {
        mqtt.end(true);
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
    async stop() {
      const mqtt = client;
      client = undefined;
      if (!mqtt) return;
      await mqtt.endAsync(!mqtt.connected).catch(() => mqtt.end(true));
      onConnectionChange?.(false);
    },
  };
}
