import { Counter, type Registry } from 'prom-client';

/** The edge's reports to the cloud, and the node messages its fleet view could not read. */
export function createFleetMetrics(registry: Registry) {
  const registers = [registry];
  return {
    reports: new Counter({
      name: 'vitrine_edge_fleet_reports_total',
      help: 'Reports of the edge and its devices to the cloud, by outcome: sent, or the failure',
      labelNames: ['outcome'],
      registers,
    }),
    messagesDropped: new Counter({
      name: 'vitrine_edge_fleet_messages_dropped_total',
      help: 'Node status and sighting messages the fleet view dropped, by reason',
      labelNames: ['reason'],
      registers,
    }),
  };
}

export type FleetMetrics = ReturnType<typeof createFleetMetrics>;
