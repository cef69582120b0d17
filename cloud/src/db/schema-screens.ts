import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { stores, zones } from './schema.ts';

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
