import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Outcomes of a profile lookup, as counted: a cache hit did not ask the cloud. */
export const LOOKUP_OUTCOMES = [
  'fresh',
  'cache_hit',
  'not_found',
  'unreachable',
  'timeout',
  'server_error',
  'refused',
  'invalid_response',
] as const;
export type LookupOutcome = (typeof LOOKUP_OUTCOMES)[number];

export interface EdgeMetrics {
  registry: Registry;
  messagesReceived: Counter<'kind'>;
  messagesRejected: Counter<'reason'>;
  duplicatesDropped: Counter<'kind'>;
  cloudLookups: Counter<'outcome'>;
  cloudLookupFailures: Counter<'reason'>;
  alertsPushed: Counter;
  alertLatency: Histogram;
  connectedAssociates: Gauge;
  brokerConnected: Gauge;
}

/** Every metric of one edge in its own registry, so two edges in one process never mix. */
export function createEdgeMetrics({ defaultMetrics = true } = {}): EdgeMetrics {
  const registry = new Registry();
  if (defaultMetrics) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    messagesReceived: new Counter({
      name: 'vitrine_edge_messages_received_total',
      help: 'MQTT messages accepted by the intake, by kind (topic name)',
      labelNames: ['kind'],
      registers,
    }),
    messagesRejected: new Counter({
      name: 'vitrine_edge_messages_rejected_total',
      help: 'Messages dropped, by reason (an error code)',
      labelNames: ['reason'],
      registers,
    }),
    duplicatesDropped: new Counter({
      name: 'vitrine_edge_messages_duplicate_total',
      help: 'QoS 1 redeliveries of a message already handled, dropped, by kind',
      labelNames: ['kind'],
      registers,
    }),
    cloudLookups: new Counter({
      name: 'vitrine_edge_cloud_lookups_total',
      help: 'Customer profile lookups, by outcome',
      labelNames: ['outcome'],
      registers,
    }),
    cloudLookupFailures: new Counter({
      name: 'vitrine_edge_cloud_lookup_failures_total',
      help: 'Profile lookups the cloud did not answer usefully, by reason',
      labelNames: ['reason'],
      registers,
    }),
    alertsPushed: new Counter({
      name: 'vitrine_edge_alerts_pushed_total',
      help: 'Arrival alerts emitted to the associates of the store',
      registers,
    }),
    alertLatency: new Histogram({
      name: 'vitrine_edge_alert_latency_seconds',
      help: 'From the time in the check-in envelope to the emit of the alert',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    connectedAssociates: new Gauge({
      name: 'vitrine_edge_connected_associates',
      help: 'Associate sockets connected and authorised',
      registers,
    }),
    brokerConnected: new Gauge({
      name: 'vitrine_edge_broker_connected',
      help: '1 while the edge is connected to its MQTT broker',
      registers,
    }),
  };
}
