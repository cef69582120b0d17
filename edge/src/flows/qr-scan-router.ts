import { type Decoded, EVENT_TICKET, isCodeOf, isLoyaltyQr } from '@vitrine/shared';
import type { ContentScanFlow } from './content-scan-flow.ts';
import type { LoyaltyScanFlow } from './loyalty-scan-flow.ts';
import type { TicketFlow } from './ticket-flow.ts';

type QrScanMessage = Extract<Decoded, { name: 'qrScan' }>;

export interface QrScanRouterOptions {
  loyalty: Pick<LoyaltyScanFlow, 'handleKioskScan'>;
  tickets: Pick<TicketFlow, 'handleKioskScan'>;
  content: Pick<ContentScanFlow, 'handle'>;
}

/**
 * Every QR scan published in the store goes to the flow its prefix names: a loyalty card
 * checks in, a ticket admits, and anything else is the content flow's (a product or screen
 * code, or text that is none of ours and is answered as such).
 */
export function createQrScanRouter({ loyalty, tickets, content }: QrScanRouterOptions) {
  return {
    async handle(message: QrScanMessage): Promise<void> {
      const { code } = message.payload.data;
      if (isLoyaltyQr(code)) await loyalty.handleKioskScan(message);
      else if (isCodeOf(EVENT_TICKET, code)) await tickets.handleKioskScan(message);
      else await content.handle(message);
    },
  };
}
