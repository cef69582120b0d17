import { Counter, Gauge, type Registry } from 'prom-client';

export interface IdentityMetrics {
  verified: Counter<'source'>;
  rejected: Counter<'reason'>;
  syncs: Counter<'feed' | 'outcome'>;
  publishedKeys: Gauge;
  revokedPasses: Gauge;
}

/** Identity's metrics, registered in the edge's own registry. */
export function createIdentityMetrics(registry: Registry): IdentityMetrics {
  const registers = [registry];
  return {
    verified: new Counter({
      name: 'vitrine_edge_identity_verified_total',
      help: 'Passes with a valid proof of presence, by source (check-in, kiosk, associate or content scan)',
      labelNames: ['source'],
      registers,
    }),
    rejected: new Counter({
      name: 'vitrine_edge_identity_rejected_total',
      help: 'Passes or proofs refused, by reason (an error code)',
      labelNames: ['reason'],
      registers,
    }),
    syncs: new Counter({
      name: 'vitrine_edge_identity_syncs_total',
      help: 'Key set and revocation syncs with the cloud, by feed and outcome',
      labelNames: ['feed', 'outcome'],
      registers,
    }),
    publishedKeys: new Gauge({
      name: 'vitrine_edge_identity_keys',
      help: 'Organisation public keys the edge verifies passes with',
      registers,
    }),
    revokedPasses: new Gauge({
      name: 'vitrine_edge_identity_revoked_passes',
      help: 'Revoked passes the edge refuses (until they expire)',
      registers,
    }),
  };
}
