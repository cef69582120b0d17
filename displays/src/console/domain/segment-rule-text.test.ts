import { SEGMENT_FIELDS, segmentConditionSchema } from '@vitrine/shared';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_CONDITIONS, readSegmentRule, withExampleCondition } from './segment-rule-text.ts';

describe('a segment rule as text', () => {
  it('has an example condition for every field, each one the schema accepts', () => {
    for (const field of SEGMENT_FIELDS) {
      expect(segmentConditionSchema.safeParse(EXAMPLE_CONDITIONS[field]).success).toBe(true);
    }
  });

  it('adds an example condition to the rule, keeping what was there', () => {
    const text = withExampleCondition(
      JSON.stringify({ match: 'any', conditions: [EXAMPLE_CONDITIONS.tier] }),
      'birthdayMonth',
    );
    const read = readSegmentRule(text);
    expect(read.ok && read.rule).toEqual({
      match: 'any',
      conditions: [EXAMPLE_CONDITIONS.tier, { field: 'birthdayMonth', op: 'is-current' }],
      groups: [],
    });
  });

  it('starts a new rule from text that is not one yet', () => {
    const read = readSegmentRule(withExampleCondition('', 'preferences'));
    expect(read.ok && read.rule.conditions).toEqual([EXAMPLE_CONDITIONS.preferences]);
  });

  it('names what does not read by its path in the rule', () => {
    expect(readSegmentRule('{"match":"all","conditions":[{"field":"zodiac"}]}')).toEqual({
      ok: false,
      fields: { 'conditions.0.field': expect.stringMatching(/unknown field "zodiac"/) },
    });
    expect(readSegmentRule('tier >= gold')).toEqual({
      ok: false,
      fields: { '': 'must be a rule written as JSON' },
    });
  });
});
