import type { Consent, DuplicateCandidate } from '@vitrine/shared';
import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { customers } from '../db/schema.ts';
import { PHONE_TAIL_DIGITS } from '../db/schema-sync.ts';
import { eraseCustomerActivity } from '../ingest/ingest-repository.ts';
import { revokePassesOfErasedCustomer } from '../passes/pass-repository.ts';
import {
  lockProfileFeed,
  recordProfileChanges,
  type Transaction,
} from '../sync/profile-change-log.ts';
import { revokeTicketsOfErasedCustomer } from '../tickets/ticket-repository.ts';
import { canonicalEmail, normaliseEmail, phoneTail } from './domain/contact-keys.ts';

export interface RegisteredCustomer {
  id: string;
  organisationId: string;
  firstName: string;
  lastName: string;
  email: string | null;
  /** Already normalised: digits with the country code. */
  phone: string | null;
  currency: string;
  preferences: string[];
  homeStoreId: string | null;
  birthMonth?: number | null;
  consent: Consent;
}

export interface RegisterOptions {
  /** Also written in the registration's transaction: the customer's own sign-in. */
  alsoWrite?: (tx: Transaction) => Promise<void>;
}

export type RegistrationOutcome =
  | { outcome: 'created' }
  | { outcome: 'duplicate'; candidates: DuplicateCandidate[] };

/**
 * The writes of a customer's life that edges must learn about: registration, consent,
 * erasure. Each one records its change in the feed in the same transaction.
 */
export interface CustomerRegistryRepository {
  /** Creates the customer unless an existing one looks like them. */
  register(customer: RegisteredCustomer, options?: RegisterOptions): Promise<RegistrationOutcome>;
  /** The consent now on record, or null for an unknown customer. */
  updateConsent(organisationId: string, customerId: string, consent: Consent): Promise<boolean>;
  /**
   * Deletes the customer and everything that hangs off them (purchases, passes, visits),
   * and anonymises the events edges reported about them; false when unknown.
   */
  /** Erases the customer, revoking their passes and tickets still valid at `at`. */
  erase(organisationId: string, customerId: string, at: Date): Promise<boolean>;
}

const MAX_CANDIDATES = 10;

export function createCustomerRegistryRepository(db: Database): CustomerRegistryRepository {
  async function findCandidates(
    tx: Transaction,
    organisationId: string,
    { email, phone }: { email: string | null; phone: string | null },
  ): Promise<DuplicateCandidate[]> {
    // The same keys as the generated columns: the phone's digits, its `+` dropped.
    const phoneDigits = phone === null ? null : phone.replace(/\D/g, '');
    const keys = {
      email: email === null ? null : normaliseEmail(email),
      emailCanonical: email === null ? null : canonicalEmail(email),
      phone: phoneDigits,
      phoneTail: phoneDigits === null ? null : phoneTail(phoneDigits, PHONE_TAIL_DIGITS),
    };
    const matches: SQL[] = [];
    if (keys.email !== null) matches.push(eq(customers.emailNormalized, keys.email));
    if (keys.emailCanonical !== null) {
      matches.push(eq(customers.emailCanonical, keys.emailCanonical));
    }
    if (keys.phone !== null) matches.push(eq(customers.phoneNormalized, keys.phone));
    if (keys.phoneTail !== null && keys.phoneTail.length === PHONE_TAIL_DIGITS) {
      matches.push(
        sql`right(${customers.phoneNormalized}, ${sql.raw(String(PHONE_TAIL_DIGITS))}) = ${keys.phoneTail}`,
      );
    }
    if (matches.length === 0) return [];
    const rows = await tx
      .select({
        id: customers.id,
        firstName: customers.firstName,
        lastName: customers.lastName,
        emailNormalized: customers.emailNormalized,
        phoneNormalized: customers.phoneNormalized,
      })
      .from(customers)
      .where(and(eq(customers.organisationId, organisationId), or(...matches)))
      .orderBy(customers.id)
      .limit(MAX_CANDIDATES);
    return rows.map((row) => {
      const name = `${row.firstName} ${row.lastName}`;
      if (keys.email !== null && row.emailNormalized === keys.email) {
        return { id: row.id, name, matchedOn: 'email', match: 'exact' };
      }
      if (keys.phone !== null && row.phoneNormalized === keys.phone) {
        return { id: row.id, name, matchedOn: 'phone', match: 'exact' };
      }
      const onEmail =
        keys.emailCanonical !== null &&
        row.emailNormalized !== null &&
        canonicalEmail(row.emailNormalized) === keys.emailCanonical;
      return { id: row.id, name, matchedOn: onEmail ? 'email' : 'phone', match: 'near' };
    });
  }

  return {
    async register(customer, { alsoWrite } = {}) {
      return db.transaction(async (tx) => {
        // Under the feed lock, two registrations of one person cannot both pass the check.
        await lockProfileFeed(tx);
        const candidates = await findCandidates(tx, customer.organisationId, customer);
        if (candidates.length > 0) return { outcome: 'duplicate', candidates };
        await tx.insert(customers).values({
          id: customer.id,
          organisationId: customer.organisationId,
          firstName: customer.firstName,
          lastName: customer.lastName,
          email: customer.email,
          phone: customer.phone,
          tier: 'member',
          lifetimeValue: 0,
          currency: customer.currency,
          preferences: customer.preferences,
          homeStoreId: customer.homeStoreId,
          birthMonth: customer.birthMonth ?? null,
          consentTracking: customer.consent.tracking,
          consentMarketing: customer.consent.marketing,
          consentProfiling: customer.consent.profiling,
        });
        await recordProfileChanges(tx, {
          organisationId: customer.organisationId,
          customerIds: [customer.id],
          kind: 'upsert',
        });
        await alsoWrite?.(tx);
        return { outcome: 'created' };
      });
    },

    async updateConsent(organisationId, customerId, consent) {
      return db.transaction(async (tx) => {
        await lockProfileFeed(tx);
        const updated = await tx
          .update(customers)
          .set({
            consentTracking: consent.tracking,
            consentMarketing: consent.marketing,
            consentProfiling: consent.profiling,
            updatedAt: sql`now()`,
          })
          .where(and(eq(customers.organisationId, organisationId), eq(customers.id, customerId)))
          .returning({ id: customers.id });
        if (updated.length === 0) return false;
        await recordProfileChanges(tx, {
          organisationId,
          customerIds: [customerId],
          kind: 'upsert',
        });
        return true;
      });
    },

    async erase(organisationId, customerId, at) {
      return db.transaction(async (tx) => {
        await lockProfileFeed(tx);
        await revokePassesOfErasedCustomer(tx, customerId, at);
        await revokeTicketsOfErasedCustomer(tx, customerId, at);
        // Purchases, passes and tickets go with the customer (ON DELETE CASCADE); their
        // revocations stay until they expire.
        const deleted = await tx
          .delete(customers)
          .where(and(eq(customers.organisationId, organisationId), eq(customers.id, customerId)))
          .returning({ id: customers.id });
        if (deleted.length === 0) return false;
        await eraseCustomerActivity(tx, customerId);
        await recordProfileChanges(tx, {
          organisationId,
          customerIds: [customerId],
          kind: 'erase',
        });
        return true;
      });
    },
  };
}
