import { Counter, Gauge, type Registry } from 'prom-client';

export interface SyncMetrics {
  lastSuccess: Gauge;
  watermark: Gauge;
  profilesHeld: Gauge;
  failures: Counter<'reason'>;
  itemsApplied: Counter<'kind'>;
  pruned: Counter;
}

/** The profile sync's metrics, registered on the edge's own registry. */
export function createSyncMetrics(registry: Registry): SyncMetrics {
  const registers = [registry];
  return {
    lastSuccess: new Gauge({
      name: 'vitrine_edge_sync_last_success_seconds',
      help: 'Unix time of the last sync round that reached the end of the feed',
      registers,
    }),
    watermark: new Gauge({
      name: 'vitrine_edge_sync_watermark',
      help: 'Position in the cloud change feed of the last page applied',
      registers,
    }),
    profilesHeld: new Gauge({
      name: 'vitrine_edge_sync_profiles_held',
      help: 'Profiles in the local store',
      registers,
    }),
    failures: new Counter({
      name: 'vitrine_edge_sync_failures_total',
      help: 'Sync rounds that failed, by reason',
      labelNames: ['reason'],
      registers,
    }),
    itemsApplied: new Counter({
      name: 'vitrine_edge_sync_items_applied_total',
      help: 'Feed items applied to the local store, by kind (upsert, remove, erase)',
      labelNames: ['kind'],
      registers,
    }),
    pruned: new Counter({
      name: 'vitrine_edge_sync_pruned_total',
      help: "Synced customers let go because their time in the store's selection passed",
      registers,
    }),
  };
}
