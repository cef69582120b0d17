import { describe, expect, it } from 'vitest';
import { buildFacts, PARIS, ruleOf, TOKYO } from '../../../test/support/engagement-fixtures.ts';
import { buildProfile } from '../../../test/support/profiles.ts';
import type { SegmentRuleInput } from '../segment-rules.ts';
import { audienceSubjectOf } from './audience-subject.ts';
import { compileSegmentRule, explainSegmentRule } from './segment-evaluation.ts';
import { createZonedCalendar } from './zoned-calendar.ts';

const AT = Date.parse('2026-11-20T10:00:00Z');
const paris = createZonedCalendar('Europe/Paris');

/** Haruki: platinum from Tokyo, likes film and rangefinders, last bought a camera. */
const subject = audienceSubjectOf(buildProfile(), buildFacts(), {
  storeId: PARIS,
  at: AT,
  local: paris.at(AT),
});

type Condition = NonNullable<SegmentRuleInput['conditions']>[number];

const CASES: { name: string; condition: Condition; expect: boolean }[] = [
  { name: 'tier in', condition: { field: 'tier', op: 'in', value: ['platinum'] }, expect: true },
  {
    name: 'tier not in',
    condition: { field: 'tier', op: 'not-in', value: ['platinum'] },
    expect: false,
  },
  {
    name: 'tier at least gold',
    condition: { field: 'tier', op: 'at-least', value: 'gold' },
    expect: true,
  },
  {
    name: 'tier at most gold',
    condition: { field: 'tier', op: 'at-most', value: 'gold' },
    expect: false,
  },
  {
    name: 'value ≥ 40,000',
    condition: { field: 'lifetimeValue', op: 'gte', value: 40_000 },
    expect: true,
  },
  {
    name: 'value ≤ 40,000',
    condition: { field: 'lifetimeValue', op: 'lte', value: 40_000 },
    expect: false,
  },
  {
    name: 'preferences any, ignoring case',
    condition: { field: 'preferences', op: 'includes-any', value: ['Cashmere', 'watches'] },
    expect: true,
  },
  {
    name: 'preferences all, one missing',
    condition: { field: 'preferences', op: 'includes-all', value: ['cashmere', 'watches'] },
    expect: false,
  },
  {
    name: 'preferences none',
    condition: { field: 'preferences', op: 'includes-none', value: ['watches'] },
    expect: true,
  },
  {
    name: 'home store in Tokyo',
    condition: { field: 'homeStore', op: 'in', value: [TOKYO] },
    expect: true,
  },
  {
    name: 'home store is this store',
    condition: { field: 'homeStore', op: 'in', value: ['this-store'] },
    expect: false,
  },
  {
    name: 'visiting from another store',
    condition: { field: 'homeStore', op: 'not-in', value: ['this-store'] },
    expect: true,
  },
  {
    name: 'visits ≥ 10 in all',
    condition: { field: 'visitCount', op: 'gte', value: 10 },
    expect: true,
  },
  {
    name: 'visits ≥ 10 here',
    condition: { field: 'visitCount', op: 'gte', value: 10, scope: 'this-store' },
    expect: false,
  },
  {
    name: 'third visit here',
    condition: { field: 'visitCount', op: 'eq', value: 3, scope: 'this-store' },
    expect: true,
  },
  {
    name: 'seen within 10 days',
    condition: { field: 'daysSinceLastVisit', op: 'lte', value: 10 },
    expect: true,
  },
  {
    name: 'away 30 days or more',
    condition: { field: 'daysSinceLastVisit', op: 'gte', value: 30 },
    expect: false,
  },
  {
    name: 'last purchase a camera',
    condition: { field: 'lastPurchaseCategory', op: 'in', value: ['Cameras'] },
    expect: true,
  },
  {
    name: 'last purchase not film (film was earlier)',
    condition: { field: 'lastPurchaseCategory', op: 'not-in', value: ['film'] },
    expect: true,
  },
  {
    name: 'birthday this month in Paris',
    condition: { field: 'birthdayMonth', op: 'is-current' },
    expect: true,
  },
  {
    name: 'birthday in spring',
    condition: { field: 'birthdayMonth', op: 'in', value: [3, 4, 5] },
    expect: false,
  },
  {
    name: 'invited to the launch',
    condition: { field: 'eventInvitee', op: 'in', value: ['evt_launch'] },
    expect: false,
  },
  {
    name: 'not invited to the launch',
    condition: { field: 'eventInvitee', op: 'not-in', value: ['evt_launch'] },
    expect: true,
  },
];

