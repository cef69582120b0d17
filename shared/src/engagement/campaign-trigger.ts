import { z } from 'zod';
import { contentIdSchema, eventIdSchema } from '../ids/ids.ts';

/**
 * What starts a campaign's evaluation for a customer. Zone triggers come from presence;
 * a content scan is the customer's app scanning a product or screen QR; `nth-visit` is
 * considered when the customer arrives (store enter or check-in).
 */
export const campaignTriggerSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('store-enter') }),
  z.strictObject({ kind: z.literal('zone-enter') }),
  z.strictObject({
    kind: z.literal('zone-dwell'),
    /** Fires on the first dwell report of at least this long in a target zone. */
    minDwellS: z.number().int().min(1).max(3600),
  }),
  z.strictObject({
    kind: z.literal('content-scan'),
    contentIds: z.array(contentIdSchema).min(1).max(100),
  }),
  z.strictObject({ kind: z.literal('check-in') }),
  z.strictObject({ kind: z.literal('event-attendance'), eventId: eventIdSchema }),
  z.strictObject({
    kind: z.literal('nth-visit'),
    n: z.number().int().min(1).max(10_000),
    scope: z.enum(['organisation', 'this-store']).default('this-store'),
  }),
]);
export type CampaignTrigger = z.infer<typeof campaignTriggerSchema>;
export type TriggerKind = CampaignTrigger['kind'];

export const TRIGGER_KINDS = [
  'store-enter',
  'zone-enter',
  'zone-dwell',
  'content-scan',
  'check-in',
  'event-attendance',
  'nth-visit',
] as const satisfies readonly TriggerKind[];

/** Triggers that happen in a zone: only they can target zones or leave a screen's zone implicit. */
export function isZoneTrigger(kind: TriggerKind): boolean {
  return kind === 'zone-enter' || kind === 'zone-dwell';
}
