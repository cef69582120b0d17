import type { PurchaseLine } from '@vitrine/shared';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { products, ticketRevocations, tickets } from './schema-content.ts';
import { campaigns, offers, segments } from './schema-engagement.ts';
import { eventInvitations, events } from './schema-events.ts';
import { edgeReports } from './schema-fleet.ts';
import { ingestedEvents } from './schema-ingest.ts';
import { memberCredentials } from './schema-members.ts';
import { passes, passRevocations } from './schema-passes.ts';
import { contentItems, playlists, screens } from './schema-screens.ts';
import { customerMatchColumns, PHONE_TAIL_DIGITS, profileChanges } from './schema-sync.ts';
import { visits } from './schema-visits.ts';

export {
  campaigns,
  contentItems,
  edgeReports,
  eventInvitations,
  events,
  ingestedEvents,
  memberCredentials,
  offers,
  passes,
  passRevocations,
  playlists,
  products,
  profileChanges,
  screens,
  segments,
  ticketRevocations,
  tickets,
  visits,
};

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const organisations = pgTable('organisations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

export const stores = pgTable(
  'stores',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    city: text('city').notNull(),
    country: text('country').notNull(),
    /** IANA name; checked with Intl.DateTimeFormat before it is written. */
    timeZone: text('time_zone').notNull(),
    currency: text('currency').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    index('stores_organisation_idx').on(table.organisationId),
    check('stores_currency_iso', sql`${table.currency} ~ '^[A-Z]{3}$'`),
    check('stores_country_iso', sql`${table.country} ~ '^[A-Z]{2}$'`),
  ],
);

export const zones = pgTable(
  'zones',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind', {
      enum: ['entrance', 'floor', 'fitting', 'lounge', 'counter', 'window', 'other'],
    }).notNull(),
  },
  (table) => [index('zones_store_idx').on(table.storeId)],
);

export const associates = pgTable(
  'associates',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    storeId: text('store_id')
      .notNull()
      .references(() => stores.id),
    name: text('name').notNull(),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('associates_email_unique').on(sql`lower(${table.email})`),
    index('associates_store_idx').on(table.storeId),
  ],
);

export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    email: text('email').notNull(),
    role: text('role', { enum: ['admin', 'marketer'] }).notNull(),
    passwordHash: text('password_hash').notNull(),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('users_email_unique').on(sql`lower(${table.email})`)],
);

export const customers = pgTable(
  'customers',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    tier: text('tier', { enum: ['member', 'silver', 'gold', 'platinum'] }).notNull(),
    lifetimeValue: numeric('lifetime_value', { precision: 14, scale: 2, mode: 'number' })
      .notNull()
      .default(0),
    currency: text('currency').notNull(),
    preferences: text('preferences').array().notNull().default(sql`'{}'::text[]`),
    homeStoreId: text('home_store_id').references(() => stores.id),
    consentTracking: boolean('consent_tracking').notNull().default(false),
    consentMarketing: boolean('consent_marketing').notNull().default(false),
    consentProfiling: boolean('consent_profiling').notNull().default(false),
    notes: text('notes').notNull().default(''),
    /** A month, never a birth date: all that birthday campaigns need. */
    birthMonth: smallint('birth_month'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    emailNormalized: customerMatchColumns.emailNormalized(),
    emailCanonical: customerMatchColumns.emailCanonical(),
    phoneNormalized: customerMatchColumns.phoneNormalized(),
    firstNameKey: customerMatchColumns.firstNameKey(),
    lastNameKey: customerMatchColumns.lastNameKey(),
  },
  (table) => [
    index('customers_organisation_id_idx').on(table.organisationId, table.id),
    index('customers_home_store_id_idx').on(table.homeStoreId, table.id),
    index('customers_email_idx').on(sql`lower(${table.email})`),
    index('customers_email_normalized_idx').on(table.organisationId, table.emailNormalized),
    index('customers_email_canonical_idx').on(table.organisationId, table.emailCanonical),
    index('customers_phone_normalized_idx').on(table.organisationId, table.phoneNormalized),
    index('customers_phone_tail_idx').on(
      table.organisationId,
      sql`right(${table.phoneNormalized}, ${sql.raw(String(PHONE_TAIL_DIGITS))})`,
    ),
    index('customers_tier_idx').on(table.organisationId, table.tier),
    // Prefix searches (`like 'ab%'`) whatever the database's collation.
    index('customers_first_name_key_idx').on(
      table.organisationId,
      table.firstNameKey.op('text_pattern_ops'),
    ),
    index('customers_last_name_key_idx').on(
      table.organisationId,
      table.lastNameKey.op('text_pattern_ops'),
    ),
    check('customers_currency_iso', sql`${table.currency} ~ '^[A-Z]{3}$'`),
    check('customers_lifetime_value_positive', sql`${table.lifetimeValue} >= 0`),
    check('customers_birth_month_range', sql`${table.birthMonth} between 1 and 12`),
  ],
);

export const purchases = pgTable(
  'purchases',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    storeId: text('store_id')
      .notNull()
      .references(() => stores.id),
    purchasedAt: timestamp('purchased_at', { withTimezone: true }).notNull(),
    total: numeric('total', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    lines: jsonb('lines').$type<PurchaseLine[]>().notNull(),
    itemCount: integer('item_count').notNull(),
  },
  (table) => [
    // "The latest purchases of a customer" is the edge's hot path: one index range scan.
    index('purchases_customer_latest_idx').on(table.customerId, table.purchasedAt.desc()),
    index('purchases_store_time_idx').on(table.storeId, table.purchasedAt),
    check('purchases_total_positive', sql`${table.total} >= 0`),
  ],
);

export const signingKeys = pgTable('signing_keys', {
  kid: text('kid').primaryKey(),
  publicJwk: jsonb('public_jwk').$type<Record<string, unknown>>().notNull(),
  privateJwk: jsonb('private_jwk').$type<Record<string, unknown>>().notNull(),
  createdAt: createdAt(),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});

export const schema = {
  organisations,
  stores,
  zones,
  associates,
  users,
  customers,
  purchases,
  signingKeys,
  ingestedEvents,
  passes,
  passRevocations,
  profileChanges,
  visits,
  products,
  tickets,
  ticketRevocations,
  segments,
  offers,
  campaigns,
  screens,
  contentItems,
  playlists,
  edgeReports,
};
export type Schema = typeof schema;
