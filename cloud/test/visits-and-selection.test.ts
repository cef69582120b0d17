/**
 * Check-ins reported by edges become visits in the one customer view and in the stores'
 * selections; customers leave a store's selection on a change (a removal in the delta)
 * or in time (each upsert says when); an erased customer is never brought back by a late
 * report. Runs on PGlite, or on PostgreSQL with DATABASE_URL.
 */
import {
  customerProfileSchema,
  type IngestEvent,
  ingestResponseSchema,
  type ProfileSyncItem,
  profileSyncPageSchema,
} from '@vitrine/shared';
import { eq, type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers } from '../src/db/schema.ts';
import { ingestedEvents } from '../src/db/schema-ingest.ts';
import { visits } from '../src/db/schema-visits.ts';
import { lockProfileFeed, recordProfileChanges } from '../src/sync/profile-change-log.ts';
import { createCaller } from './support/sync-helpers.ts';
import { createTestCloud, loginAs, SEED_NOW, type TestCloud } from './support/test-app.ts';

const PARIS = 'sto_paris-rivoli';
const TOKYO = 'sto_tokyo-ginza';
const DAY = 86_400_000;

let cloud: TestCloud;
let api: ReturnType<typeof createCaller>;
let admin: string;
const edge: Record<string, string> = {};

beforeAll(async () => {
  cloud = await createTestCloud({ customers: 60 });
  api = createCaller(cloud);
  admin = await loginAs(cloud, 'admin@vitrine.demo');
  edge[PARIS] = await api.edgeToken(admin, PARIS);
  edge[TOKYO] = await api.edgeToken(admin, TOKYO);
}, 60_000);
afterAll(() => cloud?.close());

async function rows<T>(query: SQL): Promise<T[]> {
  const result = await cloud.database.db.execute(query);
  return (Array.isArray(result) ? result : (result as unknown as { rows: T[] }).rows) as T[];
}

/** Customers of neither this home store nor a top tier, never seen in `storeId`. */
async function strangersTo(storeId: string): Promise<string[]> {
  const found = await rows<{ id: string }>(sql`
    select c.id from customers c
    where c.home_store_id <> ${storeId} and c.tier in ('member', 'silver')
      and not exists (select 1 from purchases p where p.customer_id = c.id and p.store_id = ${storeId})
      and not exists (select 1 from visits v where v.customer_id = c.id and v.store_id = ${storeId})
    order by c.id`);
  return found.map((row) => row.id);
}

let sequence = 0;
function checkIn(storeId: string, customerId: string, occurredAt: Date): IngestEvent {
  sequence += 1;
  const messageId = `msg_visit${String(sequence).padStart(6, '0')}`;
  return {
    key: `check-in:${messageId}`,
    kind: 'check-in',
    store: storeId,
    occurredAt: occurredAt.toISOString(),
    data: { messageId, customerId, method: 'kiosk', clientId: 'kiosk.door-1' },
  };
}

async function report(storeId: string, events: IngestEvent[]) {
  const response = await api.call('/v1/ingest', {
    token: edge[storeId],
    method: 'POST',
    body: { events },
  });
  expect(response.status).toBe(200);
  return api.read(response, ingestResponseSchema);
}

async function page(storeId: string, since: string) {
  const response = await api.call(
    `/v1/stores/${storeId}/sync/profiles?since=${encodeURIComponent(since)}&limit=1000`,
    { token: edge[storeId] },
  );
  expect(response.status).toBe(200);
  return api.read(response, profileSyncPageSchema);
}

/** The whole selection from a snapshot, and the position to read deltas from. */
async function snapshot(storeId: string) {
  const items: ProfileSyncItem[] = [];
  let watermark = '0';
  for (;;) {
    const next = await page(storeId, watermark);
    items.push(...next.items);
    watermark = next.watermark;
    if (!next.more) return { items, watermark };
  }
}

const idOf = (item: ProfileSyncItem) =>
  item.kind === 'upsert' ? item.profile.id : item.customerId;

/** A change made by a writer of the customer record (a CRM import, say), through the feed. */
async function changeCustomer(customerId: string, values: Partial<typeof customers.$inferInsert>) {
  await cloud.database.db.transaction(async (tx) => {
    await lockProfileFeed(tx);
    await tx.update(customers).set(values).where(eq(customers.id, customerId));
    await recordProfileChanges(tx, {
      organisationId: cloud.manifest.organisationId,
      customerIds: [customerId],
      kind: 'upsert',
    });
  });
}

