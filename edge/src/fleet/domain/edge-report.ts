import type { EdgeReport, FleetDevice } from '@vitrine/shared';

/** What the edge knows of itself at one instant, as plain values (times in epoch ms). */
export interface EdgeFacts {
  version: string;
  startedAt: number;
  publicUrl: string;
  mqttWebSocketPath: string | null;
  broker: 'embedded' | 'external';
  brokerConnected: boolean;
  outbox: { pending: number; oldestPendingAt: number | null; lastUploadAt: number | null };
  lastSyncAt: Record<string, number | null>;
  devices: FleetDevice[];
}

/** The schema's cap: a store with more devices reports the least healthy first. */
export const MAX_REPORTED_DEVICES = 2000;

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

const HEALTH_ORDER: Record<FleetDevice['health'], number> = {
  offline: 0,
  degraded: 1,
  unknown: 2,
  ok: 3,
};

/** The report the cloud keeps, from the edge's facts: times as ISO instants, devices sorted. */
export function buildEdgeReport(facts: EdgeFacts): EdgeReport {
  const devices = [...facts.devices]
    .sort(
      (a, b) =>
        HEALTH_ORDER[a.health] - HEALTH_ORDER[b.health] ||
        a.kind.localeCompare(b.kind) ||
        a.id.localeCompare(b.id),
    )
    .slice(0, MAX_REPORTED_DEVICES);
  return {
    version: facts.version,
    startedAt: new Date(facts.startedAt).toISOString(),
    publicUrl: facts.publicUrl,
    mqttWebSocketPath: facts.mqttWebSocketPath,
    broker: facts.broker,
    brokerConnected: facts.brokerConnected,
    outbox: {
      pending: facts.outbox.pending,
      oldestPendingAt: iso(facts.outbox.oldestPendingAt),
      lastUploadAt: iso(facts.outbox.lastUploadAt),
    },
    lastSyncAt: Object.fromEntries(
      Object.entries(facts.lastSyncAt).map(([feed, at]) => [feed, iso(at)]),
    ),
    devices,
  };
}
