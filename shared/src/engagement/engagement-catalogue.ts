import { z } from 'zod';
import { campaignSchema } from './campaign.ts';
import { offerSchema } from './offer.ts';
import { screenContentItemSchema } from './screen-content.ts';
import { segmentSchema } from './segment.ts';

/**
 * Everything an edge decides with, as it receives it with the store snapshot. References
 * between them (a campaign's segment or offer) are not checked here: an edge that misses
 * one explains the campaign as not deliverable rather than refusing the whole catalogue.
 */
export const engagementCatalogueSchema = z.object({
  campaigns: z.array(campaignSchema),
  segments: z.array(segmentSchema),
  offers: z.array(offerSchema),
  content: z.array(screenContentItemSchema).default([]),
});
export type EngagementCatalogue = z.infer<typeof engagementCatalogueSchema>;
export type EngagementCatalogueInput = z.input<typeof engagementCatalogueSchema>;
