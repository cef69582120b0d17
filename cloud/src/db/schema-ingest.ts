import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Every fact an edge reported through its outbox, stored once: the primary key is the
 * event's idempotency key, so an upload repeated after a lost answer inserts nothing.
 */
export const ingestedEvents = pgTable(
  'ingested_events',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    kind: text('kind').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /**
     * The customer the event is about, while they are a customer: null for an event that
     * names nobody, or whose customer was erased (its payload then names nobody either).
     */
    customerId: text('customer_id'),
  },
  (table) => [
    // Per store, per kind, per day: "check-ins in Ginza last week" is one range scan.
    index('ingested_events_store_kind_time_idx').on(table.storeId, table.kind, table.occurredAt),
    // Across stores, per kind, per day: the organisation's dashboards.
    index('ingested_events_kind_time_idx').on(table.kind, table.occurredAt),
    // An erasure finds the customer's events without reading every payload.
    index('ingested_events_customer_idx').on(table.customerId),
  ],
);
