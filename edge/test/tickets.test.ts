import type { EventTicketClaims, IngestEvent } from '@vitrine/shared';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEdgeConfig } from '../src/config/edge-config.ts';
import { type RunningEdge, startEdge } from '../src/main.ts';
import { createEdgeMetrics } from '../src/observability/edge-metrics.ts';
import { createMemoryProfileStore } from '../src/store/memory-profile-store.ts';
import { cloudFeeds, ticketClaims, ticketCode } from './support/codes.ts';
import { type Harness, startHarness } from './support/edge-harness.ts';
import { createOrganisationKey } from './support/passes.ts';
import { connectScanner, type Scanner } from './support/scanner.ts';
import { waitFor } from './support/wait.ts';

let h: Harness;
let aiko: string;
let kiosk: Scanner;
const feeds = cloudFeeds();
const REVOKED = 'tkt_revoked-at-start';

beforeAll(async () => {
  // Revoked in the cloud before the edge starts: the first identity sync brings it.
  feeds.ticketRevocations.push({
    ticketId: REVOKED,
    revokedAt: new Date().toISOString(),
    ticketExpiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  });
  // Keys and revocations are synced every 100 ms, so a revocation arrives within a test.
  h = await startHarness({ env: { EDGE_IDENTITY_SYNC_MS: '100' }, deps: { fetch: feeds.fetch } });
  aiko = await h.tokenFor('aiko');
  kiosk = await connectScanner(h.edge.mqttUrl, h.storeId, 'kiosk.door-1');
});
afterAll(async () => {
  await kiosk?.close();
  await h?.close();
});

