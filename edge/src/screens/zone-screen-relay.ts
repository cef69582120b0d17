import { randomUUID } from 'node:crypto';
import {
  decodeMessage,
  type ErrorCode,
  type ScreenContentItem,
  type ScreenInterrupt,
  topicFilter,
} from '@vitrine/shared';
import { connect } from 'mqtt';
import type { RejectMessage } from '../intake/rejection-reporter.ts';
import type { Logger } from '../observability/logger.ts';
import type { ScreenMetrics } from './screen-metrics.ts';

export type InterruptReading =
  | { ok: true; interrupt: ScreenInterrupt }
  | { ok: false; reason: ErrorCode; detail: string };

/**
 * A zone screen message, decoded through the one MQTT gate and joined to the item it
 * names. The message schema is strict: nothing personal can ride along to a screen.
 */
export function readInterrupt(
  storeId: string,
  topic: string,
  payload: Uint8Array,
  findItem: (contentId: string) => ScreenContentItem | null,
): InterruptReading {
  const decoded = decodeMessage(topic, payload);
  if (!decoded.ok) return { ok: false, reason: decoded.reason, detail: decoded.detail };
  if (decoded.name !== 'zoneScreen') {
    return {
      ok: false,
      reason: 'unknown_topic',
      detail: `${decoded.name} is not a zone screen topic`,
    };
  }
  const message = decoded.payload.data;
  if (decoded.params.store !== storeId || message.storeId !== storeId) {
    return { ok: false, reason: 'wrong_store', detail: `for ${message.storeId}, not ${storeId}` };
  }
  if (message.zoneId !== decoded.params.zone) {
    const detail = `message zone ${message.zoneId} ≠ topic zone ${decoded.params.zone}`;
    return { ok: false, reason: 'invalid_message', detail };
  }
  const item = findItem(message.contentId);
  if (item === null) {
    return { ok: false, reason: 'invalid_message', detail: `unknown content ${message.contentId}` };
  }
  return { ok: true, interrupt: { message, item } };
}

export interface ZoneScreenRelayOptions {
  storeId: string;
  mqttUrl: string;
  findItem: (contentId: string) => ScreenContentItem | null;
  push: (interrupt: ScreenInterrupt) => void;
  reject: RejectMessage;
  metrics: ScreenMetrics;
  logger: Logger;
}

/**
 * The store's zone screen topic, relayed to the screens: its own MQTT client with a clean
 * session, since an interrupt missed while the edge was down is no longer worth showing.
 * It subscribes on every connect and never holds the edge's start for the broker.
 */
export function startZoneScreenRelay(options: ZoneScreenRelayOptions): { stop(): Promise<void> } {
  const { storeId, metrics, logger } = options;
  const client = connect(options.mqttUrl, {
    // A clean session has nothing to resume: a fresh id never takes another's connection.
    clientId: `edge-${storeId}-screens-${randomUUID().slice(0, 8)}`,
    clean: true,
    reconnectPeriod: 1000,
  });
  client.on('connect', () => {
    client.subscribe(topicFilter('zoneScreen', { store: storeId }), { qos: 1 }, (error) => {
      if (error) logger.error({ err: error }, 'zone screen relay: subscription failed');
    });
  });
  client.on('message', (topic, payload) => {
    const reading = readInterrupt(storeId, topic, payload, options.findItem);
    if (!reading.ok) {
      metrics.interrupts.inc({ outcome: reading.reason });
      options.reject(reading.reason, topic, reading.detail);
      return;
    }
    metrics.interrupts.inc({ outcome: 'relayed' });
    options.push(reading.interrupt);
  });
  client.on('error', (error) => logger.warn({ err: error }, 'zone screen relay: MQTT error'));
  return {
    async stop() {
      await client.endAsync();
    },
  };
}
