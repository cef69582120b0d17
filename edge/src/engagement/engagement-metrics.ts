import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** The engine's figures: decisions, deliveries by action and outcome, the catalogue, syncs. */
export function createEngagementMetrics(registry: Registry) {
  const registers = [registry];
  return {
    decisions: new Counter({
      name: 'vitrine_edge_engagement_decisions_total',
      help: 'Engagement events handled, by outcome: delivered, nothing, no-catalogue, unknown-customer, error',
      labelNames: ['outcome'],
      registers,
    }),
    decisionSeconds: new Histogram({
      name: 'vitrine_edge_engagement_decision_seconds',
      help: 'Time to decide one event over the store catalogue',
      buckets: [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.01],
      registers,
    }),
    deliveries: new Counter({
      name: 'vitrine_edge_engagement_deliveries_total',
      help: 'Campaign deliveries, by action and outcome (sent, no-recipient, failed)',
      labelNames: ['action', 'outcome'],
      registers,
    }),
    catalogueCampaigns: new Gauge({
      name: 'vitrine_edge_engagement_campaigns',
      help: 'Campaigns in the catalogue the edge decides with',
      registers,
    }),
    catalogueSyncs: new Counter({
      name: 'vitrine_edge_engagement_catalogue_syncs_total',
      help: 'Catalogue syncs with the cloud, by outcome: changed, unchanged, failed',
      labelNames: ['outcome'],
      registers,
    }),
  };
}

export type EngagementMetrics = ReturnType<typeof createEngagementMetrics>;
