import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { profileChanges } from '../db/schema-sync.ts';

/** A transaction of either driver: what `db.transaction` hands its callback. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export type ProfileChangeKind = 'upsert' | 'erase';

// Any constant works: it only has to be the same for every writer of the feed.
const FEED_LOCK = 0x5f4e_c0de;

/**
 * Serialises the writers of the change feed until the transaction ends. Sequence numbers
 * are taken in commit order because of it, so an edge that has read up to a sequence
 * never misses a smaller one committed later. Call it before reading what the change
 * depends on (a duplicate check, say) so that the read is serialised too.
 */
export async function lockProfileFeed(tx: Transaction): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${FEED_LOCK})`);
}

/**
 * Records that these customers changed, inside the caller's transaction (which must
 * hold the feed lock): the change is visible to edges exactly when the write is.
 */
export async function recordProfileChanges(
  tx: Transaction,
  {
    organisationId,
    customerIds,
    kind,
  }: { organisationId: string; customerIds: readonly string[]; kind: ProfileChangeKind },
): Promise<void> {
  if (customerIds.length === 0) return;
  await tx
    .insert(profileChanges)
    .values(customerIds.map((customerId) => ({ organisationId, customerId, kind })));
}
