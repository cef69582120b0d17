import type { EventSession } from '@vitrine/shared';
import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

import { customers, organisations } from './schema.ts';

// Stores, segments and associates are checked by the routes, which name the field.

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/**
 * In-store events. `starts_at`/`ends_at` are the local wall-clock times as the marketer
 * wrote them; `sessions` holds the instants at each store, read in its zone when written.
 * `first_starts_at` is the earliest of them, for lists by date.
 */
export const events = pgTable(
  'events',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    kind: text('kind').notNull(),
    status: text('status', { enum: ['draft', 'scheduled', 'cancelled'] }).notNull(),
    storeIds: text('store_ids').array().notNull(),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    sessions: jsonb('sessions').$type<EventSession[]>().notNull(),
    firstStartsAt: timestamp('first_starts_at', { withTimezone: true }).notNull(),
    capacity: integer('capacity').notNull(),
    segmentId: text('segment_id'),
    hostAssociateIds: text('host_associate_ids').array().notNull().default(sql`'{}'::text[]`),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('events_organisation_name_idx').on(table.organisationId, table.name),
    index('events_store_ids_idx').using('gin', table.storeIds),
    check('events_capacity_positive', sql`${table.capacity} >= 1`),
  ],
);

/**
 * One invited customer of an event and their answer. A "yes" holds a ticket (`ticket_id`)
 * for `store_id`; `rsvp_code` lets the customer answer from their invitation themselves.
 */
export const eventInvitations = pgTable(
  'event_invitations',
  {
    eventId: text('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    // An erased customer's invitations go with them (their tickets are revoked first).
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    storeId: text('store_id').notNull(),
    invitedVia: text('invited_via', { enum: ['segment', 'direct'] }).notNull(),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull(),
    rsvp: text('rsvp', { enum: ['pending', 'yes', 'no', 'maybe'] })
      .notNull()
      .default('pending'),
    companions: integer('companions').notNull().default(0),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** Who answered: the customer (`customer`) or the office or associate's id. */
    answeredBy: text('answered_by'),
    ticketId: text('ticket_id'),
    rsvpCode: text('rsvp_code').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.eventId, table.customerId] }),
    uniqueIndex('event_invitations_rsvp_code_unique').on(table.rsvpCode),
    index('event_invitations_customer_idx').on(table.customerId),
    check('event_invitations_companions', sql`${table.companions} between 0 and 9`),
  ],
);
