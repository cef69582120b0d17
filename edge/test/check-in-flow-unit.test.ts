import type { ArrivalAlert, CustomerProfile } from '@vitrine/shared';
import { buildTopic, createEnvelope, decodeMessage } from '@vitrine/shared';
import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import type { ProfileLookup } from '../src/cloud/cloud-client.ts';
import { createLruTtlCache } from '../src/domain/profile-cache.ts';
import { createRecentBuffer } from '../src/domain/recent-alerts.ts';
import { createCheckInFlow } from '../src/flows/check-in-flow.ts';
import { createEdgeMetrics } from '../src/observability/edge-metrics.ts';
import { buildProfile } from './support/profiles.ts';

const store = 'sto_tokyo-ginza';

function checkIn(customerId: string) {
  const topic = buildTopic('checkIn', { store, clientId: 'app-1' });
  const envelope = createEnvelope(
    store,
    { pass: `pass-of-${customerId}`, proof: 'proof', method: 'app', clientId: 'app-1' },
    { at: new Date() },
  );
  const decoded = decodeMessage(topic, new TextEncoder().encode(JSON.stringify(envelope)));
  if (!decoded.ok || decoded.name !== 'checkIn') throw new Error('fixture does not decode');
  return decoded;
}

describe('check-in flow with a controllable cloud', () => {
  it('asks the cloud once for a burst of check-ins of the same customer', async () => {
    let calls = 0;
    let answer: (lookup: ProfileLookup) => void = () => undefined;
    const pushed: ArrivalAlert[] = [];
    const flow = createCheckInFlow({
      storeId: store,
      cloud: {
        fetchProfile: () => {
          calls++;
          return new Promise((resolve) => {
            answer = resolve;
          });
        },
      },
      cache: createLruTtlCache<CustomerProfile>(),
      recentAlerts: createRecentBuffer(),
      pushAlert: (alert) => pushed.push(alert),
      reject: () => undefined,
      // The pass is judged elsewhere (identity); here every pass is its customer's.
      verify: async ({ pass }) => ({
        ok: true,
        identity: {
          customerId: pass.replace('pass-of-', ''),
          passId: 'pas_1',
          organisationId: 'org_maison-demo',
          tier: 'gold',
          consent: { tracking: true, marketing: true, profiling: true },
          passExpiresAt: Date.now() + 60_000,
        },
      }),
      metrics: createEdgeMetrics({ defaultMetrics: false }),
      logger: pino({ level: 'silent' }),
    });
    const handled = [flow.handle(checkIn('cus_000001')), flow.handle(checkIn('cus_000001'))];
    // Both check-ins pass verification before either reaches the cloud.
    await vi.waitFor(() => expect(calls).toBe(1));
    answer({ outcome: 'found', profile: buildProfile() });
    await Promise.all(handled);
    expect(calls).toBe(1);
    expect(pushed.map((alert) => alert.freshness)).toEqual(['fresh', 'fresh']);
  });
});