describe('visits', () => {
  it('records a check-in reported twice as one visit, shown in the one customer view', async () => {
    const [customerId = ''] = await strangersTo(TOKYO);
    const visitedAt = new Date(SEED_NOW.getTime() - 2 * DAY);
    const event = checkIn(TOKYO, customerId, visitedAt);
    expect(await report(TOKYO, [event])).toEqual({ accepted: [event.key], duplicates: [] });
    expect(await report(TOKYO, [event])).toEqual({ accepted: [], duplicates: [event.key] });
    const stored = await cloud.database.db
      .select()
      .from(visits)
      .where(eq(visits.customerId, customerId));
    expect(stored).toHaveLength(1);

    const response = await api.call(`/v1/customers/${customerId}/profile`, { token: admin });
    const profile = await api.read(response, customerProfileSchema);
    expect(profile.recentVisits?.[0]).toEqual({
      storeId: TOKYO,
      storeName: expect.any(String),
      visitedAt: visitedAt.toISOString(),
      method: 'kiosk',
    });
  });

  it('brings a visitor from elsewhere into the store, until twelve months after the visit', async () => {
    const tokyo = await snapshot(TOKYO);
    const [customerId = ''] = await strangersTo(TOKYO);
    expect(tokyo.items.map(idOf)).not.toContain(customerId);

    const visitedAt = new Date(SEED_NOW.getTime() - 3 * DAY);
    await report(TOKYO, [checkIn(TOKYO, customerId, visitedAt)]);
    const delta = await page(TOKYO, tokyo.watermark);
    const held = delta.items.find((item) => idOf(item) === customerId);
    expect(held).toMatchObject({ kind: 'upsert', heldUntil: '2027-10-29T09:00:00.000Z' });

    // A later change of the visitor reaches the store they visited.
    const consent = await api.call(`/v1/customers/${customerId}/consent`, {
      token: admin,
      method: 'PUT',
      body: { tracking: true, marketing: false, profiling: true },
    });
    expect(consent.status).toBe(200);
    const later = await page(TOKYO, delta.watermark);
    expect(later.items).toEqual([
      expect.objectContaining({
        kind: 'upsert',
        profile: expect.objectContaining({ id: customerId }),
      }),
    ]);
    expect((await snapshot(TOKYO)).items.map(idOf)).toContain(customerId);
  });

  it('says when each customer of the selection leaves it if nothing changes', async () => {
    const { items } = await snapshot(PARIS);
    const expected = new Map(
      (
        await rows<{ id: string; held_until: Date | string | null }>(sql`
          select c.id,
            case when c.home_store_id = ${PARIS} or c.tier in ('gold', 'platinum') then null
                 else greatest(
                   (select max(purchased_at) from purchases where customer_id = c.id and store_id = ${PARIS}),
                   (select max(visited_at) from visits where customer_id = c.id and store_id = ${PARIS})
                 ) + interval '12 months' end as held_until
          from customers c`)
      ).map((row) => [
        row.id,
        row.held_until === null ? null : new Date(row.held_until).toISOString(),
      ]),
    );
    const upserts = items.flatMap((item) => (item.kind === 'upsert' ? [item] : []));
    expect(upserts.some((item) => item.heldUntil !== null)).toBe(true);
    expect(upserts.some((item) => item.heldUntil === null)).toBe(true);
    for (const item of upserts) {
      expect(item.heldUntil, item.profile.id).toBe(expected.get(item.profile.id));
      if (item.heldUntil) expect(Date.parse(item.heldUntil)).toBeGreaterThan(SEED_NOW.getTime());
    }
  });
});

