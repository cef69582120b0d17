import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// No import from schema.ts: it imports this file to build the one schema object. Hence no
// foreign key to customers either: erasing a customer deletes their visits explicitly.

/**
 * A customer seen in a store: a check-in an edge verified and reported, stored once per
 * check-in (the primary key is the check-in's idempotency key). Makes a customer a recent
 * visitor of the store and shows in the one customer view.
 */
export const visits = pgTable(
  'visits',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull(),
    customerId: text('customer_id').notNull(),
    storeId: text('store_id').notNull(),
    visitedAt: timestamp('visited_at', { withTimezone: true }).notNull(),
    /** How the customer made themselves known: `app`, `kiosk`, `associate-scan`. */
    method: text('method').notNull(),
  },
  (table) => [
    // "The latest visits of a customer": one index range scan, like their purchases.
    index('visits_customer_latest_idx').on(table.customerId, table.visitedAt.desc()),
    // "Did this customer come to this store since…": the selection's recent-visitor test.
    index('visits_store_customer_idx').on(table.storeId, table.customerId, table.visitedAt),
  ],
);
