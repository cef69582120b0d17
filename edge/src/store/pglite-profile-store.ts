import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import {
  type CustomerQuery,
  customerProfileSchema,
  NAME_FOLD_FROM,
  NAME_FOLD_TO,
} from '@vitrine/shared';
import { z } from 'zod';
import type { LocalProfileStore, StoredProfile } from './local-profile-store.ts';
import { type ProfileHoldOptions, profileHolds } from './profile-holds.ts';
import { canonicalEmailOf, PHONE_TAIL_DIGITS, phoneTailOf } from './profile-search.ts';

/** The local schema; every statement is idempotent, so opening an old folder upgrades it. */
const LOCAL_SCHEMA = `
create table if not exists profiles (
  id text primary key,
  profile jsonb not null,
  tier text not null,
  tracking boolean not null,
  source text not null check (source in ('sync', 'demand')),
  -- When this edge stored the row, in ms since the epoch.
  updated bigint not null
);
create index if not exists profiles_tier_idx on profiles (tier);
-- When a customer leaves this edge if nothing changes first (ms): a synced one the
-- selection's end of stay (null: held without end), one fetched on demand its hold.
alter table profiles add column if not exists held_until bigint;
create index if not exists profiles_held_until_idx on profiles (held_until)
  where held_until is not null;
-- A visit made here that the cloud may not have heard of yet holds the customer at
-- least until this (ms); the feed's end of stay never shortens it.
alter table profiles add column if not exists visit_held_until bigint;
create table if not exists sync_state (
  id integer primary key check (id = 1),
  watermark text not null,
  applied_at bigint not null
);
`;

const rowSchema = z.object({
  profile: z.unknown(),
  source: z.enum(['sync', 'demand']),
  updated: z.union([z.number(), z.string(), z.bigint()]).transform(Number),
});
const consentRowSchema = z.object({ profile: z.object({ consent: z.unknown() }) });
const countSchema = z.object({
  n: z.union([z.number(), z.string(), z.bigint()]).transform(Number),
});
const watermarkRowSchema = z.object({ watermark: z.string() });
const idRowsSchema = z.array(z.object({ id: z.string() }));

/** Creates the tables an empty (or older) PGlite needs. */
export async function migrateLocalStore(client: PGlite): Promise<void> {
  await client.exec(LOCAL_SCHEMA);
}

export interface OpenPgliteProfileStoreOptions extends ProfileHoldOptions {
  /** The folder of the database; created when missing. */
  dataDir: string;
}

/**
 * Opens the durable store of an edge in its data folder. The first run creates the
 * database in a sibling folder and renames it into place, so that an edge stopped during
 * those seconds leaves no half-made database behind.
 */
export async function openPgliteProfileStore({
  dataDir,
  ...holds
}: OpenPgliteProfileStoreOptions): Promise<LocalProfileStore> {
  if (!(await exists(join(dataDir, 'PG_VERSION')))) {
    const parent = dirname(dataDir);
    await mkdir(parent, { recursive: true });
    for (const entry of await readdir(parent)) {
      if (entry.startsWith(`${basename(dataDir)}.init-`)) {
        await rm(join(parent, entry), { recursive: true, force: true });
      }
    }
    const building = `${dataDir}.init-${process.pid}`;
    await createInWorker(building);
    await rm(dataDir, { recursive: true, force: true });
    await rename(building, dataDir);
  }
  const client = await PGlite.create({ dataDir });
  await migrateLocalStore(client);
  return createPgliteProfileStore(client, holds);
}

/** initdb off the main thread: the edge keeps answering while it runs. */
function createInWorker(dataDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./create-database-worker.mjs', import.meta.url), {
      workerData: { dataDir, schema: LOCAL_SCHEMA },
    });
    worker.once('error', reject);
    worker.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`database creation exited with ${code}`)),
    );
  });
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The local store on an open, migrated PGlite. A profile read back from disk is parsed
 * again: a row that no longer fits the schema reads as absent, never as a wrong profile.
 */
