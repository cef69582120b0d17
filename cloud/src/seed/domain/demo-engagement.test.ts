import { describe, expect, it } from 'vitest';
import { DEMO_LAUNCH_EVENT, demoBirthMonth, demoEngagement } from './demo-engagement.ts';

const NOW = new Date('2026-12-03T02:00:00.000Z');

describe('the demo engagement', () => {
  const demo = demoEngagement(NOW);

  it('has each store’s VIP welcome name the personal associate of its top-tier clients', () => {
    const ginza = demo.campaigns.find((one) => one.id === 'cmp_demo-vip-welcome-tokyo-ginza');
    expect(ginza?.actions).toEqual([
      expect.objectContaining({
        kind: 'associate-alert',
        suggestion: expect.stringContaining('Aiko Tanaka'),
      }),
    ]);
    const rivoli = demo.campaigns.find((one) => one.id === 'cmp_demo-vip-welcome-paris-rivoli');
    expect(rivoli?.targets.stores).toEqual(['sto_paris-rivoli']);
  });

  it('runs from the day before the seed, so that it is live in every time zone at once', () => {
    for (const campaign of demo.campaigns) expect(campaign.schedule.from).toBe('2026-12-02');
    for (const offer of demo.offers)
      expect(Date.parse(offer.validity.from)).toBeLessThan(NOW.getTime());
  });

  it('holds the launch a week ahead at 19:00 in each store’s own time', () => {
    expect(demo.event.id).toBe(DEMO_LAUNCH_EVENT);
    expect(demo.event.sessions.map((session) => [session.storeId, session.startsAt])).toEqual([
      ['sto_tokyo-ginza', '2026-12-10T10:00:00.000Z'],
      ['sto_paris-rivoli', '2026-12-10T18:00:00.000Z'],
      ['sto_newyork-soho', '2026-12-11T00:00:00.000Z'],
    ]);
  });

  it('gives a quarter of the customers their birthday in the seed’s month, the rest spread over the year', () => {
    const months = Array.from({ length: 400 }, (_, index) => demoBirthMonth(index + 1, NOW));
    expect(months.filter((month) => month === 12).length).toBeGreaterThanOrEqual(100);
    expect(new Set(months).size).toBe(12);
  });
});
