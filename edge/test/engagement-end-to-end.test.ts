/**
 * The real cloud (seeded demo with its campaigns, PGlite or PostgreSQL) and the real edge
 * (embedded aedes or MQTT_URL): the edge takes the store's catalogue from the cloud's
 * engagement feed, a top-tier customer checks in, the store's associate gets the VIP
 * welcome's suggestion, and the cloud stores the delivery the edge reported.
 */
import type { CampaignSuggestion } from '@vitrine/shared';
import { sql } from 'drizzle-orm';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RealCloudEdge, startRealCloudEdge } from './support/real-cloud-edge.ts';
import { waitFor } from './support/wait.ts';

const STORE = 'sto_tokyo-ginza';
const VIP_WELCOME = 'cmp_demo-vip-welcome-tokyo-ginza';

let store: RealCloudEdge;
let associate: Socket;
const suggestions: CampaignSuggestion[] = [];

beforeAll(async () => {
  store = await startRealCloudEdge({
    storeId: STORE,
    phoneId: 'app-engagement-e2e',
    syncIntervalMs: 200,
  });
  associate = io(store.edge.httpUrl, {
    auth: { token: await store.login('aiko@vitrine.demo') },
    reconnection: false,
    transports: ['websocket'],
  });
  associate.on('suggestion', (suggestion: CampaignSuggestion) => suggestions.push(suggestion));
  await new Promise<void>((resolve, reject) => {
    associate.on('hello', () => resolve());
    associate.on('connect_error', reject);
  });
}, 180_000);

afterAll(async () => {
  associate?.disconnect();
  await store?.stop();
});

/** A seeded top-tier customer who agreed to profiling: the VIP welcome's audience. */
async function topTierCustomer(): Promise<string> {
  const result = await store.cloud.runtime.database.db.execute(sql`
    select id from customers
    where tier = 'platinum' and consent_profiling and consent_tracking
    order by id limit 1`);
  const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
  const [row] = rows as { id: string }[];
  if (!row) throw new Error('the demo has no top-tier customer');
  return row.id;
}

it('suggests the VIP welcome to the associate and the cloud stores the delivery', async () => {
  await waitFor(
    async () =>
      (await store.counter('vitrine_edge_engagement_catalogue_syncs_total', {
        outcome: 'changed',
      })) > 0
        ? true
        : undefined,
    { timeoutMs: 20_000, what: 'the catalogue from the cloud' },
  );
  const customerId = await topTierCustomer();
  await store.checkIn(await store.enrol(customerId));

  const suggestion = await waitFor(() => suggestions.find((s) => s.campaignId === VIP_WELCOME), {
    timeoutMs: 20_000,
    what: 'the VIP welcome suggestion',
  });
  expect(suggestion).toMatchObject({ customerId, storeId: STORE });
  expect(suggestion.suggestion).toContain('personal associate');
  const deliveryKey = await waitFor(
    async () => (await store.cloud.keysOf(STORE)).find((key) => key.startsWith('delivery:')),
    { timeoutMs: 20_000, what: 'the delivery stored by the cloud' },
  );
  expect(suggestion.suggestionId).toBe(`sug_${deliveryKey.slice('delivery:'.length)}`);
}, 90_000);
