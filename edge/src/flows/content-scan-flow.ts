import {
  buildTopic,
  CONTENT_CODE,
  type ContentCodeRejection,
  type Decoded,
  type ErrorCode,
  type IngestEvent,
  isCodeOf,
  type PassAndProof,
  type PhoneOffer,
  type ProductCard,
  type ScanAnswer,
} from '@vitrine/shared';
import { createSeenIds, type SeenIds } from '../domain/seen-ids.ts';
import type { CodeVerifier } from '../identity/code-verifier.ts';
import type { PresenceVerdict, VerifiedIdentity } from '../identity/domain/verify-presence.ts';
import type { PresenceSource } from '../identity/presence-verifier.ts';
import type { RejectMessage } from '../intake/rejection-reporter.ts';
import type { EdgeMetrics } from '../observability/edge-metrics.ts';
import type { Logger } from '../observability/logger.ts';
import { personalLine } from '../scans/domain/personal-line.ts';
import { contentScanEvent } from '../scans/domain/scan-reports.ts';
import type { AnswerScan } from '../scans/scan-answer-publisher.ts';
import type { ScanMetrics } from '../scans/scan-metrics.ts';
import type { ReadProfile } from './profile-reader.ts';

type QrScanMessage = Extract<Decoded, { name: 'qrScan' }>;

/** Who scanned, as the offer port sees them: the pass's claims and, if held, the profile. */
export interface ScanningCustomer {
  identity: VerifiedIdentity;
  profile: Awaited<ReturnType<ReadProfile>>;
}

/**
 * The offer slot of a product answer. Campaigns fill it (the engagement issue); until
 * then no offer is made, rather than an invented one.
 */
export type SelectOffer = (
  customer: ScanningCustomer,
  product: ProductCard,
) => Promise<PhoneOffer | null>;

export const noOffer: SelectOffer = async () => null;

export type ContentScanOutcome =
  | { ok: true; answer: ScanAnswer }
  | { ok: false; reason: ErrorCode; detail: string };

export interface ContentScanFlowOptions {
  storeId: string;
  /** The pass and proof, judged exactly as a check-in's (same counters, same replay cache). */
  verify: (presented: PassAndProof, source: PresenceSource) => Promise<PresenceVerdict>;
  codes: Pick<CodeVerifier, 'verify'>;
  readProfile: ReadProfile;
  selectOffer?: SelectOffer;
  answer: AnswerScan;
  /** Sends the scan to the cloud through the durable outbox. */
  report?: (event: IngestEvent) => Promise<void>;
  reject: RejectMessage;
  scanMetrics: ScanMetrics;
  metrics: Pick<EdgeMetrics, 'duplicatesDropped'>;
  logger: Logger;
  seenIds?: SeenIds;
}

const REFUSAL_MESSAGES: Partial<Record<ErrorCode, string>> = {
  unknown_code: 'This code is not one of ours.',
  wrong_store: 'This code belongs to another store.',
  wrong_organisation: 'This code is from another house.',
  unknown_key: 'This code cannot be checked here.',
  validation_failed: 'Open the app to scan: it shows who you are.',
};

/** What the phone is told: the reason in words, never more than the code and the reason. */
function refusalMessage(reason: ErrorCode): string {
  return REFUSAL_MESSAGES[reason] ?? 'This code could not be verified.';
}

/**
 * A customer's app scans a product or screen code in store: the pass and proof say who
 * and that they are here, the code's signature says it is ours, and the phone gets the
 * product card (and a line of its own history) offline, or the reason it got nothing.
 */