export function createPgliteProfileStore(
  client: PGlite,
  holds: ProfileHoldOptions = {},
): LocalProfileStore {
  const { demandHoldMs, visitHoldMs } = profileHolds(holds);
  async function upsert(
    tx: Pick<PGlite, 'query'>,
    profiles: unknown[],
    source: 'sync' | 'demand',
    at: number,
    heldUntil: ReadonlyMap<string, number> = new Map(),
  ) {
    if (profiles.length === 0) return;
    // One statement for the whole page: the profiles (and their ends of stay, by id)
    // travel as JSON parameters. A lookup's copy leaves a synced row's end of stay alone,
    // and never shortens a copy's hold (a visit may have lengthened it).
    await tx.query(
      `insert into profiles (id, profile, tier, tracking, source, updated, held_until)
       select p->>'id', p, p->>'tier', (p->'consent'->>'tracking')::boolean, $2, $3,
         ($4::jsonb->>(p->>'id'))::bigint
       from jsonb_array_elements($1::jsonb) as p
       on conflict (id) do update set
         profile = excluded.profile, tier = excluded.tier, tracking = excluded.tracking,
         updated = excluded.updated,
         source = case when $2 = 'sync' then 'sync' else profiles.source end,
         held_until = case
           when $2 = 'sync' then excluded.held_until
           when profiles.source = 'sync' then profiles.held_until
           else greatest(profiles.held_until, excluded.held_until) end`,
      [JSON.stringify(profiles), source, at, JSON.stringify(Object.fromEntries(heldUntil))],
    );
  }

  return {
    async get(customerId) {
      const { rows } = await client.query(
        'select profile, source, updated from profiles where id = $1',
        [customerId],
      );
      const row = rowSchema.safeParse(rows[0]);
      if (!row.success) return null;
      const profile = customerProfileSchema.safeParse(row.data.profile);
      if (!profile.success) return null;
      const stored: StoredProfile = {
        profile: profile.data,
        source: row.data.source,
        storedAt: row.data.updated,
      };
      return stored;
    },
    async consentOf(customerId) {
      const { rows } = await client.query('select profile from profiles where id = $1', [
        customerId,
      ]);
      const row = consentRowSchema.safeParse(rows[0]);
      if (!row.success) return null;
      const consent = customerProfileSchema.shape.consent.safeParse(row.data.profile.consent);
      return consent.success ? consent.data : null;
    },
    async applySync({ upserts, erasures, removals = [], heldUntil, watermark }, at) {
      await client.transaction(async (tx) => {
        await upsert(tx, upserts, 'sync', at, heldUntil);
        if (erasures.length > 0) {
          await tx.query(
            'delete from profiles where id in (select jsonb_array_elements_text($1::jsonb))',
            [JSON.stringify(erasures)],
          );
        }
        // A customer who left the selection but visited here since, unknown to the cloud
        // yet, stays for that visit's hold (the cloud takes them back once it hears of it).
        if (removals.length > 0) {
          await tx.query(
            `delete from profiles where id in (select jsonb_array_elements_text($1::jsonb))
             and coalesce(visit_held_until, 0) <= $2`,
            [JSON.stringify(removals), at],
          );
        }
        await tx.query(
          `insert into sync_state (id, watermark, applied_at) values (1, $1, $2)
           on conflict (id) do update set watermark = excluded.watermark, applied_at = excluded.applied_at`,
          [watermark, at],
        );
      });
    },
    async putFetched(profile, at) {
      await upsert(client, [profile], 'demand', at, new Map([[profile.id, at + demandHoldMs]]));
    },
    async noteVisit(customerId, at) {
      // A copy kept before holds existed (null) counts as held from its fetch.
      await client.query(
        `update profiles set visit_held_until = greatest(visit_held_until, $2)
         where id = $1 and (held_until is not null or source = 'demand')`,
        [customerId, at + visitHoldMs],
      );
    },
    async forget(customerId) {
      await client.query('delete from profiles where id = $1', [customerId]);
    },
    async pruneExpired(now) {
      const { rows } = await client.query(
        `delete from profiles
         where coalesce(visit_held_until, 0) <= $1
           and (held_until <= $1 or (source = 'demand' and held_until is null and updated <= $2))
         returning id`,
        [now, now - demandHoldMs],
      );
      const gone = idRowsSchema.safeParse(rows);
      return gone.success ? gone.data.map((row) => row.id).sort() : [];
    },
    async search(query, limit) {
      const { rows } = await client.query(searchStatement(query), [
        ...searchParameters(query),
        limit,
      ]);
      const found = z.array(z.object({ profile: z.unknown() })).safeParse(rows);
      if (!found.success) return [];
      return found.data.flatMap(({ profile }) => {
        const parsed = customerProfileSchema.safeParse(profile);
        return parsed.success ? [parsed.data] : [];
      });
    },
    async watermark() {
      const { rows } = await client.query('select watermark from sync_state where id = 1');
      const row = watermarkRowSchema.safeParse(rows[0]);
      return row.success ? row.data.watermark : null;
    },
    async count() {
      const { rows } = await client.query('select count(*) as n from profiles');
      const row = countSchema.safeParse(rows[0]);
      return row.success ? row.data.n : 0;
    },
    async close() {
      await client.close();
    },
  };
}

const fold = (path: string) =>
  `translate(lower(profile->>'${path}'), '${NAME_FOLD_FROM}', '${NAME_FOLD_TO}')`;
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/**
 * A client search over the profiles held here: a scan of this store's selection (the
 * fallback while the cloud is away, not the organisation's index). `$n` is the last
 * parameter, the limit.
 */
function searchStatement(query: CustomerQuery): string {
  const order = `order by ${fold('lastName')}, ${fold('firstName')}, id`;
  if (query.kind === 'name') {
    const words = query.words.map(
      (_, index) =>
        `(${fold('firstName')} like $${index + 1} or ${fold('lastName')} like $${index + 1})`,
    );
    return `select profile from profiles where ${words.join(' and ')} ${order} limit $${words.length + 1}`;
  }
  if (query.kind === 'email') {
    return `select profile from profiles
      where lower(regexp_replace(profile->>'email', '\\s', '', 'g')) in ($1, $2)
         or regexp_replace(split_part(lower(regexp_replace(profile->>'email', '\\s', '', 'g')), '@', 1), '\\+.*$|\\.', '', 'g')
            || '@' || split_part(lower(regexp_replace(profile->>'email', '\\s', '', 'g')), '@', 2) = $2
      ${order} limit $3`;
  }
  return `select profile from profiles
    where regexp_replace(profile->>'phone', '[^0-9]', '', 'g') = $1
       or right(regexp_replace(profile->>'phone', '[^0-9]', '', 'g'), ${PHONE_TAIL_DIGITS}) = $2
    ${order} limit $3`;
}

function searchParameters(query: CustomerQuery): string[] {
  if (query.kind === 'name') return query.words.map((word) => `${escapeLike(word)}%`);
  if (query.kind === 'email') return [query.email, canonicalEmailOf(query.email)];
  return [query.digits, phoneTailOf(query.digits)];
}
