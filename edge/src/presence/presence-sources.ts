import type { PassAndProof, StoreLayout } from '@vitrine/shared';
import type { PresenceConfig } from '../config/edge-config.ts';
import type { PresenceVerdict } from '../identity/domain/verify-presence.ts';
import type { PresenceSource as VerifiedSource } from '../identity/presence-verifier.ts';
import type { EdgeMetrics } from '../observability/edge-metrics.ts';
import type { Logger } from '../observability/logger.ts';
import { LayoutFileError } from './layout-file.ts';
import type { PresenceMetrics } from './presence-metrics.ts';
import { createEspresenseSource } from './sources/espresense-source.ts';
import type { MqttConnect } from './sources/mqtt-feed-adapter.ts';
import { createNobleSource } from './sources/noble-source.ts';
import { createNodeMqttSource } from './sources/node-mqtt-source.ts';
import type { PresenceSource } from './sources/presence-source.ts';
import { createRangingSource } from './sources/ranging-source.ts';
import { createReplaySource } from './sources/replay-source.ts';
import { createSimulatorSource } from './sources/simulator-source.ts';

export interface PresenceSourcesOptions {
  config: PresenceConfig;
  layout: StoreLayout;
  storeId: string;
  mqttUrl: string;
  verify: (presented: PassAndProof, source: VerifiedSource) => Promise<PresenceVerdict>;
  metrics: Pick<EdgeMetrics, 'messagesReceived' | 'messagesRejected'>;
  presenceMetrics: Pick<PresenceMetrics, 'nodeUptime'>;
  logger: Logger;
  now?: () => number;
  mqttConnect?: MqttConnect;
  /** Imports noble (tests pass a fake module). */
  loadNoble?: () => Promise<unknown>;
}

/**
 * The sources an edge listens to: always its scanner nodes (Vitrine and ESPresense) and the
 * loyalty app's ranging reports over MQTT, plus what BLE_SOURCE names for its own radio.
 */
export function createPresenceSources(options: PresenceSourcesOptions): PresenceSource[] {
  const { config, layout, storeId, mqttUrl, metrics, logger } = options;
  const mqtt = {
    url: mqttUrl,
    storeId,
    metrics,
    logger,
    ...(options.now ? { now: options.now } : {}),
    ...(options.mqttConnect ? { connect: options.mqttConnect } : {}),
  };
  const sources: PresenceSource[] = [
    createNodeMqttSource({ ...mqtt, layout }),
    createEspresenseSource({
      ...mqtt,
      layout,
      onTelemetry: (node, telemetry) => {
        if (telemetry.uptimeS !== null) {
          options.presenceMetrics.nodeUptime.set({ node }, telemetry.uptimeS);
        }
      },
    }),
    createRangingSource({ ...mqtt, layout, verify: options.verify }),
  ];
  switch (config.bleSource) {
    case 'noble': {
      if (!layout.nodes.some((node) => node.id === config.gatewayNodeId)) {
        throw new LayoutFileError(
          config.layoutFile ?? '(none)',
          `no node ${config.gatewayNodeId} for the gateway's radio (EDGE_GATEWAY_NODE_ID)`,
        );
      }
      sources.push(
        createNobleSource({
          receiverId: config.gatewayNodeId,
          logger,
          watchdogMs: config.bleWatchdogMs,
          ...(options.loadNoble ? { loadNoble: options.loadNoble } : {}),
          ...(options.now ? { now: options.now } : {}),
        }),
      );
      break;
    }
    case 'replay':
      sources.push(
        createReplaySource({
          input: { file: config.replayFile ?? '' },
          pace: config.replaySpeed === 0 ? 'fast' : 'realtime',
          speed: config.replaySpeed === 0 ? 1 : config.replaySpeed,
        }),
      );
      break;
    case 'simulator':
      sources.push(createSimulatorSource({ layout }));
      break;
    case 'none':
      break;
  }
  return sources;
}
