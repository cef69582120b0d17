import { decodeMessage } from '@vitrine/shared';
import { describe, expect, it } from 'vitest';
import { demoBadgeId } from '../../src/presence/demo/demo-traffic.ts';
import { runPresenceDemo } from '../../src/presence/demo/presence-demo.ts';
import {
  deviceIdOfEspresense,
  deviceIdOfRawAdvertisement,
} from '../../src/presence/domain/device-identity.ts';
import { fakeClock } from './support/fake-clock.ts';
import { testLayout } from './support/store-layouts.ts';

describe('the presence demo traffic', () => {
  it('publishes only messages the edge accepts: ranging with proofs, node batches, ESPresense, check-ins', async () => {
    const layout = testLayout('sto_demo-test');
    const clock = fakeClock(Date.parse('2026-12-01T10:00:00Z'));
    const published: { topic: string; payload: string; retain: boolean }[] = [];
    const demo = runPresenceDemo({
      layout,
      seed: 3,
      windowMs: 5 * 60_000,
      checkInShare: 1,
      phones: ['cus_000001', 'cus_000002'].map((customerId) => ({
        customerId,
        clientId: `app-${customerId.slice(4)}`,
        tracking: true,
        present: async () => ({ pass: `pass-of-${customerId}`, proof: 'proof' }),
      })),
      publish: async (topic, payload, { retain }) => {
        published.push({ topic, payload, retain });
        if (published.length >= 3000) demo.stop();
      },
      clock,
    });
    await demo.done;
    const decoded = published.map((m) =>
      decodeMessage(m.topic, new TextEncoder().encode(m.payload)),
    );
    expect(decoded.filter((d) => !d.ok)).toEqual([]);
    const kinds = new Set(decoded.map((d) => (d.ok ? d.name : 'rejected')));
    for (const kind of [
      'rangingReport',
      'sightings',
      'espresenseDevice',
      'espresenseRoomStatus',
      'nodeStatus',
      'checkIn',
    ]) {
      expect(kinds, kind).toContain(kind);
    }
    // Badges reach the edge under the identity it knows them by, whichever node heard them.
    const badges = new Set<string>();
    for (const d of decoded) {
      if (d.ok && d.name === 'espresenseDevice') badges.add(deviceIdOfEspresense(d.payload.id));
      if (d.ok && d.name === 'sightings') {
        for (const s of d.payload.data.sightings)
          badges.add(deviceIdOfRawAdvertisement(s.deviceId, s.raw));
      }
    }
    expect(badges).toContain(demoBadgeId(3, 1));
  });
});
