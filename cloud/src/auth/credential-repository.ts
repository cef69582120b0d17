import type { Role } from '@vitrine/shared';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { associates, users } from '../db/schema.ts';

/** Whoever can log in with an email and a password: an associate or an office user. */
export interface Credential {
  id: string;
  organisationId: string;
  name: string;
  role: Extract<Role, 'admin' | 'marketer' | 'associate'>;
  storeId: string | null;
  passwordHash: string;
}

export type NewAssociate = typeof associates.$inferInsert;
export type NewUser = typeof users.$inferInsert;

export interface CredentialRepository {
  insertAssociates(rows: NewAssociate[]): Promise<void>;
  insertUsers(rows: NewUser[]): Promise<void>;
  /** Case-insensitive; associates first, then office users. */
  findByEmail(email: string): Promise<Credential | null>;
}

export function createCredentialRepository(db: Database): CredentialRepository {
  return {
    async insertAssociates(rows) {
      if (rows.length > 0) await db.insert(associates).values(rows);
    },
    async insertUsers(rows) {
      if (rows.length > 0) await db.insert(users).values(rows);
    },
    async findByEmail(email) {
      const normalised = email.trim().toLowerCase();
      const [associate] = await db
        .select()
        .from(associates)
        .where(eq(sql`lower(${associates.email})`, normalised))
        .limit(1);
      if (associate !== undefined) {
        return {
          id: associate.id,
          organisationId: associate.organisationId,
          name: associate.name,
          role: 'associate',
          storeId: associate.storeId,
          passwordHash: associate.passwordHash,
        };
      }
      const [user] = await db
        .select()
        .from(users)
        .where(eq(sql`lower(${users.email})`, normalised))
        .limit(1);
      if (user === undefined) return null;
      return {
        id: user.id,
        organisationId: user.organisationId,
        name: user.name,
        role: user.role,
        storeId: null,
        passwordHash: user.passwordHash,
      };
    },
  };
}
