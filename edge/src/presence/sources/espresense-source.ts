import { type StoreLayout, topicFilter } from '@vitrine/shared';
import { deviceIdOfEspresense } from '../domain/device-identity.ts';
import { createSourceFeed, type MqttSourceOptions, sourceOverFeed } from './mqtt-source-options.ts';
import type { PresenceSink, PresenceSource } from './presence-source.ts';
import { createSourceHealth } from './source-health.ts';

export interface EspresenseTelemetry {
  uptimeS: number | null;
  adverts: number | null;
  freeHeap: number | null;
}

export interface EspresenseSourceOptions extends MqttSourceOptions {
  layout: StoreLayout;
  /** A node's telemetry (every 15 s), for its health metrics. */
  onTelemetry?: (nodeId: string, telemetry: EspresenseTelemetry) => void;
}

/**
 * Off-the-shelf ESP32 nodes running ESPresense, unchanged: one message per device heard
 * (`espresense/devices/<device>/<room>`), a retained `online`/`offline` status per room
 * with a last will, and telemetry. The room is how the layout finds the node; a room the
 * layout does not know is dropped, counted and logged. Its topics are not store-scoped:
 * the store's broker is the store's.
 */
export function createEspresenseSource(options: EspresenseSourceOptions): PresenceSource {
  const { storeId, layout, now = Date.now, onTelemetry } = options;
  const nodeOfRoom = new Map(
    layout.nodes
      .filter((node) => node.firmware === 'espresense')
      .map((node) => [node.room, node.id]),
  );
  const health = createSourceHealth();
  let sink: PresenceSink | null = null;

  function nodeIn(room: string): string | null {
    const nodeId = nodeOfRoom.get(room);
    if (nodeId === undefined) {
      sink?.dropped('unknown-room', `ESPresense room ${room} is not in the layout`);
      return null;
    }
    return nodeId;
  }

  const feed = createSourceFeed(options, {
    clientId: `edge-${storeId}-espresense`,
    filters: [
      topicFilter('espresenseDevice'),
      topicFilter('espresenseRoomStatus'),
      topicFilter('espresenseTelemetry'),
    ],
    sink: () => sink,
    health,
    handlers: {
      espresenseDevice: ({ params, payload }) => {
        const nodeId = nodeIn(params.room);
        if (nodeId === null) return;
        sink?.sighting({
          receiverId: nodeId,
          deviceId: deviceIdOfEspresense(payload.id),
          rssi: payload.rssi,
          at: now(),
        });
      },
      espresenseRoomStatus: ({ params, payload }) => {
        const nodeId = nodeIn(params.room);
        if (nodeId !== null) sink?.receiverStatus(nodeId, payload === 'online', now());
      },
      espresenseTelemetry: ({ params, payload }) => {
        const nodeId = nodeIn(params.room);
        if (nodeId === null) return;
        // Telemetry only flows from a node that is up, whatever its retained status said.
        sink?.receiverStatus(nodeId, true, now());
        onTelemetry?.(nodeId, {
          uptimeS: payload.uptime ?? null,
          adverts: payload.adverts ?? null,
          freeHeap: payload.freeHeap ?? null,
        });
      },
    },
  });

  return sourceOverFeed('espresense', {
    feed,
    health,
    bind: (next) => {
      sink = next;
    },
  });
}
