import type { ArrivalAlert, CustomerProfile } from '@vitrine/shared';
import { buildTopic, createEnvelope, decodeMessage } from '@vitrine/shared';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { ProfileLookup } from '../src/cloud/cloud-client.ts';
import { createLruTtlCache } from '../src/domain/profile-cache.ts';
import { createRecentBuffer } from '../src/domain/recent-alerts.ts';
import { createCheckInFlow } from '../src/flows/check-in-flow.ts';
import { createEdgeMetrics } from '../src/observability/edge-metrics.ts';
import { createMemoryProfileStore } from '../src/store/memory-profile-store.ts';
import { DEFAULT_PROFILE_HOLDS } from '../src/store/profile-holds.ts';
import { buildProfile } from './support/profiles.ts';

const store = 'sto_paris-rivoli';
let sequence = 0;

function checkIn(customerId: string) {
  const topic = buildTopic('checkIn', { store, clientId: 'app-1' });
  sequence += 1;
  const envelope = createEnvelope(
    store,
    { pass: `pass-of-${customerId}`, proof: `proof-${sequence}`, method: 'app', clientId: 'app-1' },
    { at: new Date() },
  );
  const decoded = decodeMessage(topic, new TextEncoder().encode(JSON.stringify(envelope)));
  if (!decoded.ok || decoded.name !== 'checkIn') throw new Error('fixture does not decode');
  return decoded;
}

/** A flow over a memory local store and a scripted cloud, on a clock the test moves. */
function setup(answer: (customerId: string) => ProfileLookup) {
  let clock = 1_000_000;
  const asked: string[] = [];
  const local = createMemoryProfileStore();
  const pushed: ArrivalAlert[] = [];
  const flow = createCheckInFlow({
    storeId: store,
    cloud: {
      fetchProfile: async (customerId) => {
        asked.push(customerId);
        return answer(customerId);
      },
    },
    // No memory cache: what is looked at is the local store.
    cache: createLruTtlCache<CustomerProfile>({ maxEntries: 0 }),
    localProfiles: local,
    demandFreshMs: 60_000,
    recentAlerts: createRecentBuffer(),
    pushAlert: (alert) => pushed.push(alert),
    reject: () => undefined,
    verify: async ({ pass }) => ({
      ok: true,
      identity: {
        customerId: pass.replace('pass-of-', ''),
        passId: 'pas_1',
        organisationId: 'org_maison-demo',
        tier: 'gold',
        consent: { tracking: true, marketing: true, profiling: true },
        passExpiresAt: clock + 60_000,
      },
    }),
    metrics: createEdgeMetrics({ defaultMetrics: false }),
    logger: pino({ level: 'silent' }),
    now: () => clock,
  });
  return { flow, local, asked, pushed, advance: (ms: number) => (clock += ms) };
}

describe('profile lookup order at the edge', () => {
  it('answers from the synced local store without asking the cloud', async () => {
    const { flow, local, asked, pushed } = setup(() => ({ outcome: 'not_found' }));
    await local.applySync(
      { upserts: [buildProfile({ id: 'cus_000002' })], erasures: [], watermark: '2' },
      0,
    );
    await flow.handle(checkIn('cus_000002'));
    expect(asked).toEqual([]);
    expect(pushed.map((alert) => alert.freshness)).toEqual(['fresh']);
  });

  it('fetches a customer never seen here (a Tokyo regular in Paris) once, and keeps it', async () => {
    const tokyoRegular = buildProfile({ id: 'cus_000001', homeStoreId: 'sto_tokyo-ginza' });
    const { flow, local, asked, pushed, advance } = setup(() => ({
      outcome: 'found',
      profile: tokyoRegular,
    }));
    await flow.handle(checkIn('cus_000001'));
    expect(await local.get('cus_000001')).toMatchObject({
      source: 'demand',
      profile: tokyoRegular,
    });
    advance(30_000);
    await flow.handle(checkIn('cus_000001'));
    expect(asked).toEqual(['cus_000001']);
    // A profile fetched on demand ages: after its freshness, the cloud is asked again.
    advance(60_000);
    await flow.handle(checkIn('cus_000001'));
    expect(asked).toEqual(['cus_000001', 'cus_000001']);
    expect(pushed.map((alert) => alert.freshness)).toEqual(['fresh', 'fresh', 'fresh']);
  });

  it('falls back to the aged local copy, marked cached, when the cloud is unreachable', async () => {
    let reachable = true;
    const { flow, pushed, advance } = setup(() =>
      reachable
        ? { outcome: 'found', profile: buildProfile({ id: 'cus_000003' }) }
        : { outcome: 'failed', reason: 'timeout', detail: 'no answer within 800 ms' },
    );
    await flow.handle(checkIn('cus_000003'));
    reachable = false;
    advance(120_000);
    await flow.handle(checkIn('cus_000003'));
    expect(pushed.map((alert) => alert.freshness)).toEqual(['fresh', 'cached']);
  });

  it('forgets a local copy the cloud no longer knows (erased meanwhile)', async () => {
    let erased = false;
    const { flow, local, pushed, advance } = setup(() =>
      erased
        ? { outcome: 'not_found' }
        : { outcome: 'found', profile: buildProfile({ id: 'cus_000004' }) },
    );
    await flow.handle(checkIn('cus_000004'));
    erased = true;
    advance(120_000);
    await flow.handle(checkIn('cus_000004'));
    expect(await local.get('cus_000004')).toBeNull();
    expect(pushed).toHaveLength(1);
  });

  it('holds a regular who checks in while the cloud is down past their end of stay', async () => {
    const { flow, local, pushed, advance } = setup(() => ({
      outcome: 'failed',
      reason: 'unreachable',
      detail: 'connection refused',
    }));
    const regular = buildProfile({ id: 'cus_000005' });
    // In the selection for one more hour, unless the cloud hears of a new visit.
    await local.applySync(
      {
        upserts: [regular],
        erasures: [],
        heldUntil: new Map([['cus_000005', 1_000_000 + 3_600_000]]),
        watermark: '5',
      },
      1_000_000,
    );
    advance(60_000);
    await flow.handle(checkIn('cus_000005'));
    expect(pushed).toHaveLength(1);
    expect(await local.pruneExpired(1_000_000 + 2 * 3_600_000)).toEqual([]);
    const visitedAt = 1_000_000 + 60_000;
    expect(await local.pruneExpired(visitedAt + DEFAULT_PROFILE_HOLDS.visitHoldMs - 1)).toEqual([]);
    expect(await local.pruneExpired(visitedAt + DEFAULT_PROFILE_HOLDS.visitHoldMs)).toEqual([
      'cus_000005',
    ]);
  });

  it('lets a visitor fetched on demand go once their hold is over', async () => {
    const { flow, local } = setup(() => ({
      outcome: 'found',
      profile: buildProfile({ id: 'cus_000006', homeStoreId: 'sto_tokyo-ginza' }),
    }));
    // Fetched for the check-in, then held a visit hold from it.
    await flow.handle(checkIn('cus_000006'));
    expect(await local.pruneExpired(1_000_000 + DEFAULT_PROFILE_HOLDS.visitHoldMs - 1)).toEqual([]);
    expect(await local.pruneExpired(1_000_000 + DEFAULT_PROFILE_HOLDS.visitHoldMs)).toEqual([
      'cus_000006',
    ]);
  });
});
