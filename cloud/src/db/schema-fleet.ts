import type { EdgeReport } from '@vitrine/shared';
import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { organisations, stores } from './schema.ts';

/**
 * The latest report of each store's edge: one row per store, replaced by every report,
 * so the fleet view and the phones' store list read one row each.
 */
export const edgeReports = pgTable(
  'edge_reports',
  {
    storeId: text('store_id')
      .primaryKey()
      .references(() => stores.id, { onDelete: 'cascade' }),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    report: jsonb('report').$type<EdgeReport>().notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    /** The subject of the edge token the report came with. */
    receivedFrom: text('received_from').notNull(),
  },
  (table) => [index('edge_reports_organisation_idx').on(table.organisationId)],
);
