import type { Daypart, PlaylistEntry, ScreenContentDraft } from '@vitrine/shared';
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { organisations, stores, zones } from './schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * The screens installed in a store, each in one zone, under the id its layout file gives
 * it. A retired screen is kept (its proof of play still names it) but gets no content
 * and no content code.
 */
export const screens = pgTable(
  'screens',
  {
    storeId: text('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    id: text('id').notNull(),
    organisationId: text('organisation_id').notNull(),
    zoneId: text('zone_id')
      .notNull()
      .references(() => zones.id),
    name: text('name').notNull(),
    orientation: text('orientation', { enum: ['landscape', 'portrait'] }).notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    registeredAt: at('registered_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    retiredAt: at('retired_at'),
    /** Health the store's edge reports: when the player was last seen alive. */
    lastSeenAt: at('last_seen_at'),
    playerVersion: text('player_version'),
  },
  (table) => [
    primaryKey({ columns: [table.storeId, table.id] }),
    index('screens_zone_idx').on(table.zoneId),
    check('screens_resolution_positive', sql`${table.width} > 0 and ${table.height} > 0`),
  ],
);

/** The organisation's screen content: images, videos, HTML and product cards. */
export const contentItems = pgTable(
  'content_items',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind', { enum: ['image', 'video', 'html-card', 'product-card'] }).notNull(),
    name: text('name').notNull(),
    /** The item as written (kind, name, duration and the kind's own fields). */
    body: jsonb('body').$type<ScreenContentDraft>().notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (table) => [index('content_items_organisation_idx').on(table.organisationId, table.id)],
);

/**
 * Playlists of a store, each for one screen or for the screens of one zone. Entries and
 * dayparts are small lists always read whole, hence JSON.
 */
export const playlists = pgTable(
  'playlists',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull(),
    storeId: text('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    screenId: text('screen_id'),
    zoneId: text('zone_id').references(() => zones.id),
    priority: integer('priority').notNull(),
    entries: jsonb('entries').$type<PlaylistEntry[]>().notNull(),
    dayparts: jsonb('dayparts').$type<Daypart[]>().notNull(),
    validFrom: date('valid_from', { mode: 'string' }),
    validUntil: date('valid_until', { mode: 'string' }),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (table) => [
    index('playlists_store_idx').on(table.storeId, table.id),
    check('playlists_one_target', sql`(${table.screenId} is null) <> (${table.zoneId} is null)`),
  ],
);
