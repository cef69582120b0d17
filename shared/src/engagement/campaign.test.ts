import { describe, expect, it } from 'vitest';
import { type CampaignInput, campaignSchema } from './campaign.ts';

const welcome = {
  id: 'cmp_vip-welcome',
  name: 'VIP welcome',
  status: 'active',
  version: 1,
  trigger: { kind: 'store-enter' },
  audience: { kind: 'segment', segmentId: 'seg_vip' },
  schedule: { from: '2026-11-01' },
  targets: { stores: 'all' },
  actions: [{ kind: 'associate-alert', suggestion: 'Offer a coffee in the lounge' }],
} satisfies CampaignInput;

function problems(value: unknown): string[] {
  const parsed = campaignSchema.safeParse(value);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('campaign', () => {
  it('fills defaults: once per visit, no cooldown, no budget, all day, priority 100', () => {
    const campaign = campaignSchema.parse(welcome);
    expect(campaign.caps).toEqual({
      perCustomer: { max: 1, per: 'visit' },
      perVisitAcrossCampaigns: null,
      cooldownMinutes: 0,
    });
    expect(campaign.schedule).toEqual({ from: '2026-11-01', until: null, windows: [] });
    expect(campaign.targets.zones).toBe('all');
    expect(campaign).toMatchObject({
      priority: 100,
      exclusive: false,
      budget: { maxDeliveries: null },
    });
  });

  it('accepts a dwell campaign on zones with every kind of action', () => {
    const parsed = campaignSchema.parse({
      ...welcome,
      trigger: { kind: 'zone-dwell', minDwellS: 60 },
      audience: {
        kind: 'rule',
        rule: { match: 'all', conditions: [{ field: 'tier', op: 'at-least', value: 'gold' }] },
      },
      schedule: {
        from: '2026-11-01',
        until: '2026-12-31',
        windows: [{ days: ['fri', 'sat'], start: '18:00', end: '02:00' }],
      },
      targets: { stores: ['sto_paris-rivoli'], zones: ['zon_watches'] },
      caps: {
        perCustomer: { max: 2, per: 'week' },
        perVisitAcrossCampaigns: 2,
        cooldownMinutes: 60,
      },
      priority: 500,
      exclusive: true,
      budget: { maxDeliveries: 1000 },
      actions: [
        { kind: 'associate-alert', suggestion: 'Show the new chronographs' },
        { kind: 'screen-content', contentId: 'cnt_chrono-loop' },
        { kind: 'phone-offer', offerId: 'off_chrono-10' },
        { kind: 'event-invitation', eventId: 'evt_watch-night' },
      ],
    });
    expect(parsed.actions[1]).toEqual({
      kind: 'screen-content',
      contentId: 'cnt_chrono-loop',
      holdS: 30,
      zoneId: null,
    });
  });

  it('refuses zones on a trigger that happens in no zone', () => {
    expect(problems({ ...welcome, targets: { stores: 'all', zones: ['zon_entrance'] } })).toEqual([
      'targets.zones: a store-enter trigger has no zone: zones must be "all"',
    ]);
  });

  it('refuses a screen action with no zone to play in', () => {
    expect(
      problems({
        ...welcome,
        trigger: { kind: 'check-in' },
        actions: [{ kind: 'screen-content', contentId: 'cnt_welcome' }],
      }),
    ).toEqual(["actions.0.zoneId: a check-in trigger has no zone: name the screens' zone"]);
  });

  it('refuses the same offer action twice', () => {
    expect(
      problems({
        ...welcome,
        actions: [
          { kind: 'phone-offer', offerId: 'off_a' },
          { kind: 'phone-offer', offerId: 'off_b' },
        ],
      }),
    ).toEqual(['actions.1.kind: phone-offer is given twice']);
  });

  it('names the field of a schedule that does not add up', () => {
    expect(problems({ ...welcome, schedule: { from: '2026-11-01', until: '2026-10-01' } })).toEqual(
      ['schedule.until: must not be before the start date'],
    );
    expect(
      problems({
        ...welcome,
        schedule: {
          from: '2026-11-01',
          windows: [{ days: ['mon'], start: '10:00', end: '10:00' }],
        },
      }),
    ).toEqual(['schedule.windows.0.end: must differ from the start']);
    expect(
      problems({
        ...welcome,
        schedule: {
          from: '2026-11-01',
          windows: [{ days: ['lun'], start: '25:00', end: '10:00' }],
        },
      }),
    ).toEqual([
      expect.stringMatching(/^schedule\.windows\.0\.days\.0: /),
      expect.stringMatching(/^schedule\.windows\.0\.start: must be a time HH:MM/),
    ]);
  });

  it('names an unknown field deep in an inline audience rule', () => {
    expect(
      problems({
        ...welcome,
        audience: {
          kind: 'rule',
          rule: { match: 'all', conditions: [{ field: 'zodiac', op: 'in', value: ['leo'] }] },
        },
      }),
    ).toEqual([
      expect.stringMatching(/^audience\.rule\.conditions\.0\.field: unknown field "zodiac"/),
    ]);
  });

  it('refuses an unknown trigger and a dwell without its threshold', () => {
    expect(problems({ ...welcome, trigger: { kind: 'moon-phase' } })).toEqual([
      expect.stringMatching(/^trigger\.kind: /),
    ]);
    expect(problems({ ...welcome, trigger: { kind: 'zone-dwell' } })).toEqual([
      expect.stringMatching(/^trigger\.minDwellS: /),
    ]);
  });
});
