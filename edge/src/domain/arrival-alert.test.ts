import { arrivalAlertSchema } from '@vitrine/shared';
import { describe, expect, it } from 'vitest';
import { buildProfile } from '../../test/support/profiles.ts';
import { composeArrivalAlert } from './arrival-alert.ts';

const facts = {
  alertId: 'alr_1',
  storeId: 'sto_paris-rivoli',
  customerId: 'cus_000001',
  source: 'check-in' as const,
  sourceMessageId: 'msg_1',
  zoneId: null,
  arrivedAt: '2026-11-23T10:00:00.000Z',
};

describe('arrival alert', () => {
  it('carries a fresh profile and a suggestion', () => {
    const alert = composeArrivalAlert(facts, { freshness: 'fresh', profile: buildProfile() });
    expect(arrivalAlertSchema.parse(alert)).toMatchObject({
      degraded: false,
      freshness: 'fresh',
      tier: 'platinum',
      profile: { firstName: 'Haruki' },
      suggestion: expect.stringContaining('Platinum client from Tokyo'),
    });
  });

  it('marks a cached profile as degraded', () => {
    const alert = composeArrivalAlert(facts, { freshness: 'cached', profile: buildProfile() });
    expect(alert).toMatchObject({
      degraded: true,
      freshness: 'cached',
      profile: { id: 'cus_000001' },
    });
  });

  it('goes out without a profile when the edge knows nothing', () => {
    const alert = composeArrivalAlert(facts, { freshness: 'unavailable' });
    expect(arrivalAlertSchema.parse(alert)).toMatchObject({
      degraded: true,
      freshness: 'unavailable',
      profile: null,
      tier: null,
      suggestion: null,
    });
  });

  it('never shows the profile of a customer who refused profiling', () => {
    const profile = buildProfile({
      consent: { tracking: true, marketing: true, profiling: false },
    });
    const alert = composeArrivalAlert(facts, { freshness: 'fresh', profile });
    expect(alert).toMatchObject({ profile: null, suggestion: null, tier: 'platinum' });
    expect(JSON.stringify(alert)).not.toContain('Haruki');
  });
});