export function createContentScanFlow(options: ContentScanFlowOptions) {
  const { storeId, codes, scanMetrics, logger, seenIds = createSeenIds() } = options;
  const { selectOffer = noOffer, report = async () => {} } = options;

  async function refuse(
    message: QrScanMessage,
    reason: ErrorCode,
    detail: string,
  ): Promise<ContentScanOutcome> {
    const { clientId } = message.payload.data;
    options.answer(clientId, {
      outcome: 'refused',
      scanId: message.payload.id,
      reason,
      message: refusalMessage(reason),
    });
    return { ok: false, reason, detail };
  }

  async function refuseCode(message: QrScanMessage, reason: ContentCodeRejection, detail: string) {
    scanMetrics.refused.inc({ format: 'content', reason });
    logger.warn(
      { reason, detail, clientId: message.payload.data.clientId },
      'content code refused',
    );
    return refuse(message, reason, detail);
  }

  async function answerProduct(
    message: QrScanMessage,
    identity: VerifiedIdentity,
    product: ProductCard,
  ): Promise<ScanAnswer> {
    const profile = await options.readProfile(identity.customerId);
    const consent = profile?.consent ?? identity.consent;
    // An offer only to a customer who agreed to receive them.
    const offer = consent.marketing
      ? await selectOffer({ identity, profile }, product).catch((error: unknown) => {
          logger.error({ err: error, sku: product.sku }, 'offer selection failed');
          return null;
        })
      : null;
    return {
      outcome: 'product',
      scanId: message.payload.id,
      product,
      personal: profile ? personalLine(profile, product) : null,
      offer,
    };
  }

  return {
    /** A scan that is neither a loyalty card nor a ticket: a content code, or unknown text. */
    async handle(message: QrScanMessage): Promise<ContentScanOutcome> {
      const { payload, params } = message;
      const { clientId, code, pass, proof } = payload.data;
      if (clientId !== params.clientId) {
        const detail = `data.clientId ${clientId} ≠ topic client ${params.clientId}`;
        options.reject('invalid_message', buildTopic('qrScan', params), detail);
        return { ok: false, reason: 'invalid_message', detail };
      }
      if (!seenIds.firstTime(payload.id)) {
        options.metrics.duplicatesDropped.inc({ kind: 'qrScan' });
        return { ok: false, reason: 'conflict', detail: `${payload.id} already handled` };
      }
      if (!isCodeOf(CONTENT_CODE, code)) {
        return refuseCode(message, 'unknown_code', 'not a Vitrine code');
      }
      if (pass === undefined || proof === undefined) {
        return refuse(message, 'validation_failed', 'a content scan carries a pass and a proof');
      }
      const verdict = await options.verify({ pass, proof }, 'content-scan');
      if (!verdict.ok) return refuse(message, verdict.reason, verdict.detail);
      const { identity } = verdict;
      const verified = codes.verify(CONTENT_CODE, code);
      if (!verified.ok) return refuseCode(message, verified.reason, verified.detail);
      const claims = verified.value.claims;
      if (claims.org !== identity.organisationId) {
        return refuseCode(message, 'wrong_organisation', `code of ${claims.org}`);
      }
      if (claims.kind === 'screen' && claims.store !== storeId) {
        return refuseCode(message, 'wrong_store', `screen code of ${claims.store}`);
      }
      const answer: ScanAnswer =
        claims.kind === 'product'
          ? await answerProduct(message, identity, claims.product)
          : { outcome: 'screen', scanId: payload.id, screenId: claims.screen, offer: null };
      options.answer(clientId, answer);
      scanMetrics.accepted.inc({ format: 'content', kind: claims.kind });
      await report(
        contentScanEvent({
          storeId,
          messageId: payload.id,
          occurredAt: payload.at,
          customerId: identity.customerId,
          clientId,
          kind: claims.kind,
          sku: claims.kind === 'product' ? claims.product.sku : null,
          screenId: claims.kind === 'screen' ? claims.screen : null,
        }),
      ).catch((error: unknown) =>
        logger.error({ err: error, messageId: payload.id }, 'could not report the scan'),
      );
      return { ok: true, answer };
    },
  };
}

export type ContentScanFlow = ReturnType<typeof createContentScanFlow>;
