import { z } from 'zod';
import { campaignIdSchema, customerIdSchema, storeIdSchema, zoneIdSchema } from '../ids/ids.ts';

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
});
export type CampaignSuggestion = z.infer<typeof campaignSuggestionSchema>;
