import {
  type SegmentCondition,
  type SegmentGroup,
  type SegmentRule,
  THIS_STORE,
  tierRank,
} from '../segment-rules.ts';
import type { AudienceSubject } from './audience-subject.ts';

export type SubjectPredicate = (subject: AudienceSubject) => boolean;

function lowered(values: readonly string[]): Set<string> {
  return new Set(values.map((value) => value.toLowerCase()));
}

function someIn(have: ReadonlySet<string>, wanted: ReadonlySet<string>): boolean {
  for (const value of wanted) if (have.has(value)) return true;
  return false;
}

function compare(op: 'gte' | 'lte' | 'eq', value: number): (actual: number) => boolean {
  if (op === 'gte') return (actual) => actual >= value;
  if (op === 'lte') return (actual) => actual <= value;
  return (actual) => actual === value;
}

/** One condition as a closure over its values, prepared once per snapshot. */
export function compileCondition(condition: SegmentCondition): SubjectPredicate {
  switch (condition.field) {
    case 'tier': {
      if (typeof condition.value === 'string') {
        const rank = tierRank(condition.value);
        return condition.op === 'at-least'
          ? (subject) => subject.tierRank >= rank
          : (subject) => subject.tierRank <= rank;
      }
      const ranks = new Set(condition.value.map(tierRank));
      const wanted = condition.op === 'in';
      return (subject) => ranks.has(subject.tierRank) === wanted;
    }
    case 'lifetimeValue': {
      const test = compare(condition.op, condition.value);
      return (subject) => test(subject.lifetimeValue);
    }
    case 'preferences': {
      const values = lowered(condition.value);
      if (condition.op === 'includes-any') return (subject) => someIn(subject.preferences, values);
      if (condition.op === 'includes-none') {
        return (subject) => !someIn(subject.preferences, values);
      }
      return (subject) => {
        for (const value of values) if (!subject.preferences.has(value)) return false;
        return true;
      };
    }
    case 'homeStore': {
      const stores = new Set(condition.value);
      const thisStore = stores.has(THIS_STORE);
      const wanted = condition.op === 'in';
      return (subject) => {
        const home = subject.homeStoreId;
        const listed =
          home !== null && (stores.has(home) || (thisStore && home === subject.storeId));
        return listed === wanted;
      };
    }
    case 'visitCount': {
      const test = compare(condition.op, condition.value);
      return condition.scope === 'this-store'
        ? (subject) => test(subject.visitsHere)
        : (subject) => test(subject.visitsTotal);
    }
    case 'daysSinceLastVisit': {
      const test = compare(condition.op, condition.value);
      return (subject) => subject.daysSinceLastVisit !== null && test(subject.daysSinceLastVisit);
    }
    case 'lastPurchaseCategory': {
      const values = lowered(condition.value);
      const wanted = condition.op === 'in';
      return (subject) => someIn(subject.lastPurchaseCategories, values) === wanted;
    }
    case 'birthdayMonth': {
      if (condition.op === 'is-current') {
        return (subject) => subject.birthMonth === subject.currentMonth;
      }
      const months = new Set(condition.value);
      return (subject) => subject.birthMonth !== null && months.has(subject.birthMonth);
    }
    case 'eventInvitee': {
      const events = new Set(condition.value);
      const wanted = condition.op === 'in';
      return (subject) => someIn(subject.invitedEventIds, events) === wanted;
    }
  }
}

function combine(match: 'all' | 'any', parts: SubjectPredicate[]): SubjectPredicate {
  if (match === 'all') {
    return (subject) => {
      for (const part of parts) if (!part(subject)) return false;
      return true;
    };
  }
  return (subject) => {
    for (const part of parts) if (part(subject)) return true;
    return false;
  };
}

function compileGroup(group: SegmentGroup): SubjectPredicate {
  return combine(group.match, group.conditions.map(compileCondition));
}

/** A rule as one predicate: its conditions and groups joined by the rule's `match`. */
export function compileSegmentRule(rule: SegmentRule): SubjectPredicate {
  return combine(rule.match, [
    ...rule.conditions.map(compileCondition),
    ...rule.groups.map(compileGroup),
  ]);
}

/** "tier at-least gold", "birthdayMonth is-current": a condition as a marketer wrote it. */
export function describeCondition(condition: SegmentCondition): string {
  const value = 'value' in condition ? ` ${[condition.value].flat().join(', ')}` : '';
  const scope = condition.field === 'visitCount' ? ` (${condition.scope})` : '';
  return `${condition.field} ${condition.op}${value}${scope}`;
}

function explainGroup(
  match: 'all' | 'any',
  parts: { description: string; holds: boolean }[],
): string | null {
  if (match === 'all') return parts.find((part) => !part.holds)?.description ?? null;
  if (parts.some((part) => part.holds)) return null;
  return `none of: ${parts.map((part) => part.description).join('; ')}`;
}

/**
 * Why a subject is outside a rule, for the simulation: the first condition of an `all`
 * that fails, or the list of an `any` that all fail. Null when the subject matches.
 */
export function explainSegmentRule(rule: SegmentRule, subject: AudienceSubject): string | null {
  const conditionParts = rule.conditions.map((condition) => ({
    description: describeCondition(condition),
    holds: compileCondition(condition)(subject),
  }));
  const groupParts = rule.groups.map((group) => {
    const why = explainGroup(
      group.match,
      group.conditions.map((condition) => ({
        description: describeCondition(condition),
        holds: compileCondition(condition)(subject),
      })),
    );
    return { description: `(${why ?? ''})`, holds: why === null };
  });
  return explainGroup(rule.match, [...conditionParts, ...groupParts]);
}
