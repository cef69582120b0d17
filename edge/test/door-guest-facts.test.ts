import {
  audienceSubjectOf,
  type CustomerProfile,
  compileSegmentRule,
  createZonedCalendar,
  type SegmentRule,
  segmentRuleSchema,
} from '@vitrine/shared';
import { describe, expect, it } from 'vitest';
import { factsOfProfile } from '../src/engagement/engagement-inputs.ts';

const GINZA = 'sto_tokyo-ginza';
const LAUNCH = 'evt_ginza-winter-launch';
// 10 December 2026, 11:00 in Tokyo.
const AT = Date.parse('2026-12-10T02:00:00.000Z');

const guest: CustomerProfile = {
  id: 'cus_invited-guest',
  firstName: 'Léa',
  lastName: 'Martin',
  email: null,
  phone: null,
  tier: 'member',
  lifetimeValue: 800,
  currency: 'EUR',
  preferences: [],
  homeStoreId: 'sto_paris-rivoli',
  homeStoreName: 'Paris Rivoli',
  consent: { tracking: true, marketing: true, profiling: true },
  notes: '',
  recentPurchases: [],
  recentVisits: [],
  birthMonth: 12,
  invitations: [
    {
      eventId: LAUNCH,
      name: 'Ginza winter launch',
      kind: 'launch',
      storeIds: [GINZA],
      sessions: [
        {
          storeId: GINZA,
          startsAt: '2026-12-10T10:00:00.000Z',
          endsAt: '2026-12-10T12:00:00.000Z',
        },
      ],
      rsvp: 'yes',
      hostAssociateIds: ['asc_aiko'],
    },
  ],
};

function selects(rule: SegmentRule, profile: CustomerProfile): boolean {
  const local = createZonedCalendar('Asia/Tokyo').at(AT);
  const subject = audienceSubjectOf(profile, factsOfProfile(profile, GINZA, AT), {
    storeId: GINZA,
    at: AT,
    local,
  });
  return compileSegmentRule(rule)(subject);
}

const invitees = segmentRuleSchema.parse({
  match: 'all',
  conditions: [{ field: 'eventInvitee', op: 'in', value: [LAUNCH] }],
});
const birthdays = segmentRuleSchema.parse({
  match: 'all',
  conditions: [{ field: 'birthdayMonth', op: 'is-current' }],
});

describe('the facts the edge decides with', () => {
  it('reads the birth month and the invited events from the synced profile', () => {
    expect(factsOfProfile(guest, GINZA, AT)).toMatchObject({
      birthMonth: 12,
      invitedEventIds: [LAUNCH],
    });
  });

  it('no longer counts an invitation once the event is over, before the next sync drops it', () => {
    const after = Date.parse('2026-12-10T12:00:00.000Z');
    expect(factsOfProfile(guest, GINZA, after - 1).invitedEventIds).toEqual([LAUNCH]);
    expect(factsOfProfile(guest, GINZA, after).invitedEventIds).toEqual([]);
  });

  it('selects an invited guest for an invitee audience and a December birthday for the gift', () => {
    expect(selects(invitees, guest)).toBe(true);
    expect(selects(birthdays, guest)).toBe(true);
  });

  it('selects neither from a profile synced without them', () => {
    const { birthMonth, invitations, ...older } = guest;
    expect(factsOfProfile(older, GINZA, AT)).toMatchObject({
      birthMonth: null,
      invitedEventIds: [],
    });
    expect(selects(invitees, older)).toBe(false);
    expect(selects(birthdays, older)).toBe(false);
  });
});
