import { z } from 'zod';
import { deliveryIdSchema } from '../engagement/offer-redemption.ts';
import {
  campaignIdSchema,
  customerIdSchema,
  offerIdSchema,
  storeIdSchema,
  zoneIdSchema,
} from '../ids/ids.ts';

/**
 * Edge → the store's associates (socket.io `suggestion`): a campaign chose this customer
 * and suggests what to do for them. Names the customer, never their profile: the arrival
 * alert already carried it to the associates who may see it.
 */
export const campaignSuggestionSchema = z.object({
  suggestionId: z.string().min(1).max(64),
  storeId: storeIdSchema,
  customerId: customerIdSchema,
  campaignId: campaignIdSchema,
  zoneId: zoneIdSchema.nullable(),
  suggestion: z.string().min(1).max(500),
  at: z.iso.datetime({ offset: true }),
  /** The offer the same campaign sent to the customer's phone, which an associate may mark redeemed. */
  offer: z
    .object({
      deliveryId: deliveryIdSchema,
      offerId: offerIdSchema,
      title: z.string().min(1).max(120),
      validUntil: z.iso.datetime({ offset: true }),
    })
    .optional(),
});
export type CampaignSuggestion = z.infer<typeof campaignSuggestionSchema>;
