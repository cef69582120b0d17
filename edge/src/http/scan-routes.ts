import { EVENT_TICKET, isCodeOf, isRedemptionCode } from '@vitrine/shared';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import type { LoyaltyScanFlow } from '../flows/loyalty-scan-flow.ts';
import type { TicketFlow } from '../flows/ticket-flow.ts';
import type { OfferDesk } from '../offers/offer-desk.ts';
import type { TokenVerifier } from '../realtime/token-verifier.ts';
import { type AssociateVariables, requireAssociate } from './associate-auth.ts';
import { problem } from './problem.ts';

export interface ScanRoutesOptions {
  storeId: string;
  verifier: TokenVerifier;
  scans: Pick<LoyaltyScanFlow, 'scanByAssociate'>;
  /** Event tickets at the door; without it a ticket is refused as not a loyalty QR. */
  tickets?: Pick<TicketFlow, 'scanByAssociate'>;
  /** Offer redemption codes (`vto1.…`) shown by customers' phones at the till. */
  offers?: Pick<OfferDesk, 'redeem'>;
}

const scanRequestSchema = z.object({ code: z.string().min(1).max(4096) });

/** Status of a refused scan: the reason itself travels as the problem's code. */
function statusOf(reason: string): ContentfulStatusCode {
  if (reason === 'validation_failed') return 400;
  if (reason === 'unknown_customer') return 404;
  if (reason === 'rate_limited') return 429;
  if (reason === 'already_used') return 409;
  if (reason === 'redemption_limit_reached') return 409;
  return 422;
}

/**
 * `POST /api/scans`: an associate's tablet sends the QR it scanned. A loyalty QR checks
 * the customer in (the alert reaches every associate of the store); an event ticket admits
 * one person at the door; an offer's redemption code redeems it once; anything else is refused with its reason and never a profile.
 */
export function createScanRoutes({ storeId, verifier, scans, tickets, offers }: ScanRoutesOptions) {
  const api = new Hono<{ Variables: AssociateVariables }>();
  api.post('/scans', requireAssociate(verifier, storeId), async (c) => {
    const body = scanRequestSchema.safeParse(await c.req.json().catch(() => null));
    if (!body.success) {
      return problem(c, 400, 'validation_failed', 'body must be { code: <scanned text> }', [
        { path: 'code', message: 'required: the text of the scanned QR code' },
      ]);
    }
    const { code } = body.data;
    if (offers && isRedemptionCode(code)) {
      const reply = await offers.redeem(
        { code },
        { associateId: c.get('associateId'), name: c.get('associateName') },
        'associate-scan',
      );
      if (!reply.ok)
        return problem(c, statusOf(reply.error.code), reply.error.code, reply.error.message);
      return c.json({ redemption: reply.redemption }, 201);
    }
    if (tickets && isCodeOf(EVENT_TICKET, code)) {
      const admitted = await tickets.scanByAssociate(code, c.get('associateId'));
      if (!admitted.ok) {
        return problem(c, statusOf(admitted.reason), admitted.reason, admitted.detail);
      }
      return c.json({ admission: admitted.admission }, 201);
    }
    const outcome = await scans.scanByAssociate(code, c.get('associateId'));
    if (!outcome.ok) return problem(c, statusOf(outcome.reason), outcome.reason, outcome.detail);
    return c.json({ alert: outcome.alert }, 201);
  });
  return api;
}
