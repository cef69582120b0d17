import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import type { LoyaltyScanFlow } from '../flows/loyalty-scan-flow.ts';
import type { TokenVerifier } from '../realtime/token-verifier.ts';
import { type AssociateVariables, requireAssociate } from './associate-auth.ts';
import { problem } from './problem.ts';

export interface ScanRoutesOptions {
  storeId: string;
  verifier: TokenVerifier;
  scans: Pick<LoyaltyScanFlow, 'scanByAssociate'>;
}

const scanRequestSchema = z.object({ code: z.string().min(1).max(4096) });

/** Status of a refused scan: the reason itself travels as the problem's code. */
function statusOf(reason: string): ContentfulStatusCode {
  if (reason === 'validation_failed') return 400;
  if (reason === 'unknown_customer') return 404;
  if (reason === 'rate_limited') return 429;
  return 422;
}

/**
 * `POST /api/scans`: an associate's tablet sends the loyalty QR it scanned; a valid one
 * checks the customer in (the alert reaches every associate of the store), anything else
 * is refused with its reason and never with a profile.
 */
export function createScanRoutes({ storeId, verifier, scans }: ScanRoutesOptions) {
  const api = new Hono<{ Variables: AssociateVariables }>();
  api.post('/scans', requireAssociate(verifier, storeId), async (c) => {
    const body = scanRequestSchema.safeParse(await c.req.json().catch(() => null));
    if (!body.success) {
      return problem(c, 400, 'validation_failed', 'body must be { code: <scanned text> }', [
        { path: 'code', message: 'required: the text of the scanned QR code' },
      ]);
    }
    const outcome = await scans.scanByAssociate(body.data.code, c.get('associateId'));
    if (!outcome.ok) return problem(c, statusOf(outcome.reason), outcome.reason, outcome.detail);
    return c.json({ alert: outcome.alert }, 201);
  });
  return api;
}
