import { asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { signingKeys } from '../db/schema.ts';

export interface StoredSigningKey {
  kid: string;
  publicJwk: Record<string, unknown>;
  privateJwk: Record<string, unknown>;
  createdAt: Date;
  retiredAt: Date | null;
}

export interface SigningKeyRepository {
  /** Keys not retired, oldest first. */
  listActive(): Promise<StoredSigningKey[]>;
  insert(key: Omit<StoredSigningKey, 'retiredAt'>): Promise<void>;
  retire(kid: string, at: Date): Promise<void>;
}

export function createSigningKeyRepository(db: Database): SigningKeyRepository {
  return {
    async listActive() {
      return db
        .select()
        .from(signingKeys)
        .where(isNull(signingKeys.retiredAt))
        .orderBy(asc(signingKeys.createdAt));
    },
    async insert(key) {
      await db.insert(signingKeys).values(key);
    },
    async retire(kid, at) {
      await db.update(signingKeys).set({ retiredAt: at }).where(eq(signingKeys.kid, kid));
    },
  };
}