describe('segment rule evaluation', () => {
  for (const vector of CASES) {
    it(`${vector.expect ? 'matches' : 'does not match'}: ${vector.name}`, () => {
      const rule = ruleOf({ match: 'all', conditions: [vector.condition] });
      expect(compileSegmentRule(rule)(subject)).toBe(vector.expect);
    });
  }

  it('matches nothing about visits or birthdays it does not know', () => {
    const stranger = audienceSubjectOf(
      buildProfile({ recentPurchases: [] }),
      buildFacts({ visits: { total: 1, atThisStore: 1, previousAt: null }, birthMonth: null }),
      { storeId: PARIS, at: AT, local: paris.at(AT) },
    );
    for (const condition of [
      { field: 'daysSinceLastVisit', op: 'gte', value: 0 },
      { field: 'birthdayMonth', op: 'is-current' },
      { field: 'lastPurchaseCategory', op: 'in', value: ['cameras'] },
    ] satisfies Condition[]) {
      expect(compileSegmentRule(ruleOf({ match: 'all', conditions: [condition] }))(stranger)).toBe(
        false,
      );
    }
  });

  it('reads the current birthday month in the store time zone', () => {
    // 20:00 UTC on 30 November is already December in Tokyo, still November in Paris.
    const late = Date.parse('2026-11-30T20:00:00Z');
    const tokyo = createZonedCalendar('Asia/Tokyo');
    const inTokyo = audienceSubjectOf(buildProfile(), buildFacts({ birthMonth: 12 }), {
      storeId: TOKYO,
      at: late,
      local: tokyo.at(late),
    });
    const inParis = audienceSubjectOf(buildProfile(), buildFacts({ birthMonth: 12 }), {
      storeId: PARIS,
      at: late,
      local: paris.at(late),
    });
    const birthday = compileSegmentRule(
      ruleOf({ match: 'all', conditions: [{ field: 'birthdayMonth', op: 'is-current' }] }),
    );
    expect([birthday(inTokyo), birthday(inParis)]).toEqual([true, false]);
  });

  it('joins conditions and groups with the rule match', () => {
    const vipWhoLikesWatchesOrHasABirthday = ruleOf({
      match: 'all',
      conditions: [{ field: 'tier', op: 'at-least', value: 'gold' }],
      groups: [
        {
          match: 'any',
          conditions: [
            { field: 'preferences', op: 'includes-any', value: ['watches'] },
            { field: 'birthdayMonth', op: 'is-current' },
          ],
        },
      ],
    });
    expect(compileSegmentRule(vipWhoLikesWatchesOrHasABirthday)(subject)).toBe(true);
    const anyOfTwoMisses = ruleOf({
      match: 'any',
      conditions: [
        { field: 'tier', op: 'in', value: ['member'] },
        { field: 'homeStore', op: 'in', value: ['this-store'] },
      ],
    });
    expect(compileSegmentRule(anyOfTwoMisses)(subject)).toBe(false);
  });

  it('explains the condition that keeps a customer out, and nothing for a match', () => {
    expect(
      explainSegmentRule(
        ruleOf({
          match: 'all',
          conditions: [
            { field: 'tier', op: 'at-least', value: 'gold' },
            { field: 'visitCount', op: 'gte', value: 10, scope: 'this-store' },
          ],
        }),
        subject,
      ),
    ).toBe('visitCount gte 10 (this-store)');
    expect(
      explainSegmentRule(
        ruleOf({
          match: 'any',
          conditions: [
            { field: 'tier', op: 'in', value: ['member', 'silver'] },
            { field: 'birthdayMonth', op: 'in', value: [1] },
          ],
        }),
        subject,
      ),
    ).toBe('none of: tier in member, silver; birthdayMonth in 1');
    expect(
      explainSegmentRule(
        ruleOf({ match: 'all', conditions: [{ field: 'tier', op: 'in', value: ['platinum'] }] }),
        subject,
      ),
    ).toBeNull();
  });
});
