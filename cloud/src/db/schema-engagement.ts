import type { Campaign, Offer, SegmentRule } from '@vitrine/shared';
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// No import from schema.ts: it imports this file to build the one schema object. References
// between these tables and to stores are checked by the routes, which name the field.

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** Named audiences; a rule is kept as the shared schema parsed it. Archived, never deleted. */
export const segments = pgTable(
  'segments',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    rule: jsonb('rule').$type<SegmentRule>().notNull(),
    version: integer('version').notNull().default(1),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('segments_organisation_name_idx').on(table.organisationId, table.name)],
);

/**
 * What a customer gets. The whole offer is kept as the shared schema parsed it; the columns
 * beside it are what lists filter and sort on.
 */
export const offers = pgTable(
  'offers',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull(),
    name: text('name').notNull(),
    definition: jsonb('definition').$type<Offer>().notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    validUntil: timestamp('valid_until', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('offers_organisation_name_idx').on(table.organisationId, table.name),
    check('offers_validity', sql`${table.validFrom} < ${table.validUntil}`),
  ],
);

/**
 * Campaigns as edges receive them (`definition`), with the columns lists filter on and the
 * references the routes check: `store_ids` null for every store, `segment_id` and
 * `offer_ids` for "which campaigns use this".
 */
export const campaigns = pgTable(
  'campaigns',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull(),
    name: text('name').notNull(),
    status: text('status', { enum: ['draft', 'active', 'paused', 'archived'] }).notNull(),
    triggerKind: text('trigger_kind').notNull(),
    storeIds: text('store_ids').array(),
    segmentId: text('segment_id'),
    offerIds: text('offer_ids').array().notNull().default(sql`'{}'::text[]`),
    priority: integer('priority').notNull(),
    definition: jsonb('definition').$type<Campaign>().notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('campaigns_organisation_status_idx').on(table.organisationId, table.status),
    index('campaigns_store_ids_idx').using('gin', table.storeIds),
  ],
);
