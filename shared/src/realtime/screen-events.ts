import { z } from 'zod';
import {
  screenContentItemSchema,
  screenIdSchema,
  screenMessageSchema,
  storeContentFeedSchema,
} from '../engagement/screen-content.ts';
import { playlistSchema } from '../engagement/screen-playlist.ts';
import {
  campaignIdSchema,
  contentIdSchema,
  playlistIdSchema,
  storeIdSchema,
  zoneIdSchema,
} from '../ids/ids.ts';

/**
 * The screen player's contract with its store's edge. A screen opens `/screen/` with the
 * token the edge gave it for that screen; the same token authenticates the content route,
 * proof-of-play uploads and the socket, and nothing else: screens never see personal data.
 */
export const SCREEN_SOCKET_PATH = '/screen/socket.io';

export const screenAuthSchema = z.object({ token: z.string().min(1) });

/** Sent once after the socket connects: who the edge takes the screen for. */
export const screenHelloSchema = z.object({
  storeId: storeIdSchema,
  screenId: screenIdSchema,
  zoneId: zoneIdSchema,
});
export type ScreenHello = z.infer<typeof screenHelloSchema>;

/**
 * A zone's screen message with the item it names, which the edge looks up so that a
 * screen can play content no playlist of its own holds.
 */
export const screenInterruptSchema = z.object({
  message: screenMessageSchema,
  item: screenContentItemSchema,
});
export type ScreenInterrupt = z.infer<typeof screenInterruptSchema>;

export interface ServerToScreenEvents {
  hello: (hello: ScreenHello) => void;
  /** Content a campaign chose for the zone's audience: play it now, then resume. */
  interrupt: (interrupt: ScreenInterrupt) => void;
  /** The store's content changed: fetch it again. */
  content: (change: { version: string }) => void;
}

/**
 * `GET /screen/api/content`: what one screen plays, answered with an ETag so that a
 * player that holds this version gets a 304. `codes` holds the signed content code of each
 * product its product cards show with a QR, by SKU, when the edge has one.
 */
export const screenPlayerContentSchema = z.object({
  storeId: storeIdSchema,
  timeZone: z.string().min(1),
  version: z.string(),
  screen: storeContentFeedSchema.shape.screens.element,
  playlists: z.array(playlistSchema),
  items: z.array(screenContentItemSchema),
  codes: z.record(z.string(), z.string()),
});
export type ScreenPlayerContent = z.infer<typeof screenPlayerContentSchema>;

/** One item played to its end (or cut by an interrupt), as the player records it. */
export const screenPlaySchema = z.strictObject({
  /** Chosen by the player, unique per play: the idempotency key of its report. */
  playId: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{7,63}$/, 'must be a play id (8–64 of A–Z a–z 0–9 _ -)'),
  contentId: contentIdSchema,
  /** The playlist it was scheduled by; null for an interrupt. */
  playlistId: playlistIdSchema.nullable(),
  /** The campaign that interrupted with it; null for a scheduled play. */
  campaignId: campaignIdSchema.nullable(),
  startedAt: z.iso.datetime({ offset: true }),
  durationMs: z
    .number()
    .int()
    .nonnegative()
    .max(24 * 60 * 60_000),
});
export type ScreenPlay = z.infer<typeof screenPlaySchema>;

/** `POST /screen/api/plays`: the plays a player kept, sent when the edge answers again. */
export const screenPlaysBatchSchema = z.strictObject({
  plays: z.array(screenPlaySchema).min(1).max(500),
});
export type ScreenPlaysBatch = z.infer<typeof screenPlaysBatchSchema>;
