import type { Consent, Tier } from '@vitrine/shared';
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { customers } from '../db/schema.ts';
import { passes, passRevocations } from '../db/schema-passes.ts';
import type { Transaction } from '../sync/profile-change-log.ts';

/** What a pass says about its customer, read when it is issued. */
export interface PassSubject {
  id: string;
  tier: Tier;
  consent: Consent;
  homeStoreId: string | null;
}

export type NewPass = typeof passes.$inferInsert;
export type StoredPass = typeof passes.$inferSelect;

export interface StoredRevocation {
  seq: number;
  passId: string;
  reason: string;
  revokedAt: Date;
  passExpiresAt: Date;
}

export interface PassRepository {
  findSubject(organisationId: string, customerId: string): Promise<PassSubject | null>;
  insert(pass: NewPass): Promise<void>;
  find(organisationId: string, passId: string): Promise<StoredPass | null>;
  /** Marks the pass revoked and appends it to the feed; a second revocation changes nothing. */
  revoke(pass: StoredPass, reason: string, at: Date): Promise<StoredRevocation>;
  /** Revocations of the organisation after the watermark, oldest first. */
  revocationsSince(
    organisationId: string,
    since: number,
    limit: number,
  ): Promise<StoredRevocation[]>;
}

const revocationColumns = {
  seq: passRevocations.seq,
  passId: passRevocations.passId,
  reason: passRevocations.reason,
  revokedAt: passRevocations.revokedAt,
  passExpiresAt: passRevocations.passExpiresAt,
};

export function createPassRepository(db: Database): PassRepository {
  return {
    async findSubject(organisationId, customerId) {
      const [row] = await db
        .select({
          id: customers.id,
          tier: customers.tier,
          homeStoreId: customers.homeStoreId,
          tracking: customers.consentTracking,
          marketing: customers.consentMarketing,
          profiling: customers.consentProfiling,
        })
        .from(customers)
        .where(and(eq(customers.organisationId, organisationId), eq(customers.id, customerId)))
        .limit(1);
      if (row === undefined) return null;
      const { tracking, marketing, profiling, ...subject } = row;
      return { ...subject, consent: { tracking, marketing, profiling } };
    },
    async insert(pass) {
      await db.insert(passes).values(pass);
    },
    async find(organisationId, passId) {
      const [row] = await db
        .select()
        .from(passes)
        .where(and(eq(passes.organisationId, organisationId), eq(passes.id, passId)))
        .limit(1);
      return row ?? null;
    },
    async revoke(pass, reason, at) {
      return db.transaction(async (tx) => {
        await tx
          .update(passes)
          .set({ revokedAt: at, revokedReason: reason })
          .where(and(eq(passes.id, pass.id), isNull(passes.revokedAt)));
        await tx
          .insert(passRevocations)
          .values({
            organisationId: pass.organisationId,
            passId: pass.id,
            reason,
            revokedAt: at,
            passExpiresAt: pass.expiresAt,
          })
          .onConflictDoNothing({ target: passRevocations.passId });
        const [row] = await tx
          .select(revocationColumns)
          .from(passRevocations)
          .where(eq(passRevocations.passId, pass.id));
        if (row === undefined) throw new Error(`revocation of ${pass.id} was not stored`);
        return row;
      });
    },
    async revocationsSince(organisationId, since, limit) {
      return db
        .select(revocationColumns)
        .from(passRevocations)
        .where(
          and(eq(passRevocations.organisationId, organisationId), gt(passRevocations.seq, since)),
        )
        .orderBy(asc(passRevocations.seq))
        .limit(limit);
    },
  };
}

/**
 * At erasure, every pass of the customer still valid is revoked before the pass rows go
 * with the customer: the edges refuse it offline from their next sync, without ever
 * holding the customer's data.
 */
export async function revokePassesOfErasedCustomer(tx: Transaction, customerId: string, at: Date) {
  const live = await tx
    .update(passes)
    .set({ revokedAt: at, revokedReason: 'erased' })
    .where(
      and(eq(passes.customerId, customerId), isNull(passes.revokedAt), gt(passes.expiresAt, at)),
    )
    .returning();
  if (live.length === 0) return;
  await tx
    .insert(passRevocations)
    .values(
      live.map((pass) => ({
        organisationId: pass.organisationId,
        passId: pass.id,
        reason: 'erased',
        revokedAt: at,
        passExpiresAt: pass.expiresAt,
      })),
    )
    .onConflictDoNothing({ target: passRevocations.passId });
}
