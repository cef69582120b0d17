import { z } from 'zod';
import { clientIdSchema, customerIdSchema } from '../ids/ids.ts';

export const CHECK_IN_METHODS = ['app', 'kiosk', 'associate-scan'] as const;

/**
 * A loyalty check-in: the customer's own act of announcing themselves in a store.
 * In this protocol version it names the customer directly; signed passes and proofs of
 * presence replace the bare reference in the next version.
 */
export const checkInSchema = z.object({
  customerId: customerIdSchema,
  method: z.enum(CHECK_IN_METHODS),
  /** The app instance or kiosk that sent it; equals the last topic level. */
  clientId: clientIdSchema,
});
export type CheckIn = z.infer<typeof checkInSchema>;
