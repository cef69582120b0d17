/**
 * Two associates of the store on their tablets, the real edge and the real cloud (embedded,
 * or PostgreSQL and Mosquitto with DATABASE_URL and MQTT_URL): a customer checks in, one
 * associate acknowledges and claims, the other sees it taken and is refused, an outcome is
 * recorded; the claim survives an edge restart; the cloud's alerts report counts the
 * acknowledgement and its time to acknowledge.
 */
import type {
  ArrivalAlert,
  ArrivalClaim,
  ArrivalClaims,
  ClaimReply,
  ClaimRequestEvent,
} from '@vitrine/shared';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RealCloudEdge, startRealCloudEdge } from './support/real-cloud-edge.ts';
import { waitFor } from './support/wait.ts';

const STORE = 'sto_tokyo-ginza';
const CUSTOMER = 'cus_000011';

interface Tablet {
  socket: Socket;
  alerts: ArrivalAlert[];
  /** The latest state of each claim seen, by alert id. */
  claims: Map<string, ArrivalClaim>;
  /** How many full lists (`claims`) arrived: one per connect. */
  lists: number;
  ask(event: ClaimRequestEvent, request: unknown): Promise<ClaimReply>;
}

let store: RealCloudEdge;
const tablets: Tablet[] = [];

async function openTablet(email: string): Promise<Tablet> {
  const token = await store.login(email, 'edge');
  const socket = io(store.edge.httpUrl, { auth: { token }, transports: ['websocket'] });
  const tablet: Tablet = {
    socket,
    alerts: [],
    claims: new Map(),
    lists: 0,
    ask: (event, request) => socket.timeout(5_000).emitWithAck(event, request),
  };
  socket.on('alert', (alert: ArrivalAlert) => tablet.alerts.push(alert));
  socket.on('claims', (list: ArrivalClaims) => {
    tablet.lists += 1;
    for (const claim of list.items) tablet.claims.set(claim.alertId, claim);
  });
  socket.on('claim', (claim: ArrivalClaim) => tablet.claims.set(claim.alertId, claim));
  tablets.push(tablet);
  await waitFor(async () => (tablet.lists > 0 ? true : undefined), { what: `${email} connected` });
  return tablet;
}

beforeAll(async () => {
  store = await startRealCloudEdge({ storeId: STORE, phoneId: 'app-claims' });
}, 180_000);

afterAll(async () => {
  for (const tablet of tablets) tablet.socket.disconnect();
  await store?.stop();
});

it('lets one associate take an arrival, shows it to the other, and reports the acknowledgement to analytics', async () => {
  const wallet = await store.enrol(CUSTOMER);
  const aiko = await openTablet('aiko@vitrine.demo');
  const kenji = await openTablet('kenji@vitrine.demo');

  await store.checkIn(wallet);
  const alert = await waitFor(async () => kenji.alerts.find((a) => a.customerId === CUSTOMER), {
    what: 'the arrival on the tablets',
  });

  // A bad request is answered with the field at fault, and counted.
  expect(await aiko.ask('arrival:claim', { alertId: 'nope' })).toMatchObject({
    ok: false,
    error: { code: 'validation_failed', field: 'alertId' },
  });
  expect(
    await aiko.ask('arrival:outcome', { alertId: alert.alertId, outcome: 'maybe' }),
  ).toMatchObject({ ok: false, error: { field: 'outcome' } });
  expect(
    await store.counter('vitrine_edge_claim_requests_total', { outcome: 'validation_failed' }),
  ).toBe(2);

  expect(await kenji.ask('alert:acknowledge', { alertId: alert.alertId })).toMatchObject({
    ok: true,
    claim: { acknowledged: { associateId: 'asc_kenji' }, claimedBy: null },
  });
  expect(await aiko.ask('arrival:claim', { alertId: alert.alertId })).toMatchObject({
    ok: true,
    claim: { claimedBy: { associateId: 'asc_aiko', name: 'Aiko Tanaka' } },
  });
  await waitFor(
    async () =>
      kenji.claims.get(alert.alertId)?.claimedBy?.associateId === 'asc_aiko' ? true : undefined,
    { what: "Aiko's claim on Kenji's tablet" },
  );
  const refused = await kenji.ask('arrival:claim', { alertId: alert.alertId });
  expect(refused).toMatchObject({ ok: false, error: { code: 'claimed_by_colleague' } });
  expect(!refused.ok && refused.error.message).toContain('Aiko Tanaka');
  expect(
    await aiko.ask('arrival:outcome', {
      alertId: alert.alertId,
      outcome: 'purchase',
      note: 'the grey cashmere scarf',
    }),
  ).toMatchObject({ ok: true, claim: { outcomes: [{ outcome: 'purchase' }] } });

  // After a restart, a reconnecting tablet gets the claim as it stood.
  for (const tablet of tablets.splice(0)) tablet.socket.disconnect();
  await store.restartEdge();
  const again = await openTablet('kenji@vitrine.demo');
  expect(again.claims.get(alert.alertId)).toMatchObject({
    claimedBy: { associateId: 'asc_aiko' },
    acknowledged: { associateId: 'asc_kenji' },
    outcomes: [{ outcome: 'purchase', note: 'the grey cashmere scarf' }],
  });
  // The restarted edge still refuses a second claim, and keeps its revisions going.
  expect(await again.ask('arrival:claim', { alertId: alert.alertId })).toMatchObject({
    ok: false,
    error: { code: 'claimed_by_colleague' },
  });

  const keys = await waitFor(
    async () => {
      const stored = await store.cloud.keysOf(STORE);
      return stored.some((key) => key.startsWith('arrival-outcome:')) ? stored : undefined;
    },
    { timeoutMs: 20_000, what: 'the claims in the cloud' },
  );
  expect(keys.filter((key) => key.includes(alert.alertId)).sort()).toEqual([
    `alert-ack:${alert.alertId}`,
    `arrival-claim:${alert.alertId}-r2`,
    `arrival-outcome:${alert.alertId}-r3`,
  ]);

  const previous = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const next = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const report = await fetch(
    `${store.cloud.url}/v1/analytics/alerts?storeId=${STORE}&from=${previous}&to=${next}`,
    { headers: { authorization: `Bearer ${await store.login('admin@vitrine.demo')}` } },
  );
  expect(report.status).toBe(200);
  const { rows } = (await report.json()) as {
    rows: { delivered: number; acknowledged: number; ackP50S: number | null }[];
  };
  expect(rows.reduce((sum, row) => sum + row.delivered, 0)).toBe(1);
  expect(rows.reduce((sum, row) => sum + row.acknowledged, 0)).toBe(1);
  const [row] = rows.filter((r) => r.acknowledged === 1);
  // From the push to Kenji's acknowledgement: seconds at most, never negative.
  expect(row?.ackP50S).toBeGreaterThanOrEqual(0);
  expect(row?.ackP50S).toBeLessThan(30);
}, 90_000);
