import { Counter, type Registry } from 'prom-client';

export interface OfferMetrics {
  /** Redemption requests, by method and outcome (`redeemed` or a refusal code). */
  redemptions: Counter<'method' | 'outcome'>;
  /** Offers the customers' apps said they opened, by outcome (`reported` or a refusal). */
  opened: Counter<'outcome'>;
}

export function createOfferMetrics(registry: Registry): OfferMetrics {
  const registers = [registry];
  return {
    redemptions: new Counter({
      name: 'vitrine_edge_offer_redemptions_total',
      help: 'Offer redemptions asked by associates, by method (associate-mark, associate-scan) and outcome (redeemed or why refused)',
      labelNames: ['method', 'outcome'],
      registers,
    }),
    opened: new Counter({
      name: 'vitrine_edge_offers_opened_total',
      help: 'Offers opened in the loyalty app, by outcome (reported or why refused)',
      labelNames: ['outcome'],
      registers,
    }),
  };
}
