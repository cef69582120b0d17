import { arrivalAlertSchema } from '@vitrine/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './support/edge-harness.ts';
import { waitFor } from './support/wait.ts';

describe('check-in while the cloud cannot answer', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('alerts without a profile, marked unavailable, when the cloud answers 5xx', async () => {
    h = await startHarness();
    const aiko = await h.connectAssociate({ token: await h.tokenFor('aiko') });
    h.cloud.state.profileMode = 'server_error';
    await h.publishCheckIn('cus_000001');
    const alert = arrivalAlertSchema.parse(await waitFor(() => aiko.alerts[0], { what: 'alert' }));
    expect(alert).toMatchObject({
      customerId: 'cus_000001',
      degraded: true,
      freshness: 'unavailable',
      profile: null,
      suggestion: null,
    });
    expect(await h.counter('vitrine_edge_cloud_lookups_total', { outcome: 'server_error' })).toBe(
      1,
    );
    expect(
      await h.counter('vitrine_edge_cloud_lookup_failures_total', { reason: 'server_error' }),
    ).toBe(1);
  });

  it('alerts with the cached profile, marked cached, when the cloud fails after a first lookup', async () => {
    h = await startHarness({ env: { EDGE_PROFILE_CACHE_TTL_MS: '0' } });
    const aiko = await h.connectAssociate({ token: await h.tokenFor('aiko') });
    await h.publishCheckIn('cus_000001');
    expect(await waitFor(() => aiko.alerts[0], { what: 'first alert' })).toMatchObject({
      freshness: 'fresh',
    });
    h.cloud.state.profileMode = 'server_error';
    await h.publishCheckIn('cus_000001');
    const alert = await waitFor(() => aiko.alerts[1], { what: 'second alert' });
    expect(alert).toMatchObject({
      degraded: true,
      freshness: 'cached',
      tier: 'platinum',
      profile: { id: 'cus_000001', firstName: 'Haruki' },
      suggestion: expect.stringContaining('Platinum client'),
    });
    expect(h.cloud.state.profileRequests).toBe(2);
  });

  it('gives up on a cloud that does not answer in time and still alerts', async () => {
    h = await startHarness({ env: { EDGE_LOOKUP_TIMEOUT_MS: '150' } });
    const aiko = await h.connectAssociate({ token: await h.tokenFor('aiko') });
    h.cloud.state.profileMode = 'hang';
    await h.publishCheckIn('cus_000002');
    const alert = await waitFor(() => aiko.alerts[0], { what: 'alert' });
    expect(alert).toMatchObject({ degraded: true, freshness: 'unavailable' });
    expect(await h.counter('vitrine_edge_cloud_lookups_total', { outcome: 'timeout' })).toBe(1);
  });

  it('serves a stale profile once the TTL has passed and the cloud is gone (fake clock)', async () => {
    let clock = Date.parse('2026-11-23T10:00:00Z');
    h = await startHarness({ deps: { now: () => clock } });
    const aiko = await h.connectAssociate({ token: await h.tokenFor('aiko') });
    await h.publishCheckIn('cus_000001');
    await waitFor(() => aiko.alerts[0], { what: 'first alert' });

    clock += 9 * 60_000;
    await h.publishCheckIn('cus_000001');
    expect(await waitFor(() => aiko.alerts[1], { what: 'alert within TTL' })).toMatchObject({
      freshness: 'fresh',
      degraded: false,
    });
    expect(h.cloud.state.profileRequests).toBe(1);

    clock += 2 * 60_000;
    await h.cloud.close();
    await h.publishCheckIn('cus_000001');
    expect(await waitFor(() => aiko.alerts[2], { what: 'alert past TTL' })).toMatchObject({
      freshness: 'cached',
      degraded: true,
      profile: { id: 'cus_000001' },
    });
    await h.publishCheckIn('cus_000002');
    expect(
      await waitFor(() => aiko.alerts[3], { what: 'alert for an uncached customer' }),
    ).toMatchObject({
      customerId: 'cus_000002',
      freshness: 'unavailable',
      // What the customer's signed pass says, when the cloud cannot say more.
      tier: 'gold',
      profile: null,
    });
    expect(await h.counter('vitrine_edge_cloud_lookups_total', { outcome: 'unreachable' })).toBe(2);
  });
});