function scanAtDoor(code: string, edgeUrl = h.edge.httpUrl) {
  return fetch(`${edgeUrl}/api/scans`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${aiko}` },
    body: JSON.stringify({ code }),
  });
}

async function statusAndBody(response: Response) {
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const ticket = (overrides: Partial<EventTicketClaims> = {}) =>
  ticketCode(h.cloud.organisationKey, ticketClaims(h.storeId, overrides));

describe('an associate scans event tickets at the door', () => {
  it('admits as many people as the ticket says, then refuses it as already used', async () => {
    const claims = ticketClaims(h.storeId, { admits: 3 });
    const code = await ticketCode(h.cloud.organisationKey, claims);
    const admissions = [];
    for (let i = 0; i < 3; i++) admissions.push(await statusAndBody(await scanAtDoor(code)));
    expect(admissions).toEqual(
      [1, 2, 3].map((admission) => ({
        status: 201,
        body: {
          admission: {
            ticketId: claims.jti,
            eventId: 'evt_q3-launch',
            customerId: 'cus_000001',
            admission,
            admits: 3,
          },
        },
      })),
    );
    const fourth = await statusAndBody(await scanAtDoor(code));
    expect(fourth).toMatchObject({ status: 409, body: { error: { code: 'already_used' } } });
    expect(
      await h.counter('vitrine_edge_codes_refused_total', {
        format: 'ticket',
        reason: 'already_used',
      }),
    ).toBe(1);
  });

  it('reports each admission to the cloud through the outbox', async () => {
    const claims = ticketClaims(h.storeId, { admits: 1 });
    expect((await scanAtDoor(await ticketCode(h.cloud.organisationKey, claims))).status).toBe(201);
    const reported: IngestEvent = await waitFor(
      () => feeds.ingested.find((event) => event.key === `ticket-admission:${claims.jti}-1`),
      { what: 'the admission in the cloud' },
    );
    expect(reported).toMatchObject({
      kind: 'ticket-admission',
      store: h.storeId,
      data: { ticketId: claims.jti, customerId: 'cus_000001', via: 'associate-scan' },
    });
  });

  const refusals = [
    {
      name: 'a ticket for another store',
      code: () => ticketCode(h.cloud.organisationKey, ticketClaims('sto_paris-rivoli')),
      status: 422,
      reason: 'wrong_store',
    },
    {
      name: 'a ticket before its doors open',
      code: () => ticket({ nbf: Math.floor(Date.now() / 1000) + 600 }),
      status: 422,
      reason: 'ticket_not_yet_valid',
    },
    {
      name: 'an expired ticket',
      code: () =>
        ticket({
          nbf: Math.floor(Date.now() / 1000) - 7200,
          exp: Math.floor(Date.now() / 1000) - 1,
        }),
      status: 422,
      reason: 'ticket_expired',
    },
    {
      name: 'a ticket the cloud revoked',
      code: () => ticket({ jti: REVOKED }),
      status: 422,
      reason: 'ticket_revoked',
    },
    {
      name: 'a ticket of another organisation',
      code: async () =>
        ticketCode(
          await createOrganisationKey(),
          ticketClaims(h.storeId, { org: 'org_elsewhere' }),
        ),
      status: 422,
      reason: 'unknown_key',
    },
    {
      name: 'a ticket of another organisation, signed by a key the cloud shares with ours',
      code: () =>
        ticketCode(h.cloud.organisationKey, ticketClaims(h.storeId, { org: 'org_elsewhere' })),
      status: 422,
      reason: 'wrong_organisation',
    },
    {
      name: 'a forged ticket',
      code: async () =>
        ticketCode(
          { ...(await createOrganisationKey()), kid: h.cloud.organisationKey.kid },
          ticketClaims(h.storeId),
        ),
      status: 422,
      reason: 'forged_signature',
    },
    {
      name: 'a truncated ticket',
      code: async () => (await ticket()).slice(0, -20),
      status: 422,
      reason: 'tampered',
    },
  ];

  it.each(refusals)('refuses $name with $status $reason, counted', async (c) => {
    const { status, body } = await statusAndBody(await scanAtDoor(await c.code()));
    expect(status).toBe(c.status);
    expect(body).toMatchObject({ error: { code: c.reason } });
    expect(
      await h.counter('vitrine_edge_codes_refused_total', { format: 'ticket', reason: c.reason }),
    ).toBeGreaterThanOrEqual(1);
  });
});

describe('a ticket revoked in the cloud while the door is open', () => {
  it('is refused from the next sync on, after admitting before it', async () => {
    const claims = ticketClaims(h.storeId, { admits: 4 });
    const code = await ticketCode(h.cloud.organisationKey, claims);
    expect((await scanAtDoor(code)).status).toBe(201);
    const synced = await h.counter('vitrine_edge_identity_syncs_total', {
      feed: 'ticket-revocations',
      outcome: 'ok',
    });
    feeds.ticketRevocations.push({
      ticketId: claims.jti,
      revokedAt: new Date().toISOString(),
      ticketExpiresAt: new Date(claims.exp * 1000).toISOString(),
    });
    // A round counts its feeds before it applies them, and rounds never overlap: the third
    // count from now is a round begun after the one that brought the revocation ended.
    await h.waitForCounter(
      'vitrine_edge_identity_syncs_total',
      { feed: 'ticket-revocations', outcome: 'ok' },
      synced + 3,
    );
    const refused = await statusAndBody(await scanAtDoor(code));
    expect(refused).toMatchObject({ status: 422, body: { error: { code: 'ticket_revoked' } } });
  });
});

describe('a kiosk scans event tickets at the door', () => {
  it('is answered on its own topic with the admission, and no name', async () => {
    const claims = ticketClaims(h.storeId, { admits: 1 });
    const scanId = await kiosk.scan({ code: await ticketCode(h.cloud.organisationKey, claims) });
    expect(await kiosk.answer(scanId)).toEqual({
      outcome: 'admitted',
      scanId,
      ticketId: claims.jti,
      eventId: 'evt_q3-launch',
      admission: 1,
      admits: 1,
    });
    expect(kiosk.raw().join('\n')).not.toContain('cus_000001');
  });

  it('admits once for a scan delivered twice, and refuses the next person', async () => {
    const claims = ticketClaims(h.storeId, { admits: 1 });
    const code = await ticketCode(h.cloud.organisationKey, claims);
    const first = await kiosk.scan({ code });
    await kiosk.answer(first);
    await kiosk.scan({ code }, { id: first });
    await waitFor(() => (kiosk.count(first) >= 2 ? true : undefined), {
      what: 'the second answer',
    });
    expect(await kiosk.answer(first)).toMatchObject({ outcome: 'admitted', admission: 1 });
    const next = await kiosk.scan({ code });
    expect(await kiosk.answer(next)).toMatchObject({
      outcome: 'refused',
      reason: 'already_used',
    });
  });
});

describe('admissions across a restart', () => {
  it('keeps the admissions made before the edge stopped', async () => {
    const claims = ticketClaims(h.storeId, { admits: 2 });
    const code = await ticketCode(h.cloud.organisationKey, claims);
    expect((await scanAtDoor(code)).status).toBe(201);
    await h.edge.stop();
    let restarted: RunningEdge | undefined;
    try {
      restarted = await startEdge(
        loadEdgeConfig({
          EDGE_STORE_ID: h.storeId,
          EDGE_CLOUD_URL: h.cloud.url,
          EDGE_CLOUD_TOKEN: h.cloud.edgeToken,
          EDGE_DATA_DIR: h.dataDir,
          EDGE_HTTP_PORT: '0',
          EDGE_MQTT_PORT: '0',
          MQTT_URL: process.env.MQTT_URL,
          LOG_LEVEL: 'silent',
        }),
        {
          logger: pino({ level: 'silent' }),
          metrics: createEdgeMetrics({ defaultMetrics: false }),
          localStore: createMemoryProfileStore(),
          fetch: feeds.fetch,
        },
      );
      const second = await statusAndBody(await scanAtDoor(code, restarted.httpUrl));
      expect(second).toMatchObject({ status: 201, body: { admission: { admission: 2 } } });
      const third = await statusAndBody(await scanAtDoor(code, restarted.httpUrl));
      expect(third).toMatchObject({ status: 409, body: { error: { code: 'already_used' } } });
    } finally {
      await restarted?.stop();
    }
  });
});
