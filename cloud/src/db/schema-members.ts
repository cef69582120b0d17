import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { customers, organisations } from './schema.ts';

/**
 * A customer's own sign-in to the loyalty card: one password per customer, found by the
 * customer's normalised email within their organisation. It goes with the customer at
 * erasure.
 */
export const memberCredentials = pgTable('member_credentials', {
  customerId: text('customer_id')
    .primaryKey()
    .references(() => customers.id, { onDelete: 'cascade' }),
  organisationId: text('organisation_id')
    .notNull()
    .references(() => organisations.id),
  passwordHash: text('password_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
