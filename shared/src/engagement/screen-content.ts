import { z } from 'zod';
import {
  campaignIdSchema,
  contentIdSchema,
  segmentIdSchema,
  storeIdSchema,
  zoneIdSchema,
} from '../ids/ids.ts';
import { layoutItemIdSchema, layoutScreenSchema } from '../layout/store-layout.ts';
import { productRefSchema } from './offer.ts';
import { playlistSchema, scheduleEntrySchema } from './screen-playlist.ts';

/** How long one item stays on screen, in seconds. */
const durationS = z.number().int().min(1).max(600);
const mediaUrl = z.url({ protocol: /^https?$/ });

const itemFields = {
  name: z.string().trim().min(1).max(120),
  durationS: durationS.default(10),
};

/** The kinds of item, each with the fields `common` adds (its id, or nothing in a draft). */
function itemKinds<Common extends z.ZodRawShape>(common: Common) {
  const fields = { ...common, ...itemFields };
  return [
    z.strictObject({ ...fields, kind: z.literal('image'), url: mediaUrl }),
    z.strictObject({
      ...fields,
      kind: z.literal('video'),
      url: mediaUrl,
      // A player cannot know how long to hold a video it has not loaded yet.
      durationS: z.number('a video needs its duration in seconds').pipe(durationS),
    }),
    z.strictObject({
      ...fields,
      kind: z.literal('html-card'),
      title: z.string().max(120),
      html: z.string().max(20_000),
    }),
    z.strictObject({
      ...fields,
      kind: z.literal('product-card'),
      product: productRefSchema,
      /** Show the item's signed content QR, which the loyalty app scans in store. */
      showQr: z.boolean().default(true),
    }),
  ] as const;
}

/** `POST /v1/content/items`: an item as a marketer writes it; the cloud gives its id. */
export const screenContentDraftSchema = z.discriminatedUnion('kind', itemKinds({}));
export type ScreenContentDraft = z.infer<typeof screenContentDraftSchema>;

/** A piece of screen content, as playlists and campaigns refer to it by id. */
export const screenContentItemSchema = z.discriminatedUnion(
  'kind',
  itemKinds({ id: contentIdSchema }),
);
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

/** A screen's id: the layout-local id its store's layout file gives it. */
export const screenIdSchema = layoutItemIdSchema;

const screenFields = {
  zoneId: zoneIdSchema,
  name: z.string().trim().min(1).max(120),
  orientation: layoutScreenSchema.shape.orientation,
  resolution: layoutScreenSchema.shape.resolution,
};

/** `POST /v1/stores/{storeId}/screens`: a screen installed in one of the store's zones. */
export const screenRegistrationSchema = z.strictObject({
  id: screenIdSchema,
  ...screenFields,
  name: screenFields.name.optional(),
});
export type ScreenRegistration = z.infer<typeof screenRegistrationSchema>;

/** `PATCH /v1/stores/{storeId}/screens/{screenId}`: moved, renamed or turned. */
export const screenUpdateSchema = z
  .strictObject(screenFields)
  .partial()
  .refine((update) => Object.keys(update).length > 0, 'names at least one field to change');
export type ScreenUpdate = z.infer<typeof screenUpdateSchema>;

/** `POST …/screens/{screenId}/heartbeat`: the edge saw the screen's player alive. */
export const screenHeartbeatSchema = z.strictObject({
  playerVersion: z.string().trim().min(1).max(64).optional(),
});
export type ScreenHeartbeat = z.infer<typeof screenHeartbeatSchema>;

/** A registered screen, with the health its store's edge reports. */
export const registeredScreenSchema = z.object({
  id: screenIdSchema,
  storeId: storeIdSchema,
  ...screenFields,
  status: z.enum(['active', 'retired']),
  registeredAt: z.iso.datetime({ offset: true }),
  retiredAt: z.iso.datetime({ offset: true }).nullable(),
  /** The last time the edge saw the player alive; null until it first reports. */
  lastSeenAt: z.iso.datetime({ offset: true }).nullable(),
  playerVersion: z.string().nullable(),
});
export type RegisteredScreen = z.infer<typeof registeredScreenSchema>;

/** What registering a layout's screens did, screen by screen. */
export const layoutScreensOutcomeSchema = z.object({
  registered: z.array(screenIdSchema),
  updated: z.array(screenIdSchema),
  unchanged: z.array(screenIdSchema),
  /** Registered screens the layout no longer declares: left as they are, for a person to retire. */
  notInLayout: z.array(screenIdSchema),
});
export type LayoutScreensOutcome = z.infer<typeof layoutScreensOutcomeSchema>;

/** `GET /v1/stores/{storeId}/screens/{screenId}/schedule`: the play order of a period. */
export const screenScheduleSchema = z.object({
  storeId: storeIdSchema,
  screenId: screenIdSchema,
  timeZone: z.string(),
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  entries: z.array(scheduleEntrySchema),
  /** The items the entries play, once each. */
  items: z.array(screenContentItemSchema),
});
export type ScreenSchedule = z.infer<typeof screenScheduleSchema>;

/**
 * `GET /v1/stores/{storeId}/sync/content`: everything the store's screens play, for its
 * edge. `version` changes whenever any of it does, so an edge refetches only then.
 */
export const storeContentFeedSchema = z.object({
  storeId: storeIdSchema,
  timeZone: z.string(),
  version: z.string(),
  /** The active screens, without their health: it changes, the content does not. */
  screens: z.array(
    registeredScreenSchema.pick({
      id: true,
      zoneId: true,
      name: true,
      orientation: true,
      resolution: true,
    }),
  ),
  playlists: z.array(playlistSchema),
  items: z.array(screenContentItemSchema),
});
export type StoreContentFeed = z.infer<typeof storeContentFeedSchema>;

// Playlists and their resolver are screen content too: one import for every client.
export * from './screen-playlist.ts';
export * from './screen-schedule.ts';
