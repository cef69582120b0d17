import { z } from 'zod';
import {
  campaignIdSchema,
  contentIdSchema,
  segmentIdSchema,
  storeIdSchema,
  zoneIdSchema,
} from '../ids/ids.ts';
import { productRefSchema } from './offer.ts';

/** How long one item stays on screen, in seconds. */
const durationS = z.number().int().min(1).max(600);
const mediaUrl = z.url({ protocol: /^https?$/ });

const itemCommon = {
  id: contentIdSchema,
  name: z.string().trim().min(1).max(120),
  durationS: durationS.default(10),
};

/** A piece of screen content, as playlists and campaigns refer to it by id. */
export const screenContentItemSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...itemCommon, kind: z.literal('image'), url: mediaUrl }),
  z.strictObject({ ...itemCommon, kind: z.literal('video'), url: mediaUrl }),
  z.strictObject({
    ...itemCommon,
    kind: z.literal('html-card'),
    title: z.string().max(120),
    html: z.string().max(20_000),
  }),
  z.strictObject({
    ...itemCommon,
    kind: z.literal('product-card'),
    product: productRefSchema,
    /** Show the item's signed content QR, which the loyalty app scans in store. */
    showQr: z.boolean().default(true),
  }),
]);
export type ScreenContentItem = z.infer<typeof screenContentItemSchema>;

/** A reference to an item, with how long a campaign holds it on screen. */
export const screenContentRefSchema = z.strictObject({
  contentId: contentIdSchema,
  holdS: durationS.default(30),
});
export type ScreenContentRef = z.infer<typeof screenContentRefSchema>;

/**
 * Edge → the screens of a zone: play this item now. It is chosen for a segment, never for
 * a person, and the schema is strict so that no personal field (name, email, phone,
 * customer reference) can ride along: screens are seen by everyone in the zone.
 */
export const screenMessageSchema = z.strictObject({
  storeId: storeIdSchema,
  zoneId: zoneIdSchema,
  contentId: contentIdSchema,
  campaignId: campaignIdSchema,
  /** The audience the content was chosen for, when it is a named segment. */
  segmentId: segmentIdSchema.nullable(),
  holdS: durationS,
  issuedAt: z.iso.datetime({ offset: true }),
});
export type ScreenMessage = z.infer<typeof screenMessageSchema>;
