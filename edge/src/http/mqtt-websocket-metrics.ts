import { Counter, Gauge, type Registry } from 'prom-client';

/** Why a phone's WebSocket to the broker ended, as counted. */
export const MQTT_WEBSOCKET_END_REASONS = [
  'phone_closed',
  'phone_error',
  'text_frame',
  'frame_too_large',
  'broker_closed',
  'broker_unreachable',
  'edge_stopping',
] as const;
export type MqttWebSocketEndReason = (typeof MQTT_WEBSOCKET_END_REASONS)[number];

/** Phones on the broker over WebSocket: connected now, opened, and ended by reason. */
export function createMqttWebSocketMetrics(registry: Registry) {
  const registers = [registry];
  return {
    connections: new Gauge({
      name: 'vitrine_edge_mqtt_websocket_connections',
      help: 'Phones connected to the store broker over WebSocket (/mqtt) now',
      registers,
    }),
    opened: new Counter({
      name: 'vitrine_edge_mqtt_websocket_opened_total',
      help: 'WebSocket connections bridged to the store broker',
      registers,
    }),
    ended: new Counter({
      name: 'vitrine_edge_mqtt_websocket_ended_total',
      help: 'WebSocket connections to the store broker ended, by reason',
      labelNames: ['reason'],
      registers,
    }),
  };
}

export type MqttWebSocketMetrics = ReturnType<typeof createMqttWebSocketMetrics>;
