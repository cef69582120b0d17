import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { customers, organisations, stores } from './schema.ts';

/**
 * The organisation's catalogue: what a product's QR code shows in store. The price is the
 * catalogue price in its own currency, as the code carries it.
 */
export const products = pgTable(
  'products',
  {
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    category: text('category').notNull(),
    price: numeric('price', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.organisationId, table.sku] }),
    index('products_category_idx').on(table.organisationId, table.category),
    check('products_price_positive', sql`${table.price} >= 0`),
    check('products_currency_iso', sql`${table.currency} ~ '^[A-Z]{3}$'`),
  ],
);

/**
 * Tickets to in-store events, each shown as a signed QR code at one store's door. The code
 * is kept, so that a ticket fetched twice is the same image.
 */
export const tickets = pgTable(
  'tickets',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The in-store event; no foreign key until events have their own table. */
    eventId: text('event_id').notNull(),
    // An erased customer takes their tickets along, as their passes.
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    storeId: text('store_id')
      .notNull()
      .references(() => stores.id),
    admits: integer('admits').notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    validUntil: timestamp('valid_until', { withTimezone: true }).notNull(),
    code: text('code').notNull(),
    /** The organisation key that signed the code. */
    kid: text('kid').notNull(),
    issuedBy: text('issued_by').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [
    index('tickets_customer_idx').on(table.customerId),
    index('tickets_event_idx').on(table.organisationId, table.eventId),
    check('tickets_admits_range', sql`${table.admits} between 1 and 10`),
    check('tickets_window', sql`${table.validFrom} < ${table.validUntil}`),
  ],
);

/**
 * The revoked-ticket feed a store's edge pulls by watermark (`seq`), beside the pass
 * revocations. No foreign key and no personal data: it names the ticket only.
 */
export const ticketRevocations = pgTable(
  'ticket_revocations',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    organisationId: text('organisation_id').notNull(),
    storeId: text('store_id').notNull(),
    ticketId: text('ticket_id').notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }).notNull(),
    ticketExpiresAt: timestamp('ticket_expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('ticket_revocations_ticket_unique').on(table.ticketId),
    index('ticket_revocations_store_seq_idx').on(table.storeId, table.seq),
  ],
);
