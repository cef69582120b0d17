import {
  createEnvelope,
  type Decoded,
  decodeLoyaltyQr,
  isLoyaltyQr,
  type TopicParams,
} from '@vitrine/shared';
import type { PresenceVerifier } from '../identity/presence-verifier.ts';
import type { Logger } from '../observability/logger.ts';
import type { CheckInFlow, CheckInOutcome } from './check-in-flow.ts';

type QrScanMessage = Extract<Decoded, { name: 'qrScan' }>;

export interface LoyaltyScanFlowOptions {
  storeId: string;
  checkIns: Pick<CheckInFlow, 'handle'>;
  verifier: Pick<PresenceVerifier, 'refuse'>;
  logger: Logger;
  now?: () => number;
}

export interface LoyaltyScanFlow {
  /** An associate's tablet scanned a customer's rotating loyalty QR (tickets go elsewhere). */
  scanByAssociate(code: string, associateId: string): Promise<CheckInOutcome>;
  /** A kiosk published what it scanned; a loyalty QR becomes a check-in. */
  handleKioskScan(message: QrScanMessage): Promise<void>;
}

/**
 * The rotating loyalty QR, wherever it is scanned, enters the same check-in flow as the
 * app's own check-in: same verification, same alert; only the method differs.
 */
export function createLoyaltyScanFlow({
  storeId,
  checkIns,
  verifier,
  logger,
  now = Date.now,
}: LoyaltyScanFlowOptions): LoyaltyScanFlow {
  async function checkIn(
    code: string,
    method: 'kiosk' | 'associate-scan',
    clientId: string,
    envelope: { id?: string; at: Date },
  ): Promise<CheckInOutcome> {
    const decoded = decodeLoyaltyQr(code);
    if (!decoded.ok) {
      verifier.refuse(
        'tampered',
        decoded.detail,
        method === 'kiosk' ? 'kiosk-scan' : 'associate-scan',
      );
      return { ok: false, reason: 'tampered', detail: decoded.detail };
    }
    const params: TopicParams<'checkIn'> = { store: storeId, clientId };
    const payload = createEnvelope(storeId, { ...decoded.value, method, clientId }, envelope);
    return checkIns.handle({ ok: true, name: 'checkIn', params, payload });
  }

  return {
    async scanByAssociate(code, associateId) {
      if (!isLoyaltyQr(code)) {
        return { ok: false, reason: 'validation_failed', detail: 'not a loyalty QR code' };
      }
      return checkIn(code, 'associate-scan', `tablet.${associateId}`, { at: new Date(now()) });
    },
    async handleKioskScan({ payload, params }) {
      const { code, clientId } = payload.data;
      if (!isLoyaltyQr(code)) {
        // Tickets and content codes (products, screens) have flows of their own.
        logger.debug({ clientId }, 'QR scan that is not a loyalty card');
        return;
      }
      if (clientId !== params.clientId) {
        logger.warn({ clientId, topicClient: params.clientId }, 'kiosk scan client id mismatch');
        return;
      }
      await checkIn(code, 'kiosk', clientId, { id: payload.id, at: new Date(payload.at) });
    },
  };
}
