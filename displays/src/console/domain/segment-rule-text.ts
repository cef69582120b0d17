import {
  type SegmentConditionInput,
  type SegmentField,
  type SegmentRule,
  segmentRuleSchema,
} from '@vitrine/shared';
import type { FieldErrors } from './problem.ts';

export type SegmentRuleRead = { ok: true; rule: SegmentRule } | { ok: false; fields: FieldErrors };

/** A rule written as JSON, read with the shared rule schema; problems named by their path. */
export function readSegmentRule(text: string): SegmentRuleRead {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, fields: { '': 'must be a rule written as JSON' } };
  }
  const parsed = segmentRuleSchema.safeParse(json);
  if (parsed.success) return { ok: true, rule: parsed.data };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[issue.path.join('.')] ??= issue.message;
  return { ok: false, fields };
}

/** One condition of each field, as a marketer starts from: the values are to be edited. */
export const EXAMPLE_CONDITIONS: Record<SegmentField, SegmentConditionInput> = {
  tier: { field: 'tier', op: 'at-least', value: 'gold' },
  lifetimeValue: { field: 'lifetimeValue', op: 'gte', value: 10_000 },
  preferences: { field: 'preferences', op: 'includes-any', value: ['watches'] },
  homeStore: { field: 'homeStore', op: 'not-in', value: ['this-store'] },
  visitCount: { field: 'visitCount', op: 'gte', value: 5, scope: 'organisation' },
  daysSinceLastVisit: { field: 'daysSinceLastVisit', op: 'gte', value: 90 },
  lastPurchaseCategory: { field: 'lastPurchaseCategory', op: 'in', value: ['leather'] },
  birthdayMonth: { field: 'birthdayMonth', op: 'is-current' },
  eventInvitee: { field: 'eventInvitee', op: 'in', value: ['evt_launch'] },
};

/**
 * The rule text with an example condition of `field` added to its top group; a text that
 * is not a JSON object yet starts a new rule with it.
 */
export function withExampleCondition(text: string, field: SegmentField): string {
  let rule: unknown;
  try {
    rule = JSON.parse(text);
  } catch {
    rule = null;
  }
  const condition = EXAMPLE_CONDITIONS[field];
  const base =
    typeof rule === 'object' && rule !== null && !Array.isArray(rule)
      ? { ...rule }
      : { match: 'all' };
  const conditions = 'conditions' in base && Array.isArray(base.conditions) ? base.conditions : [];
  return JSON.stringify({ ...base, conditions: [...conditions, condition] }, null, 2);
}
