import { join } from 'node:path';
import type { PresenceVerifier } from '../identity/presence-verifier.ts';
import type { RejectMessage } from '../intake/rejection-reporter.ts';
import { createOfferDesk, type OfferDesk } from '../offers/offer-desk.ts';
import { createOfferLedger } from '../offers/offer-ledger.ts';
import { createOfferMetrics } from '../offers/offer-metrics.ts';
import { createOfferOpenedFlow, type OfferOpenedFlow } from '../offers/offer-opened-flow.ts';
import { createRedemptionSigner, loadRedemptionKey } from '../offers/redemption-key.ts';
import type { DurableOutbox } from '../outbox/durable-outbox.ts';
import type { EdgeContext } from './edge-context.ts';

export interface OfferParts {
  outbox: DurableOutbox;
  presence: PresenceVerifier;
  reject: RejectMessage;
}

export interface Offers {
  desk: OfferDesk;
  opened: OfferOpenedFlow;
}

/**
 * Phone offers kept in `<dataDir>/offers` (the ledger and the key of their redemption
 * codes): redeemed by the associates, opened by the customers, reported through the outbox.
 */
export async function composeOffers(
  { config, logger, metrics, now, onStop }: EdgeContext,
  { outbox, presence, reject }: OfferParts,
): Promise<Offers> {
  const dir = join(config.dataDir, 'offers');
  const ledger = createOfferLedger({ dir, now });
  logger.info(await ledger.open(), 'offers delivered and redeemed read back');
  onStop('offer ledger', () => ledger.close());
  const signer = createRedemptionSigner(config.storeId, await loadRedemptionKey(dir));
  const offerMetrics = createOfferMetrics(metrics.registry);
  const report = (event: Parameters<DurableOutbox['append']>[0]) => outbox.append(event);
  return {
    desk: createOfferDesk({
      storeId: config.storeId,
      ledger,
      signer,
      report,
      metrics: offerMetrics,
      logger,
      now,
    }),
    opened: createOfferOpenedFlow({
      storeId: config.storeId,
      verify: (presented, source) => presence.verify(presented, source),
      ledger,
      report,
      reject,
      metrics: offerMetrics,
      logger,
    }),
  };
}
