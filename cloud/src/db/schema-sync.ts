import { NAME_FOLD_FROM, NAME_FOLD_TO } from '@vitrine/shared';
import { sql } from 'drizzle-orm';
import { bigint, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// No import from schema.ts: it imports this file to build the one schema object.

/**
 * The change feed edges sync from: one row per write that changes what an edge should
 * hold about a customer (profile, consent, purchases, erasure). Written in the same
 * transaction as the change; rows of an erased customer stay (they name only the id).
 */
export const profileChanges = pgTable(
  'profile_changes',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    organisationId: text('organisation_id').notNull(),
    customerId: text('customer_id').notNull(),
    kind: text('kind', { enum: ['upsert', 'erase'] }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('profile_changes_organisation_seq_idx').on(table.organisationId, table.seq),
    index('profile_changes_customer_idx').on(table.customerId),
  ],
);

/**
 * Duplicate detection's keys, computed by PostgreSQL from the columns they normalise:
 * backfilled when the migration adds them and kept by every insert, the seed's included.
 */
export const customerMatchColumns = {
  /** Lower case, whitespace removed: an exact email match. */
  emailNormalized: () =>
    text('email_normalized').generatedAlwaysAs(sql`lower(regexp_replace("email", '\\s', '', 'g'))`),
  /** The normalised email without dots and `+tag` in its local part: a near match. */
  emailCanonical: () =>
    text('email_canonical').generatedAlwaysAs(
      sql`regexp_replace(split_part(lower(regexp_replace("email", '\\s', '', 'g')), '@', 1), '\\+.*$|\\.', '', 'g') || '@' || split_part(lower(regexp_replace("email", '\\s', '', 'g')), '@', 2)`,
    ),
  /** Lower case without accents (shared's `foldName`): a name search matches its start. */
  firstNameKey: () =>
    text('first_name_key').generatedAlwaysAs(
      sql`translate(lower("first_name"), ${sql.raw(`'${NAME_FOLD_FROM}'`)}, ${sql.raw(`'${NAME_FOLD_TO}'`)})`,
    ),
  lastNameKey: () =>
    text('last_name_key').generatedAlwaysAs(
      sql`translate(lower("last_name"), ${sql.raw(`'${NAME_FOLD_FROM}'`)}, ${sql.raw(`'${NAME_FOLD_TO}'`)})`,
    ),
  /** Digits only, the country code included when the number carries one. */
  phoneNormalized: () =>
    text('phone_normalized').generatedAlwaysAs(
      sql`nullif(regexp_replace("phone", '[^0-9]', '', 'g'), '')`,
    ),
};

/** How many trailing digits make a near phone match (a national number without its prefix). */
export const PHONE_TAIL_DIGITS = 9;
