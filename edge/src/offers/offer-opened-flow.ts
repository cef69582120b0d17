import { buildTopic, type Decoded, type ErrorCode, type PassAndProof } from '@vitrine/shared';
import { createSeenIds, type SeenIds } from '../domain/seen-ids.ts';
import type { PresenceVerdict } from '../identity/domain/verify-presence.ts';
import type { PresenceSource } from '../identity/presence-verifier.ts';
import { MessageNotKeptError } from '../intake/message-intake.ts';
import type { RejectMessage } from '../intake/rejection-reporter.ts';
import type { Logger } from '../observability/logger.ts';
import { offerOpenedEvent } from './domain/offer-reports.ts';
import type { OfferLedger } from './offer-ledger.ts';
import type { OfferMetrics } from './offer-metrics.ts';

type OfferOpenedMessage = Extract<Decoded, { name: 'offerOpened' }>;

export interface OfferOpenedFlowOptions {
  storeId: string;
  /** The pass and proof, judged exactly as a check-in's (same counters, same replay cache). */
  verify: (presented: PassAndProof, source: PresenceSource) => Promise<PresenceVerdict>;
  ledger: Pick<OfferLedger, 'issued'>;
  /** Appends to the durable outbox; resolves once on disk. */
  report: (event: ReturnType<typeof offerOpenedEvent>) => Promise<void>;
  reject: RejectMessage;
  metrics: OfferMetrics;
  logger: Logger;
  seenIds?: SeenIds;
}

export type OfferOpenedOutcome = { ok: true } | { ok: false; reason: ErrorCode; detail: string };

/**
 * The customer's app says an offer was opened: only the app of the customer it was
 * delivered to may say so (its pass and a fresh proof), and it is reported once per
 * delivery. Anything else is dropped, counted and logged.
 */
export function createOfferOpenedFlow(options: OfferOpenedFlowOptions) {
  const { storeId, ledger, metrics, logger, seenIds = createSeenIds() } = options;

  function refuse(message: OfferOpenedMessage, reason: ErrorCode, detail: string) {
    metrics.opened.inc({ outcome: reason });
    options.reject(reason, buildTopic('offerOpened', message.params), detail);
    return { ok: false as const, reason, detail };
  }

  return {
    async handle(message: OfferOpenedMessage): Promise<OfferOpenedOutcome> {
      const { payload, params } = message;
      const { clientId, deliveryId, offerId, pass, proof, openedAt } = payload.data;
      if (clientId !== params.clientId) {
        return refuse(message, 'invalid_message', `data.clientId ${clientId} ≠ topic client`);
      }
      if (!seenIds.firstTime(payload.id)) {
        metrics.opened.inc({ outcome: 'duplicate' });
        return { ok: false, reason: 'conflict', detail: `${payload.id} already handled` };
      }
      const verdict = await options.verify({ pass, proof }, 'offer-opened');
      if (!verdict.ok) return refuse(message, verdict.reason, verdict.detail);
      const offer = ledger.issued(deliveryId);
      if (offer === undefined) {
        return refuse(message, 'unknown_code', `no offer delivered here as ${deliveryId}`);
      }
      if (offer.customerId !== verdict.identity.customerId) {
        return refuse(message, 'forbidden', `delivery ${deliveryId} is another customer's`);
      }
      if (offer.offerId !== offerId) {
        return refuse(message, 'invalid_message', `delivery ${deliveryId} is not of ${offerId}`);
      }
      try {
        await options.report(
          offerOpenedEvent(storeId, offer, { messageId: payload.id, clientId, openedAt }),
        );
      } catch (error) {
        logger.error({ err: error, deliveryId }, 'could not keep an offer opened');
        throw new MessageNotKeptError('offer opened not kept', { cause: error });
      }
      metrics.opened.inc({ outcome: 'reported' });
      return { ok: true };
    },
  };
}

export type OfferOpenedFlow = ReturnType<typeof createOfferOpenedFlow>;
