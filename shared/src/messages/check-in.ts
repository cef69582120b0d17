import { z } from 'zod';
import { clientIdSchema } from '../ids/ids.ts';

export const CHECK_IN_METHODS = ['app', 'kiosk', 'associate-scan'] as const;

/**
 * A signed loyalty pass and a fresh proof of presence, as compact JWS texts. Only their
 * size is checked here; the edge's verifier judges the rest, so that every refusal is
 * counted by its identity reason (see `IDENTITY_REJECTIONS`).
 */
export const passTextSchema = z.string().min(1).max(4096);
export const proofTextSchema = z.string().min(1).max(2048);

/**
 * A loyalty check-in: the customer's own act of announcing themselves in a store. It
 * names nobody in clear: the pass (signed by the organisation) says who, the proof
 * (signed by the app's key, bound to the store and the time step) says here and now.
 */
export const checkInSchema = z.object({
  pass: passTextSchema,
  proof: proofTextSchema,
  method: z.enum(CHECK_IN_METHODS),
  /** The app instance or kiosk that sent it; equals the last topic level. */
  clientId: clientIdSchema,
});
export type CheckIn = z.infer<typeof checkInSchema>;
