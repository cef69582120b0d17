/**
 * When the check-in flow tells the broker's side that a check-in may be acknowledged:
 * once it is written to the outbox, never before, never waiting for the cloud.
 */
import type { CustomerProfile, IngestEvent } from '@vitrine/shared';
import { buildTopic, createEnvelope, decodeMessage } from '@vitrine/shared';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { ProfileLookup } from '../src/cloud/cloud-client.ts';
import { createLruTtlCache } from '../src/domain/profile-cache.ts';
import { createRecentBuffer } from '../src/domain/recent-alerts.ts';
import { createCheckInFlow } from '../src/flows/check-in-flow.ts';
import { MessageNotKeptError } from '../src/intake/message-intake.ts';
import { createEdgeMetrics } from '../src/observability/edge-metrics.ts';
import { buildProfile } from './support/profiles.ts';

const store = 'sto_tokyo-ginza';

function checkIn(customerId: string, id?: string) {
  const topic = buildTopic('checkIn', { store, clientId: 'app-1' });
  const envelope = createEnvelope(
    store,
    { pass: `pass-of-${customerId}`, proof: 'proof', method: 'app', clientId: 'app-1' },
    { at: new Date(), ...(id ? { id } : {}) },
  );
  const decoded = decodeMessage(topic, new TextEncoder().encode(JSON.stringify(envelope)));
  if (!decoded.ok || decoded.name !== 'checkIn') throw new Error('fixture does not decode');
  return decoded;
}

function gate() {
  let open: () => void = () => {};
  let fail: (error: Error) => void = () => {};
  const promise = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

/** A flow whose outbox writes and cloud lookups the test answers by hand. */
function setup({
  report,
  fetchProfile = async () => ({ outcome: 'found', profile: buildProfile() }),
  genuine = true,
}: {
  report: (event: IngestEvent) => Promise<void>;
  fetchProfile?: () => Promise<ProfileLookup>;
  genuine?: boolean;
}) {
  return createCheckInFlow({
    storeId: store,
    cloud: { fetchProfile },
    cache: createLruTtlCache<CustomerProfile>(),
    recentAlerts: createRecentBuffer(),
    pushAlert: () => {},
    reject: () => {},
    verify: async ({ pass }) =>
      genuine
        ? {
            ok: true,
            identity: {
              customerId: pass.replace('pass-of-', ''),
              passId: 'pas_1',
              organisationId: 'org_maison-demo',
              tier: 'gold',
              consent: { tracking: true, marketing: true, profiling: true },
              passExpiresAt: Date.now() + 60_000,
            },
          }
        : { ok: false, reason: 'forged_signature', detail: 'not ours' },
    report,
    metrics: createEdgeMetrics({ defaultMetrics: false }),
    logger: pino({ level: 'silent' }),
  });
}

const settled = async (promise: Promise<unknown>) => {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe('receipt of a check-in from the broker', () => {
  it('is ready to acknowledge once the check-in is written, while the cloud is still asked', async () => {
    const cloud = gate();
    const written: string[] = [];
    const flow = setup({
      report: async (event) => void written.push(event.key),
      fetchProfile: async () => {
        await cloud.promise;
        return { outcome: 'found', profile: buildProfile() };
      },
    });
    const message = checkIn('cus_000001');
    await flow.receive(message);
    expect(written).toEqual([`check-in:${message.payload.id}`]);
    cloud.open();
  });

  it('is not ready before the write is on disk', async () => {
    const disk = gate();
    const flow = setup({
      report: (event) => (event.kind === 'check-in' ? disk.promise : Promise.resolve()),
    });
    const receipt = flow.receive(checkIn('cus_000001'));
    expect(await settled(receipt)).toBe(false);
    disk.open();
    await receipt;
  });

  it('refuses a check-in it could not write, and takes it when it comes again', async () => {
    let attempts = 0;
    const flow = setup({
      report: async (event) => {
        if (event.kind === 'check-in' && ++attempts === 1) throw new Error('disk full');
      },
    });
    const message = checkIn('cus_000001');
    await expect(flow.receive(message)).rejects.toBeInstanceOf(MessageNotKeptError);
    await flow.receive(message);
    expect(attempts).toBe(2);
  });

  it('acknowledges a copy delivered again while the first is written only once the first is kept', async () => {
    const disk = gate();
    const flow = setup({
      report: (event) => (event.kind === 'check-in' ? disk.promise : Promise.resolve()),
    });
    const message = checkIn('cus_000001');
    const first = flow.receive(message);
    const again = flow.receive(message);
    expect(await settled(again)).toBe(false);
    disk.fail(new Error('disk full'));
    await expect(again).rejects.toBeInstanceOf(MessageNotKeptError);
    await expect(first).rejects.toBeInstanceOf(MessageNotKeptError);
  });

  it('acknowledges at once a check-in it refuses: nothing to keep', async () => {
    const written: string[] = [];
    const flow = setup({ report: async (event) => void written.push(event.key), genuine: false });
    await flow.receive(checkIn('cus_000001'));
    expect(written).toEqual([]);
  });
});
