/**
 * A check-in queued at the edge while the cloud's ingest is down; the customer is erased
 * in the cloud meanwhile; the erasure reaches the edge by its sync; the cloud comes back.
 * The cloud then holds nothing of that customer: the edge dropped the queued reports
 * before uploading them. The real edge (startEdge) and the real cloud, embedded or on
 * PostgreSQL and Mosquitto (DATABASE_URL, MQTT_URL).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RealCloudEdge, startRealCloudEdge } from './support/real-cloud-edge.ts';
import { waitFor } from './support/wait.ts';

const STORE = 'sto_tokyo-ginza';
const CUSTOMER = 'cus_000007';

let store: RealCloudEdge;
let admin: string;

beforeAll(async () => {
  store = await startRealCloudEdge({ storeId: STORE, phoneId: 'app-erasure', syncIntervalMs: 100 });
  admin = await store.login('admin@vitrine.demo');
}, 180_000);

afterAll(async () => {
  await store?.stop();
});

/** Every row of the cloud that still names the customer. */
async function tracesInCloud(customerId: string): Promise<number> {
  const result = await store.cloud.runtime.database.db.execute(sql`
    select (select count(*) from ingested_events
            where customer_id = ${customerId} or payload::text like ${`%${customerId}%`})
         + (select count(*) from visits where customer_id = ${customerId}) as n`);
  const rows = Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows;
  const [row] = rows as { n: number | string }[];
  return Number(row?.n);
}

it('uploads nothing of a customer erased while their check-in waited in the outbox', async () => {
  const wallet = await store.enrol(CUSTOMER);
  store.cloud.mode = 'down';
  const checkIn = await store.checkIn(wallet);
  await store.atLeast('vitrine_edge_outbox_appended_total', { kind: 'check-in' });
  await store.atLeast('vitrine_edge_outbox_appended_total', { kind: 'alert' });
  await store.atLeast('vitrine_edge_outbox_upload_failures_total', {});

  const erased = await fetch(`${store.cloud.url}/v1/customers/${CUSTOMER}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${admin}` },
  });
  expect(erased.status).toBe(204);
  await store.atLeast('vitrine_edge_sync_items_applied_total', { kind: 'erase' });

  store.cloud.mode = 'up';
  await store.atLeast('vitrine_edge_outbox_dropped_erased_total', {}, 2);
  await waitFor(
    async () => ((await store.counter('vitrine_edge_outbox_pending')) === 0 ? true : undefined),
    { timeoutMs: 20_000, what: 'the outbox drained' },
  );
  expect(
    await store.counter('vitrine_edge_outbox_dropped_erased_total', { kind: 'check-in' }),
  ).toBe(1);
  expect(await store.cloud.keysOf(STORE)).not.toContain(`check-in:${checkIn.id}`);
  expect(await tracesInCloud(CUSTOMER)).toBe(0);
}, 90_000);
