import { z } from 'zod';
import { campaignIdSchema, segmentIdSchema, storeIdSchema, zoneIdSchema } from '../ids/ids.ts';
import { type CampaignAction, campaignActionSchema } from './campaign-actions.ts';
import { campaignScheduleSchema } from './campaign-schedule.ts';
import { type CampaignTrigger, campaignTriggerSchema, isZoneTrigger } from './campaign-trigger.ts';
import { segmentRuleSchema } from './segment-rules.ts';

export const campaignAudienceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('everyone') }),
  z.strictObject({ kind: z.literal('segment'), segmentId: segmentIdSchema }),
  z.strictObject({ kind: z.literal('rule'), rule: segmentRuleSchema }),
]);
export type CampaignAudience = z.infer<typeof campaignAudienceSchema>;

export const campaignTargetsSchema = z.strictObject({
  stores: z.union([z.literal('all'), z.array(storeIdSchema).min(1).max(1000)]),
  /** Zones the trigger must happen in; only zone triggers can name them. */
  zones: z.union([z.literal('all'), z.array(zoneIdSchema).min(1).max(1000)]).default('all'),
});
export type CampaignTargets = z.infer<typeof campaignTargetsSchema>;

/**
 * `day`, `week` and `month` are rolling (24 h, 7 days, 30 days back from now), so that a
 * cap means the same in every time zone; `visit` resets when the customer leaves the
 * store; `campaign` counts over the campaign's whole life.
 */
export const CAP_PERIODS = ['visit', 'day', 'week', 'month', 'campaign'] as const;
export const capPeriodSchema = z.enum(CAP_PERIODS);
export type CapPeriod = z.infer<typeof capPeriodSchema>;

export const campaignCapsSchema = z.strictObject({
  /** How often one customer may receive this campaign. */
  perCustomer: z
    .strictObject({ max: z.number().int().min(1).max(1000), per: capPeriodSchema })
    .default({ max: 1, per: 'visit' }),
  /**
   * Not delivered once the customer has received this many campaigns (any campaign) in
   * the current visit; the store's own limit applies as well. Null: the store's limit.
   */
  perVisitAcrossCampaigns: z.number().int().min(1).max(100).nullable().default(null),
  /** Least time between two deliveries of this campaign to the same customer (≤ 30 days). */
  cooldownMinutes: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 30)
    .default(0),
});
export type CampaignCaps = z.infer<typeof campaignCapsSchema>;

export const CAMPAIGN_STATUSES = ['draft', 'active', 'paused', 'archived'] as const;

export const campaignStatusSchema = z.enum(CAMPAIGN_STATUSES);
export type CampaignStatus = z.infer<typeof campaignStatusSchema>;

/** The fields of a campaign a marketer writes, for every schema that carries one. */
export const campaignFields = {
  name: z.string().trim().min(1).max(120),
  trigger: campaignTriggerSchema,
  audience: campaignAudienceSchema,
  schedule: campaignScheduleSchema,
  targets: campaignTargetsSchema,
  caps: campaignCapsSchema.default({
    perCustomer: { max: 1, per: 'visit' },
    perVisitAcrossCampaigns: null,
    cooldownMinutes: 0,
  }),
  /** Higher first; ties go to the campaign id that sorts first, so every edge agrees. */
  priority: z.number().int().min(0).max(1000).default(100),
  /** Delivered alone: no other campaign is delivered for the same trigger. */
  exclusive: z.boolean().default(false),
  budget: z
    .strictObject({
      /** Deliveries across the organisation; null for no limit. */
      maxDeliveries: z.number().int().positive().nullable().default(null),
    })
    .default({ maxDeliveries: null }),
  actions: z.array(campaignActionSchema).min(1).max(10),
};

interface CampaignShape {
  trigger: CampaignTrigger;
  targets: CampaignTargets;
  actions: CampaignAction[];
}

/**
 * Checks that need the whole campaign name the field at fault: zones on a trigger that
 * has no zone, a screen action with no zone to play in, an action kind given twice.
 */
function checkCampaign(campaign: CampaignShape, ctx: z.RefinementCtx) {
  const zoned = isZoneTrigger(campaign.trigger.kind);
  if (!zoned && campaign.targets.zones !== 'all') {
    ctx.addIssue({
      code: 'custom',
      message: `a ${campaign.trigger.kind} trigger has no zone: zones must be "all"`,
      path: ['targets', 'zones'],
    });
  }
  const seen = new Set<string>();
  campaign.actions.forEach((action, index) => {
    if (action.kind === 'screen-content' && action.zoneId === null && !zoned) {
      ctx.addIssue({
        code: 'custom',
        message: `a ${campaign.trigger.kind} trigger has no zone: name the screens' zone`,
        path: ['actions', index, 'zoneId'],
      });
    }
    if (action.kind !== 'screen-content' && seen.has(action.kind)) {
      ctx.addIssue({
        code: 'custom',
        message: `${action.kind} is given twice`,
        path: ['actions', index, 'kind'],
      });
    }
    seen.add(action.kind);
  });
}

/** A campaign as the cloud stores it and edges receive it. */
export const campaignSchema = z
  .strictObject({
    id: campaignIdSchema,
    status: campaignStatusSchema,
    /** Grows with every edit: an edge that was offline keeps the highest it has seen. */
    version: z.number().int().min(1),
    ...campaignFields,
  })
  .superRefine(checkCampaign);

/** A campaign as a marketer writes it; the cloud gives it its id and version. */
export const campaignWriteSchema = z
  .strictObject({ status: campaignStatusSchema.default('draft'), ...campaignFields })
  .superRefine(checkCampaign);
export type CampaignWrite = z.infer<typeof campaignWriteSchema>;
export type CampaignWriteInput = z.input<typeof campaignWriteSchema>;
export type Campaign = z.infer<typeof campaignSchema>;
export type CampaignInput = z.input<typeof campaignSchema>;
