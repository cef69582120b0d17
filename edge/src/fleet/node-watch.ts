import { randomUUID } from 'node:crypto';
import { decodeMessage, topicFilter } from '@vitrine/shared';
import { connect } from 'mqtt';
import type { Logger } from '../observability/logger.ts';
import type { NodeHeard } from './domain/device-health.ts';
import type { FleetMetrics } from './fleet-metrics.ts';

export interface NodeWatchOptions {
  storeId: string;
  mqttUrl: string;
  /** The ESPresense nodes of a room (they speak per room, not per node). */
  nodesInRoom: (room: string) => string[];
  metrics: FleetMetrics;
  logger: Logger;
  now?: () => number;
}

export interface NodeWatch {
  /** What was heard of each node, by node id. */
  heard(): ReadonlyMap<string, NodeHeard>;
  stop(): Promise<void>;
}

/**
 * The store's scanner nodes as the broker hears them: each node's retained status (and
 * last will) and the arrival of its sightings; ESPresense rooms' status and telemetry.
 * Its own client, with a clean session: the retained statuses arrive at every connect.
 */
export function startNodeWatch(options: NodeWatchOptions): NodeWatch {
  const { storeId, nodesInRoom, metrics, logger, now = Date.now } = options;
  const heard = new Map<string, NodeHeard>();
  const entry = (nodeId: string): NodeHeard => {
    let node = heard.get(nodeId);
    if (node === undefined) {
      node = { state: null, stateAt: null, lastSightingAt: null };
      heard.set(nodeId, node);
    }
    return node;
  };
  const client = connect(options.mqttUrl, {
    clientId: `edge-${storeId}-fleet-${randomUUID().slice(0, 8)}`,
    clean: true,
    reconnectPeriod: 1000,
  });
  const filters = [
    topicFilter('nodeStatus', { store: storeId }),
    topicFilter('sightings', { store: storeId }),
    topicFilter('espresenseRoomStatus', {}),
    topicFilter('espresenseTelemetry', {}),
  ];
  client.on('connect', () => {
    client.subscribe(filters, { qos: 0 }, (error) => {
      if (error) logger.error({ err: error }, 'fleet: node subscriptions failed');
    });
  });
  client.on('message', (topic, payload) => {
    // A retained status cleared (empty payload) says nothing about the node.
    if (payload.length === 0) return;
    const decoded = decodeMessage(topic, payload);
    if (!decoded.ok) {
      metrics.messagesDropped.inc({ reason: decoded.reason });
      logger.debug({ topic, reason: decoded.reason, detail: decoded.detail }, 'fleet: dropped');
      return;
    }
    const at = now();
    switch (decoded.name) {
      case 'nodeStatus': {
        const node = entry(decoded.params.nodeId);
        node.state = decoded.payload.data.state;
        node.stateAt = at;
        return;
      }
      case 'sightings':
        entry(decoded.params.nodeId).lastSightingAt = at;
        return;
      case 'espresenseRoomStatus':
        for (const nodeId of nodesInRoom(decoded.params.room)) {
          const node = entry(nodeId);
          node.state = decoded.payload;
          node.stateAt = at;
        }
        return;
      case 'espresenseTelemetry':
        for (const nodeId of nodesInRoom(decoded.params.room)) {
          const node = entry(nodeId);
          node.lastSightingAt = at;
          if (node.state === null) node.state = 'online';
        }
        return;
      default:
        return;
    }
  });
  client.on('error', (error) => logger.debug({ err: error }, 'fleet: node watch client error'));
  return {
    heard: () => heard,
    async stop() {
      await client.endAsync(true);
    },
  };
}
