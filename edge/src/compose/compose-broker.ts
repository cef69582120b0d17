import { topicFilter } from '@vitrine/shared';
import {
  createEdgeMqttAdapter,
  type EdgeMqttAdapter,
  edgeClientId,
  type MqttConnect,
} from '../broker/edge-mqtt-adapter.ts';
import { type EmbeddedBroker, startEmbeddedBroker } from '../broker/embedded-broker.ts';
import { createMessageIntake, type IntakeHandlers } from '../intake/message-intake.ts';
import type { RejectMessage } from '../intake/rejection-reporter.ts';
import { EDGE_VERSION } from '../version.ts';
import type { EdgeContext } from './edge-context.ts';

/** The embedded aedes broker, unless the edge is given one (`MQTT_URL`). */
export async function composeBroker({
  config,
  logger,
  onStop,
}: EdgeContext): Promise<{ broker: EmbeddedBroker | null; mqttUrl: string }> {
  if (config.mqttUrl) return { broker: null, mqttUrl: config.mqttUrl };
  // The edge takes its messages in the broker's process (see composeIntake).
  const broker = await startEmbeddedBroker({
    port: config.mqttPort,
    host: config.mqttHost,
    inProcess: true,
  });
  onStop('embedded broker', () => broker.close());
  logger.info({ url: broker.url }, 'embedded broker listening');
  return { broker, mqttUrl: broker.url };
}

export interface IntakeParts {
  broker: EmbeddedBroker | null;
  mqttUrl: string;
  startedAt: Date;
  handlers: IntakeHandlers;
  reject: RejectMessage;
  onConnectionChange: (connected: boolean) => void;
  connect: { connect?: MqttConnect };
}

/** The MQTT intake: the kinds the edge acts on, from the broker, through one decoder. */
export async function composeIntake(
  { config, logger, metrics, onStop }: EdgeContext,
  parts: IntakeParts,
): Promise<EdgeMqttAdapter> {
  const intake = createMessageIntake({
    handlers: parts.handlers,
    metrics,
    logger,
    reject: parts.reject,
  });
  // Only the kinds the edge acts on today; sightings and ranging come with their flows.
  const filters = [
    topicFilter('checkIn', { store: config.storeId }),
    topicFilter('qrScan', { store: config.storeId }),
    topicFilter('offerOpened', { store: config.storeId }),
  ];
  // Embedded, the edge takes them before the phone's PUBACK: the broker dies with the
  // edge, so only the phone's resend can bring back what a killed edge had not kept.
  parts.broker?.takeInProcess({
    filters,
    clientId: edgeClientId(config.storeId),
    handle: (topic, payload) => intake.handle(topic, payload),
  });
  const mqtt = createEdgeMqttAdapter({
    url: parts.mqttUrl,
    storeId: config.storeId,
    version: EDGE_VERSION,
    startedAt: parts.startedAt,
    subscriptions: filters,
    onMessage: (topic, payload) => intake.handle(topic, payload),
    onConnectionChange: parts.onConnectionChange,
    logger,
    ...parts.connect,
  });
  await mqtt.start();
  onStop('mqtt', () => mqtt.stop());
  return mqtt;
}
