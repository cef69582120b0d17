import { z } from 'zod';
import { contentIdSchema, playlistIdSchema, storeIdSchema, zoneIdSchema } from '../ids/ids.ts';
import { layoutItemIdSchema } from '../layout/store-layout.ts';
import { localTimeSchema, minutesOfDay, weekdaySchema } from './campaign-schedule.ts';

/** A playlist plays on one screen, or on every screen of a zone. */
export const playlistTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('screen'), screenId: layoutItemIdSchema }),
  z.strictObject({ kind: z.literal('zone'), zoneId: zoneIdSchema }),
]);
export type PlaylistTarget = z.infer<typeof playlistTargetSchema>;

/**
 * A daypart: the days and the hours, in the store's local time, a playlist plays. It ends
 * on the day it starts; a night across midnight is two dayparts.
 */
export const daypartSchema = z
  .strictObject({
    days: z.array(weekdaySchema).min(1).max(7),
    start: localTimeSchema.refine((time) => time !== '24:00', 'a daypart cannot start at 24:00'),
    end: localTimeSchema,
  })
  .refine((part) => minutesOfDay(part.end) > minutesOfDay(part.start), {
    message: 'must be after the start (split a night across midnight in two dayparts)',
    path: ['end'],
  });
export type Daypart = z.infer<typeof daypartSchema>;

/** An item of a playlist and its share of voice: the percentage of airtime it gets. */
export const playlistEntrySchema = z.strictObject({
  contentId: contentIdSchema,
  shareOfVoice: z.number().int().min(1).max(100),
});
export type PlaylistEntry = z.infer<typeof playlistEntrySchema>;

const playlistFields = z.strictObject({
  name: z.string().trim().min(1).max(120),
  storeId: storeIdSchema,
  target: playlistTargetSchema,
  /** Where playlists overlap, the highest priority plays (a screen's own beats its zone's). */
  priority: z.number().int().min(0).max(100).default(50),
  entries: z.array(playlistEntrySchema).min(1).max(50),
  /** No dayparts: all day, every day. */
  dayparts: z.array(daypartSchema).max(21).default([]),
  /** Inclusive local dates in the store's time zone; null leaves that end open. */
  validFrom: z.iso.date().nullable().default(null),
  validUntil: z.iso.date().nullable().default(null),
});

/** `POST /v1/content/playlists` and `PUT …/{playlistId}`. */
export const playlistDraftSchema = playlistFields
  .refine((draft) => new Set(draft.entries.map((e) => e.contentId)).size === draft.entries.length, {
    message: 'lists an item twice',
    path: ['entries'],
  })
  .superRefine((draft, context) => {
    const total = draft.entries.reduce((sum, entry) => sum + entry.shareOfVoice, 0);
    if (total !== 100) {
      context.addIssue({
        code: 'custom',
        message: `shares of voice must add up to 100, not ${total}`,
        path: ['entries'],
      });
    }
  })
  .refine(
    (draft) =>
      draft.validFrom === null || draft.validUntil === null || draft.validUntil >= draft.validFrom,
    { message: 'must not be before validFrom', path: ['validUntil'] },
  );
export type PlaylistDraft = z.infer<typeof playlistDraftSchema>;
export type PlaylistDraftInput = z.input<typeof playlistDraftSchema>;

export const playlistSchema = playlistFields.extend({
  id: playlistIdSchema,
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Playlist = z.infer<typeof playlistSchema>;

/** One item on screen from `startsAt` to `endsAt`: ids only, never anyone's data. */
export const scheduleEntrySchema = z.strictObject({
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  contentId: contentIdSchema,
  playlistId: playlistSchema.shape.id,
});
export type ScheduleEntry = z.infer<typeof scheduleEntrySchema>;
