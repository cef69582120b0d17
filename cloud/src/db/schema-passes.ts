import type { AppPublicJwk } from '@vitrine/shared';
import {
  bigserial,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { customers, organisations } from './schema.ts';

/**
 * Loyalty passes issued to customers' apps. The pass itself (a JWS) is not kept: the app
 * holds it; the cloud keeps what it needs to list, revoke and audit.
 */
export const passes = pgTable(
  'passes',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    // An erased customer takes their passes along; their revocations stay (see below).
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    appPublicJwk: jsonb('app_public_jwk').$type<AppPublicJwk>().notNull(),
    /** RFC 7638 thumbprint of the app key: finds the passes of one device. */
    appKeyThumbprint: text('app_key_thumbprint').notNull(),
    /** The organisation key that signed the pass. */
    kid: text('kid').notNull(),
    issuedBy: text('issued_by').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
  },
  (table) => [
    index('passes_customer_idx').on(table.customerId),
    index('passes_app_key_idx').on(table.appKeyThumbprint),
  ],
);

/**
 * The revocation feed edges pull by watermark (`seq`). No foreign key and no personal
 * data: a revocation must outlive the erasure of its customer, until the pass expires.
 */
export const passRevocations = pgTable(
  'pass_revocations',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    organisationId: text('organisation_id').notNull(),
    passId: text('pass_id').notNull(),
    reason: text('reason').notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }).notNull(),
    passExpiresAt: timestamp('pass_expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('pass_revocations_pass_unique').on(table.passId),
    index('pass_revocations_organisation_seq_idx').on(table.organisationId, table.seq),
  ],
);
