import { z } from 'zod';
import { eventIdSchema } from '../ids/ids.ts';

/**
 * What segment rules read about a customer beyond the profile an edge syncs: visit
 * history, birthday month and event invitations. Kept apart from the profile because
 * it changes with every visit and because it is the least an audience needs: a birth
 * month, never a birth date.
 */
export const customerFactsSchema = z.object({
  visits: z.object({
    /** Visits to any store of the organisation, the current one included. */
    total: z.number().int().nonnegative(),
    /** Visits to the store that evaluates the rule, the current one included. */
    atThisStore: z.number().int().nonnegative(),
    /** When the previous visit (before the current one) began; null for a first visit. */
    previousAt: z.iso.datetime({ offset: true }).nullable(),
  }),
  birthMonth: z.number().int().min(1).max(12).nullable(),
  invitedEventIds: z.array(eventIdSchema).max(500),
});
export type CustomerFacts = z.infer<typeof customerFactsSchema>;

/** Facts of a customer the edge knows nothing more about: a first visit, no birthday. */
export const NO_CUSTOMER_FACTS: CustomerFacts = {
  visits: { total: 1, atThisStore: 1, previousAt: null },
  birthMonth: null,
  invitedEventIds: [],
};
