import type { MemberProfile } from '@vitrine/shared';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { normaliseEmail } from '../customers/domain/contact-keys.ts';
import type { Database } from '../db/database.ts';
import { customers, eventInvitations, events, organisations, stores } from '../db/schema.ts';
import { memberCredentials } from '../db/schema-members.ts';
import { eventNotOver } from '../events/profile-invitations.ts';
import type { Transaction } from '../sync/profile-change-log.ts';

export interface NewMemberCredential {
  customerId: string;
  organisationId: string;
  passwordHash: string;
}

/** Where a new member's currency and national phone numbers come from. */
export interface EnrolmentStore {
  id: string;
  currency: string;
  country: string;
}

export interface MemberRepository {
  /** The credential of the customer with this email (normalised) in the organisation. */
  findSignIn(
    organisationId: string,
    email: string,
  ): Promise<{ customerId: string; passwordHash: string } | null>;
  /** Which of these customers already sign in to the card. */
  withCredential(customerIds: readonly string[]): Promise<Set<string>>;
  /**
   * Null for an unknown organisation; else its default store (the first one), whose
   * currency and country a member without a home store takes.
   */
  organisationDefaults(
    organisationId: string,
  ): Promise<{ defaultStore: EnrolmentStore | null } | null>;
  findStore(organisationId: string, storeId: string): Promise<EnrolmentStore | null>;
  exists(organisationId: string, customerId: string): Promise<boolean>;
  findProfile(organisationId: string, customerId: string): Promise<MemberProfile | null>;
  /** The codes of the customer's invitations to events not over at `at`, soonest first. */
  invitationCodes(organisationId: string, customerId: string, at: Date): Promise<string[]>;
}

/** Writes credentials, in the transaction that creates their customers or seeds them. */
export async function insertMemberCredentials(
  db: Database | Transaction,
  rows: readonly NewMemberCredential[],
): Promise<void> {
  if (rows.length > 0) await db.insert(memberCredentials).values([...rows]);
}

const storeColumns = { id: stores.id, currency: stores.currency, country: stores.country };

export function createMemberRepository(db: Database): MemberRepository {
  return {
    async findSignIn(organisationId, email) {
      const [row] = await db
        .select({
          customerId: memberCredentials.customerId,
          passwordHash: memberCredentials.passwordHash,
        })
        .from(memberCredentials)
        .innerJoin(customers, eq(customers.id, memberCredentials.customerId))
        .where(
          and(
            eq(customers.organisationId, organisationId),
            eq(customers.emailNormalized, normaliseEmail(email)),
          ),
        )
        .orderBy(asc(customers.id))
        .limit(1);
      return row ?? null;
    },
    async withCredential(customerIds) {
      if (customerIds.length === 0) return new Set();
      const rows = await db
        .select({ id: memberCredentials.customerId })
        .from(memberCredentials)
        .where(inArray(memberCredentials.customerId, [...customerIds]));
      return new Set(rows.map((row) => row.id));
    },
    async organisationDefaults(organisationId) {
      const [organisation] = await db
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.id, organisationId));
      if (organisation === undefined) return null;
      const [first] = await db
        .select(storeColumns)
        .from(stores)
        .where(eq(stores.organisationId, organisationId))
        .orderBy(asc(stores.createdAt), asc(stores.id))
        .limit(1);
      return { defaultStore: first ?? null };
    },
    async findStore(organisationId, storeId) {
      const [store] = await db
        .select(storeColumns)
        .from(stores)
        .where(and(eq(stores.organisationId, organisationId), eq(stores.id, storeId)));
      return store ?? null;
    },
    async exists(organisationId, customerId) {
      const [row] = await db
        .select({ id: customers.id })
        .from(customers)
        .where(and(eq(customers.organisationId, organisationId), eq(customers.id, customerId)));
      return row !== undefined;
    },
    async findProfile(organisationId, customerId) {
      const [row] = await db
        .select()
        .from(customers)
        .where(and(eq(customers.organisationId, organisationId), eq(customers.id, customerId)));
      if (row === undefined) return null;
      return {
        customerId: row.id,
        organisationId: row.organisationId,
        firstName: row.firstName,
        lastName: row.lastName,
        email: row.email,
        phone: row.phone,
        tier: row.tier,
        homeStoreId: row.homeStoreId,
        birthMonth: row.birthMonth,
        consent: {
          tracking: row.consentTracking,
          marketing: row.consentMarketing,
          profiling: row.consentProfiling,
        },
      };
    },
    async invitationCodes(organisationId, customerId, at) {
      const rows = await db
        .select({ code: eventInvitations.rsvpCode })
        .from(eventInvitations)
        .innerJoin(events, eq(events.id, eventInvitations.eventId))
        .where(
          and(
            eq(eventInvitations.customerId, customerId),
            eq(events.organisationId, organisationId),
            eventNotOver(at),
          ),
        )
        .orderBy(asc(events.firstStartsAt), asc(events.id));
      return rows.map((row) => row.code);
    },
  };
}