describe('leaving the selection', () => {
  it('removes a customer whose tier dropped from the stores that held them for it', async () => {
    const [gold] = await rows<{ id: string; home: string }>(sql`
      select c.id, c.home_store_id as home from customers c
      where c.tier = 'gold' and c.home_store_id <> ${TOKYO}
        and not exists (select 1 from purchases p where p.customer_id = c.id and p.store_id = ${TOKYO})
      order by c.id limit 1`);
    if (gold === undefined) throw new Error('the seed has no gold customer away from Tokyo');
    const tokyo = await snapshot(TOKYO);
    expect(tokyo.items.map(idOf)).toContain(gold.id);

    await changeCustomer(gold.id, { tier: 'member' });
    const delta = await page(TOKYO, tokyo.watermark);
    expect(delta.items).toEqual([{ kind: 'remove', customerId: gold.id }]);
    expect((await snapshot(TOKYO)).items.map(idOf)).not.toContain(gold.id);
  });

  it('moves a customer whose home store moved: removed from the old, upserted in the new', async () => {
    const [moving = ''] = await strangersTo(PARIS);
    const [row] = await rows<{ home: string }>(
      sql`select home_store_id as home from customers where id = ${moving}`,
    );
    const from = row?.home ?? '';
    expect(from).not.toBe(PARIS);
    const before = { old: await snapshot(from), paris: await snapshot(PARIS) };
    expect(before.old.items.map(idOf)).toContain(moving);

    await changeCustomer(moving, { homeStoreId: PARIS });
    const leaving = await page(from, before.old.watermark);
    const arriving = await page(PARIS, before.paris.watermark);
    const purchasedInOld = await rows<{ n: number }>(
      sql`select 1 as n from purchases where customer_id = ${moving} and store_id = ${from} and purchased_at >= ${new Date(SEED_NOW.getTime() - 365 * DAY).toISOString()}::timestamptz`,
    );
    // A recent buyer in the old store stays there as a visitor; anyone else leaves it.
    expect(leaving.items.map((item) => item.kind)).toEqual([
      purchasedInOld.length > 0 ? 'upsert' : 'remove',
    ]);
    expect(arriving.items).toEqual([expect.objectContaining({ kind: 'upsert', heldUntil: null })]);
  });
});

describe('erasure and late reports', () => {
  it('accepts a report about an erased customer and keeps no trace of who it was', async () => {
    const [customerId = ''] = await strangersTo(PARIS);
    const erased = await api.call(`/v1/customers/${customerId}`, {
      token: admin,
      method: 'DELETE',
    });
    expect(erased.status).toBe(204);

    const event = checkIn(PARIS, customerId, new Date(SEED_NOW.getTime() - DAY));
    expect(await report(PARIS, [event])).toEqual({ accepted: [event.key], duplicates: [] });
    expect(await report(PARIS, [event])).toEqual({ accepted: [], duplicates: [event.key] });
    const [row] = await cloud.database.db
      .select()
      .from(ingestedEvents)
      .where(eq(ingestedEvents.id, event.key));
    expect(row?.customerId).toBeNull();
    expect(row?.payload).toEqual({
      messageId: event.data.messageId,
      method: 'kiosk',
      erased: true,
    });
    expect(await traces(customerId)).toEqual({ events: 0, visits: 0, changesOtherThanErasure: 0 });
  });

  it('anonymises what was reported about a customer before their erasure', async () => {
    const [customerId = ''] = await strangersTo(PARIS);
    await report(PARIS, [checkIn(PARIS, customerId, new Date(SEED_NOW.getTime() - DAY))]);
    expect((await traces(customerId)).visits).toBe(1);
    const erased = await api.call(`/v1/customers/${customerId}`, {
      token: admin,
      method: 'DELETE',
    });
    expect(erased.status).toBe(204);
    expect(await traces(customerId)).toMatchObject({ events: 0, visits: 0 });
  });
});

/** Where a customer id could still be found after an erasure. */
async function traces(customerId: string) {
  const [events] = await rows<{ n: number | string }>(
    sql`select count(*) as n from ingested_events where customer_id = ${customerId} or payload::text like ${`%${customerId}%`}`,
  );
  const [visited] = await rows<{ n: number | string }>(
    sql`select count(*) as n from visits where customer_id = ${customerId}`,
  );
  const [changes] = await rows<{ n: number | string }>(
    sql`select count(*) as n from profile_changes where customer_id = ${customerId} and kind <> 'erase'
        and seq > coalesce((select max(seq) from profile_changes where customer_id = ${customerId} and kind = 'erase'), 0)`,
  );
  return {
    events: Number(events?.n),
    visits: Number(visited?.n),
    changesOtherThanErasure: Number(changes?.n),
  };
}
