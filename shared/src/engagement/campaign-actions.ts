import { z } from 'zod';
import { contentIdSchema, eventIdSchema, offerIdSchema, zoneIdSchema } from '../ids/ids.ts';
import { screenContentRefSchema } from './screen-content.ts';

/** What a campaign does when it is chosen for a customer. */
export const campaignActionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('associate-alert'),
    /** A line for the associate: what to offer, what to mention. */
    suggestion: z.string().trim().min(1).max(300),
  }),
  z.strictObject({
    kind: z.literal('screen-content'),
    contentId: contentIdSchema,
    holdS: screenContentRefSchema.shape.holdS,
    /** The zone whose screens play it; null plays it in the zone of the trigger. */
    zoneId: zoneIdSchema.nullable().default(null),
  }),
  z.strictObject({ kind: z.literal('phone-offer'), offerId: offerIdSchema }),
  z.strictObject({ kind: z.literal('event-invitation'), eventId: eventIdSchema }),
]);
export type CampaignAction = z.infer<typeof campaignActionSchema>;
export type CampaignActionKind = CampaignAction['kind'];
