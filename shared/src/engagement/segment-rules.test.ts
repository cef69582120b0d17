import { describe, expect, it } from 'vitest';
import { segmentRuleSchema } from './segment-rules.ts';

function problems(value: unknown): string[] {
  const parsed = segmentRuleSchema.safeParse(value);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('segment rules', () => {
  it('accepts every field with its operators, in a rule and its groups', () => {
    const parsed = segmentRuleSchema.parse({
      match: 'all',
      conditions: [
        { field: 'tier', op: 'at-least', value: 'gold' },
        { field: 'lifetimeValue', op: 'gte', value: 5000 },
        { field: 'homeStore', op: 'not-in', value: ['this-store', 'sto_tokyo-ginza'] },
        { field: 'visitCount', op: 'gte', value: 3 },
        { field: 'eventInvitee', op: 'in', value: ['evt_launch'] },
      ],
      groups: [
        {
          match: 'any',
          conditions: [
            { field: 'preferences', op: 'includes-any', value: ['watches'] },
            { field: 'birthdayMonth', op: 'is-current' },
            { field: 'birthdayMonth', op: 'in', value: [12, 1] },
            { field: 'lastPurchaseCategory', op: 'not-in', value: ['film'] },
            { field: 'daysSinceLastVisit', op: 'lte', value: 30 },
          ],
        },
      ],
    });
    expect(parsed.conditions).toHaveLength(5);
    expect(parsed.conditions[3]).toMatchObject({ scope: 'organisation' });
  });

  it('names an unknown field at its path', () => {
    expect(
      problems({ match: 'all', conditions: [{ field: 'shoeSize', op: 'gte', value: 42 }] }),
    ).toEqual([expect.stringMatching(/^conditions\.0\.field: unknown field "shoeSize"; expected/)]);
  });

  it('names an unknown operator at its path, inside a group too', () => {
    expect(
      problems({
        match: 'any',
        groups: [{ match: 'all', conditions: [{ field: 'tier', op: 'like', value: 'gold' }] }],
      }),
    ).toEqual([
      'groups.0.conditions.0.op: unknown operator "like" for tier; expected one of in, not-in, at-least, at-most',
    ]);
  });

  it('refuses a value of the wrong kind for the operator', () => {
    expect(
      problems({ match: 'all', conditions: [{ field: 'tier', op: 'in', value: 'gold' }] }),
    ).toEqual([expect.stringMatching(/^conditions\.0\.value: /)]);
    expect(
      problems({ match: 'all', conditions: [{ field: 'birthdayMonth', op: 'in', value: [13] }] }),
    ).toEqual([expect.stringMatching(/^conditions\.0\.value\.0: /)]);
  });

  it('refuses a key the language does not have', () => {
    expect(
      problems({
        match: 'all',
        conditions: [{ field: 'tier', op: 'in', value: ['gold'], caseSensitive: true }],
      }),
    ).toEqual([expect.stringMatching(/^conditions\.0: .*caseSensitive/)]);
  });

  it('refuses a condition without a field and a rule without conditions', () => {
    expect(problems({ match: 'all', conditions: [{ op: 'in', value: ['gold'] }] })).toEqual([
      expect.stringMatching(/^conditions\.0\.field: a condition names its field/),
    ]);
    expect(problems({ match: 'all' })).toEqual([
      'conditions: a rule needs at least one condition or group',
    ]);
  });

  it('refuses a group match other than all or any', () => {
    expect(
      problems({ match: 'none', conditions: [{ field: 'tier', op: 'in', value: ['gold'] }] }),
    ).toEqual([expect.stringMatching(/^match: /)]);
  });
});
