import { sql } from 'drizzle-orm';
import type { Database } from './database.ts';

/** True when the database answers a trivial query within the time limit. */
export async function pingDatabase(db: Database, { timeoutMs = 2_000 } = {}): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([db.execute(sql`select 1`).then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
