import { z } from 'zod';
import { pageSchema } from '../api/cloud-api.ts';
import {
  campaignIdSchema,
  contentIdSchema,
  customerIdSchema,
  eventIdSchema,
  offerIdSchema,
  segmentIdSchema,
  storeIdSchema,
  zoneIdSchema,
} from '../ids/ids.ts';
import { campaignFields, campaignStatusSchema } from './campaign.ts';
import { TRIGGER_KINDS } from './campaign-trigger.ts';
import { customerFactsSchema } from './customer-facts.ts';
import { DECISION_REASONS } from './decision/engagement-types.ts';
import { engagementCatalogueSchema } from './engagement-catalogue.ts';
import { offerFields } from './offer.ts';
import { segmentRuleSchema } from './segment-rules.ts';

/**
 * Bodies of the marketer's engagement API (`/v1/segments`, `/v1/offers`, `/v1/campaigns`,
 * `/v1/simulation`) and of the edge's engagement feed. Lists are pages of `pageSchema`:
 * ordered by name then id, `nextCursor` passed back as `cursor`.
 */
const instant = z.iso.datetime({ offset: true });
const stored = {
  version: z.number().int().min(1),
  createdAt: instant,
  updatedAt: instant,
};

export const segmentWriteSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  description: z.string().max(1000).default(''),
  rule: segmentRuleSchema,
});
export type SegmentWrite = z.infer<typeof segmentWriteSchema>;

export const storedSegmentSchema = z.object({
  id: segmentIdSchema,
  ...segmentWriteSchema.shape,
  ...stored,
  archivedAt: instant.nullable(),
});
export type StoredSegment = z.infer<typeof storedSegmentSchema>;
export const segmentPageSchema = pageSchema(storedSegmentSchema);

/**
 * An audience measured now (or `at`), as the store's edge would read it there (`storeId`:
 * `this-store`, visits at this store, the birthday month in its time zone).
 */
export const audiencePreviewRequestSchema = z.strictObject({
  rule: segmentRuleSchema,
  storeId: storeIdSchema.optional(),
  at: instant.optional(),
});
export type AudiencePreviewRequest = z.infer<typeof audiencePreviewRequestSchema>;

export const audiencePreviewSchema = z.object({
  /** Customers the rule matches. */
  size: z.number().int().nonnegative(),
  /** Of those, the ones an edge may choose by their profile: consent to profiling. */
  reachable: z.number().int().nonnegative(),
  /** Of those, the ones who may receive offers and invitations: consent to marketing too. */
  marketable: z.number().int().nonnegative(),
  at: instant,
  storeId: storeIdSchema.nullable(),
});
export type AudiencePreview = z.infer<typeof audiencePreviewSchema>;

export const storedOfferSchema = z.object({
  id: offerIdSchema,
  ...offerFields,
  ...stored,
  archivedAt: instant.nullable(),
});
export type StoredOffer = z.infer<typeof storedOfferSchema>;
export const offerPageSchema = pageSchema(storedOfferSchema);

export const storedCampaignSchema = z.object({
  id: campaignIdSchema,
  status: campaignStatusSchema,
  ...campaignFields,
  ...stored,
});
export type StoredCampaign = z.infer<typeof storedCampaignSchema>;
export const campaignPageSchema = pageSchema(storedCampaignSchema);

/** What happens in the simulated store: the customer's act, or what presence senses. */
export const simulatedEventSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('store-enter') }),
  z.strictObject({ kind: z.literal('zone-enter'), zoneId: zoneIdSchema }),
  z.strictObject({
    kind: z.literal('zone-dwell'),
    zoneId: zoneIdSchema,
    dwellS: z.number().int().min(1).max(86_400),
  }),
  z.strictObject({
    kind: z.literal('content-scan'),
    contentId: contentIdSchema,
    zoneId: zoneIdSchema.nullable().default(null),
  }),
  z.strictObject({ kind: z.literal('check-in'), zoneId: zoneIdSchema.nullable().default(null) }),
  z.strictObject({ kind: z.literal('event-attendance'), eventId: eventIdSchema }),
]);
export type SimulatedEvent = z.infer<typeof simulatedEventSchema>;

export const simulationRequestSchema = z.strictObject({
  customerId: customerIdSchema,
  storeId: storeIdSchema,
  at: instant,
  event: simulatedEventSchema,
});
export type SimulationRequest = z.infer<typeof simulationRequestSchema>;

export const campaignVerdictSchema = z.object({
  campaignId: campaignIdSchema,
  name: z.string(),
  priority: z.number().int(),
  reason: z.enum(DECISION_REASONS),
  detail: z.string().optional(),
});

export const simulationResultSchema = z.object({
  customerId: customerIdSchema,
  storeId: storeIdSchema,
  at: instant,
  /** The store's wall clock at `at`, `YYYY-MM-DDTHH:MM`, as schedules read it. */
  localTime: z.string(),
  facts: customerFactsSchema,
  /** The campaigns chosen, highest priority first, with the kinds of what they deliver. */
  chosen: z.array(z.object({ campaignId: campaignIdSchema, deliveries: z.array(z.string()) })),
  /** Every campaign of the store, chosen or not, and why. */
  verdicts: z.array(campaignVerdictSchema),
});
export type SimulationResult = z.infer<typeof simulationResultSchema>;

/** The store's engagement catalogue; `version` changes whenever anything in it does. */
export const engagementFeedSchema = z.object({
  storeId: storeIdSchema,
  version: z.string(),
  catalogue: engagementCatalogueSchema,
});
export type EngagementFeed = z.infer<typeof engagementFeedSchema>;

/**
 * `GET /v1/stores/{storeId}/sync/budgets`: deliveries of each budgeted campaign that
 * targets the store, counted across the organisation from what every edge reported, so
 * that one store does not spend a budget another has spent already.
 */
export const budgetCountsSchema = z.object({
  storeId: storeIdSchema,
  /** When the cloud counted. */
  at: z.iso.datetime({ offset: true }),
  spent: z.record(campaignIdSchema, z.number().int().nonnegative()),
  /** Redemptions so far of each offer with a limit across the organisation. */
  redeemed: z.record(offerIdSchema, z.number().int().nonnegative()).default({}),
});
export type BudgetCounts = z.infer<typeof budgetCountsSchema>;

export const campaignListFilterSchema = z.object({
  status: campaignStatusSchema.optional(),
  storeId: storeIdSchema.optional(),
  triggerKind: z.enum(TRIGGER_KINDS).optional(),
  segmentId: segmentIdSchema.optional(),
  offerId: offerIdSchema.optional(),
});
