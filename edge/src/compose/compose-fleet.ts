import { type StoreLayout, zoneOfRoom } from '@vitrine/shared';
import {
  buildEdgeReport,
  createEdgeReportSender,
  createFleetMetrics,
  createSeenLog,
  type EdgeReportSender,
  type NodeSlot,
  nodeHealth,
  type ScreenSlot,
  type SyncedFeeds,
  screenHealth,
  startNodeWatch,
} from '../fleet/index.ts';
import { MQTT_WEBSOCKET_PATH } from '../http/mqtt-websocket-routes.ts';
import type { DurableOutbox } from '../outbox/durable-outbox.ts';
import { EDGE_VERSION } from '../version.ts';
import type { EdgeContext } from './edge-context.ts';

export interface FleetParts {
  startedAt: Date;
  /** The HTTP server's own address: the public one unless EDGE_PUBLIC_URL says otherwise. */
  httpUrl: string;
  mqttUrl: string;
  broker: 'embedded' | 'external';
  brokerConnected: () => boolean;
  outbox: Pick<DurableOutbox, 'pendingTotal' | 'oldestPendingAt' | 'lastUploadAt'>;
  feeds: SyncedFeeds;
  layout: StoreLayout | null;
  /** The store's registered screens and those whose player is connected now. */
  screens: { registered(): ScreenSlot[]; connected(): string[] } | null;
}

/**
 * The edge's report to the cloud, for the fleet view and for phones to find the store's
 * broker: itself, its outbox, its syncs, and its scanner nodes and screens with their health.
 */
export function composeFleet(
  { config, logger, metrics, now, fetch, onStop }: EdgeContext,
  parts: FleetParts,
): EdgeReportSender {
  const fleetMetrics = createFleetMetrics(metrics.registry);
  const layoutNodes: NodeSlot[] = (parts.layout?.nodes ?? []).map((node) => ({
    id: node.id,
    zone: (parts.layout && zoneOfRoom(parts.layout, node.room)) ?? node.room,
  }));
  const nodes = startNodeWatch({
    storeId: config.storeId,
    mqttUrl: parts.mqttUrl,
    nodesInRoom: (room) =>
      (parts.layout?.nodes ?? [])
        .filter((node) => node.firmware === 'espresense' && node.room === room)
        .map((node) => node.id),
    metrics: fleetMetrics,
    logger,
    now,
  });
  const screensSeen = createSeenLog();

  function devices(at: number) {
    const heard = nodes.heard();
    const known = new Set(layoutNodes.map((node) => node.id));
    const strays = [...heard.keys()]
      .filter((id) => !known.has(id))
      .map((id) => ({ id, zone: null }));
    const nodeDevices = [...layoutNodes, ...strays].map((node) =>
      nodeHealth(node, heard.get(node.id), at),
    );
    if (parts.screens === null) return nodeDevices;
    const connected = new Set(parts.screens.connected());
    screensSeen.observe(connected, at);
    const screenDevices = parts.screens
      .registered()
      .map((screen) =>
        screenHealth(screen, connected.has(screen.id), screensSeen.lastSeen(screen.id), at),
      );
    return [...nodeDevices, ...screenDevices];
  }

  const sender = createEdgeReportSender({
    cloudUrl: config.cloudUrl,
    token: config.cloudToken,
    storeId: config.storeId,
    intervalMs: config.reportIntervalMs,
    report: () => {
      const at = now();
      return buildEdgeReport({
        version: EDGE_VERSION,
        startedAt: parts.startedAt.getTime(),
        publicUrl: config.publicUrl ?? parts.httpUrl,
        mqttWebSocketPath: config.mqttWebSocket.enabled ? MQTT_WEBSOCKET_PATH : null,
        broker: parts.broker,
        brokerConnected: parts.brokerConnected(),
        outbox: {
          pending: parts.outbox.pendingTotal(),
          oldestPendingAt: parts.outbox.oldestPendingAt(),
          lastUploadAt: parts.outbox.lastUploadAt(),
        },
        lastSyncAt: parts.feeds.snapshot(),
        devices: devices(at),
      });
    },
    metrics: fleetMetrics,
    logger,
    ...fetch,
  });
  sender.start();
  onStop('edge report', async () => {
    await sender.stop();
    await nodes.stop();
  });
  return sender;
}
