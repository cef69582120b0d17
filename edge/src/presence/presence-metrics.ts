import { Counter, Gauge, type Registry } from 'prom-client';

export interface PresenceMetrics {
  sightings: Counter<'source'>;
  dropped: Counter<'source' | 'reason'>;
  events: Counter<'type'>;
  arrivals: Counter<'outcome'>;
  occupancy: Gauge<'zone' | 'kind'>;
  tracked: Gauge<'kind'>;
  sourceUp: Gauge<'source'>;
  sourceRestarts: Gauge<'source'>;
  receiverOnline: Gauge<'receiver'>;
  nodeUptime: Gauge<'node'>;
}

/** Presence's metrics, in the edge's registry. */
export function createPresenceMetrics(registry: Registry): PresenceMetrics {
  const registers = [registry];
  return {
    sightings: new Counter({
      name: 'vitrine_edge_presence_sightings_total',
      help: 'Readings fed to the presence tracker, by source',
      labelNames: ['source'],
      registers,
    }),
    dropped: new Counter({
      name: 'vitrine_edge_presence_dropped_total',
      help: 'Presence inputs dropped, by source and reason (unknown room, bad RSSI, refused proof, ...)',
      labelNames: ['source', 'reason'],
      registers,
    }),
    events: new Counter({
      name: 'vitrine_edge_presence_events_total',
      help: 'Presence events of identified devices, by type',
      labelNames: ['type'],
      registers,
    }),
    arrivals: new Counter({
      name: 'vitrine_edge_presence_arrivals_total',
      help: 'Store enters of consenting customers, by outcome (alerted, recently announced, failed)',
      labelNames: ['outcome'],
      registers,
    }),
    occupancy: new Gauge({
      name: 'vitrine_edge_presence_zone_occupancy',
      help: 'People per zone now (zone "unknown": present, zone not known), identified or anonymous',
      labelNames: ['zone', 'kind'],
      registers,
    }),
    tracked: new Gauge({
      name: 'vitrine_edge_presence_tracked_devices',
      help: 'Devices the tracker holds, identified or anonymous',
      labelNames: ['kind'],
      registers,
    }),
    sourceUp: new Gauge({
      name: 'vitrine_edge_presence_source_up',
      help: '1 while a presence source runs, 0 when degraded or stopped',
      labelNames: ['source'],
      registers,
    }),
    sourceRestarts: new Gauge({
      name: 'vitrine_edge_presence_source_restarts',
      help: 'Times a source restarted its input (the BLE scan watchdog)',
      labelNames: ['source'],
      registers,
    }),
    receiverOnline: new Gauge({
      name: 'vitrine_edge_presence_receiver_online',
      help: '1 while a scanner node is online, 0 after its offline status',
      labelNames: ['receiver'],
      registers,
    }),
    nodeUptime: new Gauge({
      name: 'vitrine_edge_presence_node_uptime_seconds',
      help: 'Uptime an ESPresense node last reported in its telemetry',
      labelNames: ['node'],
      registers,
    }),
  };
}
