import { type StoreLayout, topicFilter } from '@vitrine/shared';
import type { EidResolver } from '../domain/beacon-frames.ts';
import { readingsOfBatch } from '../domain/node-readings.ts';
import { createSourceFeed, type MqttSourceOptions, sourceOverFeed } from './mqtt-source-options.ts';
import type { PresenceSink, PresenceSource } from './presence-source.ts';
import { createSourceHealth } from './source-health.ts';

export interface NodeMqttSourceOptions extends MqttSourceOptions {
  layout: StoreLayout;
  resolveEid?: EidResolver;
}

/**
 * Vitrine scanner nodes over MQTT: batches of sightings under the node's own topic, and
 * its retained status (with a last will, so a node that dies goes offline by itself). A
 * node the layout does not know is dropped: it stands in no zone.
 */
export function createNodeMqttSource(options: NodeMqttSourceOptions): PresenceSource {
  const { storeId, layout, now = Date.now, resolveEid } = options;
  const nodes = new Set(layout.nodes.map((node) => node.id));
  const health = createSourceHealth();
  let sink: PresenceSink | null = null;

  const feed = createSourceFeed(options, {
    clientId: `edge-${storeId}-nodes`,
    filters: [
      topicFilter('sightings', { store: storeId }),
      topicFilter('nodeStatus', { store: storeId }),
    ],
    sink: () => sink,
    health,
    handlers: {
      sightings: ({ params, payload }) => {
        if (sink === null) return;
        const { nodeId } = params;
        if (payload.data.nodeId !== nodeId) {
          sink.dropped(
            'node-mismatch',
            `data.nodeId ${payload.data.nodeId} ≠ topic node ${nodeId}`,
          );
          return;
        }
        if (!nodes.has(nodeId)) {
          sink.dropped('unknown-node', `node ${nodeId} is not in the layout`);
          return;
        }
        const readings = readingsOfBatch(
          payload.data.sightings,
          now(),
          resolveEid ? { resolveEid } : {},
        );
        for (const reading of readings) sink.sighting({ receiverId: nodeId, ...reading });
      },
      nodeStatus: ({ params, payload }) => {
        if (sink === null || !nodes.has(params.nodeId)) return;
        sink.receiverStatus(params.nodeId, payload.data.state === 'online', now());
      },
    },
  });

  return sourceOverFeed('nodes', {
    feed,
    health,
    bind: (next) => {
      sink = next;
    },
  });
}
