import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ArrivalAlert,
  buildTopic,
  type CustomerProfile,
  createEnvelope,
  decodeMessage,
  type IngestEvent,
} from '@vitrine/shared';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLruTtlCache } from '../src/domain/profile-cache.ts';
import { createRecentBuffer } from '../src/domain/recent-alerts.ts';
import { createCheckInFlow, type LateOutcome } from '../src/flows/check-in-flow.ts';
import { type Downtime, openDowntimeRecord } from '../src/flows/downtime-record.ts';
import { createLateCheckInPolicy } from '../src/flows/late-check-ins.ts';
import { EMPTY_IDENTITY_STATE } from '../src/identity/identity-file.ts';
import { createIdentityMetrics } from '../src/identity/identity-metrics.ts';
import { createPresenceVerifier } from '../src/identity/presence-verifier.ts';
import { createEdgeMetrics } from '../src/observability/edge-metrics.ts';
import {
  createOrganisationKey,
  type EnrolledApp,
  enrolApp,
  type OrganisationKey,
  proofFor,
} from './support/passes.ts';

const store = 'sto_tokyo-ginza';
const silent = pino({ level: 'silent' });
// The edge stopped at DOWN and came back ten minutes later, at UP.
const DOWN = Date.parse('2026-12-02T09:00:00Z');
const UP = DOWN + 10 * 60_000;

let organisation: OrganisationKey;
let app: EnrolledApp;
beforeAll(async () => {
  organisation = await createOrganisationKey();
  app = await enrolApp(organisation, { issuedAt: Math.floor(DOWN / 1000) - 3600 });
});

/** An edge's check-in flow, with its real verifier, on a clock the test moves. */
async function edgeAfter(downtime: Downtime | null) {
  const clock = { now: UP };
  const now = () => clock.now;
  const policy = createLateCheckInPolicy({ downtime });
  const verifier = createPresenceVerifier({
    storeId: store,
    metrics: createIdentityMetrics(new Registry()),
    logger: silent,
    now,
    lateCheckIns: () => policy.window(now()),
  });
  await verifier.load({ ...EMPTY_IDENTITY_STATE, jwks: { keys: [organisation.jwk] } });
  const alerts: ArrivalAlert[] = [];
  const reported: IngestEvent[] = [];
  const late: LateOutcome[] = [];
  const flow = createCheckInFlow({
    storeId: store,
    cloud: { fetchProfile: async () => ({ outcome: 'failed', reason: 'unreachable', detail: '' }) },
    cache: createLruTtlCache<CustomerProfile>(),
    recentAlerts: createRecentBuffer(),
    pushAlert: (alert) => alerts.push(alert),
    reject: () => undefined,
    verify: (presented, source) => verifier.verify(presented, source),
    report: async (event) => {
      reported.push(event);
    },
    lateCheckIns: policy,
    countLate: (outcome) => late.push(outcome),
    metrics: createEdgeMetrics({ defaultMetrics: false }),
    logger: silent,
    now,
  });
  /** A check-in the phone made at `madeAt`, delivered now (possibly by a broker that held it). */
  async function deliver(madeAt: number, proof?: string) {
    const topic = buildTopic('checkIn', { store, clientId: 'app-1' });
    const data = {
      pass: app.pass,
      proof: proof ?? (await proofFor(app, store, madeAt)),
      method: 'app',
      clientId: 'app-1',
    };
    const envelope = createEnvelope(store, data, { at: new Date(madeAt) });
    const decoded = decodeMessage(topic, new TextEncoder().encode(JSON.stringify(envelope)));
    if (!decoded.ok || decoded.name !== 'checkIn') throw new Error('fixture does not decode');
    return { outcome: await flow.handle(decoded), proof: data.proof };
  }
  const visits = () => reported.filter((event) => event.kind === 'check-in');
  return { clock, deliver, alerts, visits, late };
}

describe('a check-in the broker held while the edge was down', () => {
  const downtime = { lastAliveAt: DOWN, startedAt: UP };

  it('is recorded as a late visit, without an alert, when too old to matter', async () => {
    const edge = await edgeAfter(downtime);
    edge.clock.now = UP + 5_000;
    const { outcome } = await edge.deliver(DOWN + 3 * 60_000);
    expect(outcome).toMatchObject({ ok: false, reason: 'stale_proof' });
    expect(edge.alerts).toHaveLength(0);
    expect(edge.visits()).toHaveLength(1);
    expect(edge.visits()[0]?.data).toMatchObject({ customerId: 'cus_000001', late: true });
    expect(edge.late).toEqual(['recorded']);
  });

  it('is still announced when the customer may be at the door', async () => {
    const edge = await edgeAfter(downtime);
    edge.clock.now = UP + 5_000;
    const { outcome } = await edge.deliver(UP - 90_000);
    expect(outcome.ok).toBe(true);
    expect(edge.alerts).toHaveLength(1);
    expect(edge.late).toEqual(['alerted']);
  });

  it('counts once: the same proof replayed in a new message is refused', async () => {
    const edge = await edgeAfter(downtime);
    edge.clock.now = UP + 5_000;
    const first = await edge.deliver(DOWN + 60_000);
    edge.clock.now = UP + 4 * 60_000;
    const replay = await edge.deliver(DOWN + 60_000, first.proof);
    expect(replay.outcome).toMatchObject({ ok: false, reason: 'replayed_nonce' });
    expect(edge.visits()).toHaveLength(1);
  });

  it('stays stale when made before the edge went down, after the grace, or with no downtime', async () => {
    const edge = await edgeAfter(downtime);
    edge.clock.now = UP + 5_000;
    const before = await edge.deliver(DOWN - 10 * 60_000);
    expect(before.outcome).toMatchObject({ ok: false, reason: 'stale_proof' });
    edge.clock.now = UP + 6 * 60_000;
    const afterGrace = await edge.deliver(DOWN + 60_000);
    expect(afterGrace.outcome).toMatchObject({ ok: false, reason: 'stale_proof' });
    const firstStart = await edgeAfter(null);
    firstStart.clock.now = UP + 5_000;
    const never = await firstStart.deliver(DOWN + 60_000);
    expect(never.outcome).toMatchObject({ ok: false, reason: 'stale_proof' });
    expect([...edge.visits(), ...firstStart.visits()]).toHaveLength(0);
    expect([...edge.late, ...firstStart.late]).toHaveLength(0);
  });
});

describe('the edge lifetime record', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vitrine-edge-lifetime-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('knows no downtime on a first start, then the one between a stop and the next start', async () => {
    const clock = { now: DOWN - 3600_000 };
    const first = await openDowntimeRecord({ dir, now: () => clock.now });
    expect(first.downtime).toBeNull();
    clock.now = DOWN;
    await first.stop();
    clock.now = UP;
    const second = await openDowntimeRecord({ dir, now: () => clock.now });
    expect(second.downtime).toEqual({ lastAliveAt: DOWN, startedAt: UP });
    await second.stop();
  });
});
