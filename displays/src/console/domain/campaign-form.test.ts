import { campaignWriteSchema, type StoredCampaign, storedCampaignSchema } from '@vitrine/shared';
import { describe, expect, it } from 'vitest';
import { campaignFormOf, campaignWriteOf, emptyCampaignForm } from './campaign-form.ts';

const stored: StoredCampaign = storedCampaignSchema.parse({
  id: 'cmp_watch-dwell',
  name: 'Watch lounge dwell',
  status: 'active',
  version: 3,
  trigger: { kind: 'zone-dwell', minDwellS: 90 },
  audience: {
    kind: 'rule',
    rule: { match: 'all', conditions: [{ field: 'tier', op: 'at-least', value: 'gold' }] },
  },
  schedule: {
    from: '2026-11-01',
    until: '2026-12-31',
    windows: [{ days: ['fri', 'sat'], start: '18:00', end: '02:00' }],
  },
  targets: { stores: ['sto_paris-rivoli'], zones: ['zon_paris-rivoli-lounge'] },
  caps: { perCustomer: { max: 2, per: 'week' }, perVisitAcrossCampaigns: 3, cooldownMinutes: 60 },
  priority: 500,
  exclusive: true,
  budget: { maxDeliveries: 1000 },
  actions: [
    { kind: 'associate-alert', suggestion: 'Show the new chronographs' },
    { kind: 'screen-content', contentId: 'cnt_chrono', holdS: 45, zoneId: null },
    { kind: 'phone-offer', offerId: 'off_chrono-10' },
    { kind: 'event-invitation', eventId: 'evt_watch-night' },
  ],
  createdAt: '2026-10-01T00:00:00.000Z',
  updatedAt: '2026-10-02T00:00:00.000Z',
});

describe('the campaign form', () => {
  it('gives back every field of a stored campaign unchanged', () => {
    const read = campaignWriteOf(campaignFormOf(stored));
    if (!read.ok) throw new Error(JSON.stringify(read.fields));
    const { id, version, createdAt, updatedAt, ...fields } = stored;
    expect(campaignWriteSchema.parse(read.write)).toEqual(fields);
  });

  it('reads every trigger kind back as the schema writes it', () => {
    const triggers: StoredCampaign['trigger'][] = [
      { kind: 'store-enter' },
      { kind: 'zone-enter' },
      { kind: 'content-scan', contentIds: ['cnt_a', 'cnt_b'] },
      { kind: 'check-in' },
      { kind: 'event-attendance', eventId: 'evt_launch' },
      { kind: 'nth-visit', n: 5, scope: 'organisation' },
    ];
    for (const trigger of triggers) {
      const form = campaignFormOf({
        ...stored,
        trigger,
        targets: { ...stored.targets, zones: 'all' },
      });
      const read = campaignWriteOf(form);
      expect(read.ok && read.write.trigger).toEqual(trigger);
    }
  });

  it('names the fields that are not numbers, and a missing dwell threshold', () => {
    const form = emptyCampaignForm('2026-11-01');
    form.priority = 'high';
    form.caps.cooldownMinutes = '10 min';
    form.trigger = { ...form.trigger, kind: 'zone-dwell', minDwellS: '' };
    expect(campaignWriteOf(form)).toEqual({
      ok: false,
      fields: {
        'trigger.minDwellS': 'required',
        'caps.cooldownMinutes': 'must be a number',
        priority: 'must be a number',
      },
    });
  });

  it('names the field of an inline rule that does not read', () => {
    const form = emptyCampaignForm('2026-11-01');
    form.audience = {
      kind: 'rule',
      segmentId: '',
      rule: '{"match":"all","conditions":[{"field":"zodiac"}]}',
    };
    const read = campaignWriteOf(form);
    expect(read.ok).toBe(false);
    expect(Object.keys(read.ok ? {} : read.fields)).toEqual(['audience.rule.conditions.0.field']);
    form.audience.rule = 'tier >= gold';
    expect(campaignWriteOf(form)).toEqual({
      ok: false,
      fields: { 'audience.rule': 'must be a rule written as JSON' },
    });
  });

  it('leaves the rest to the cloud: a new empty campaign is sent as it stands', () => {
    const read = campaignWriteOf(emptyCampaignForm('2026-11-01'));
    expect(read.ok && read.write).toMatchObject({
      name: '',
      schedule: { from: '2026-11-01', until: null, windows: [] },
      budget: { maxDeliveries: null },
      actions: [{ kind: 'associate-alert', suggestion: '' }],
    });
  });
});
