import { Counter, type Registry } from 'prom-client';

/** Which kind of signed code a counter speaks of. */
export type CodeFormat = 'content' | 'ticket';

export interface ScanMetrics {
  /** Codes verified and answered: a product, a screen, an admission. */
  accepted: Counter<'format' | 'kind'>;
  /** Codes refused, by format and reason (an error code). */
  refused: Counter<'format' | 'reason'>;
}

/** The scan metrics, registered in the edge's own registry. */
export function createScanMetrics(registry: Registry): ScanMetrics {
  const registers = [registry];
  return {
    accepted: new Counter({
      name: 'vitrine_edge_codes_accepted_total',
      help: 'Signed QR codes verified and answered, by format (content, ticket) and kind (product, screen, admission)',
      labelNames: ['format', 'kind'],
      registers,
    }),
    refused: new Counter({
      name: 'vitrine_edge_codes_refused_total',
      help: 'Signed QR codes refused, by format and reason (an error code)',
      labelNames: ['format', 'reason'],
      registers,
    }),
  };
}
