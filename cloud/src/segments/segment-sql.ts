import {
  type SegmentCondition,
  type SegmentGroup,
  type SegmentRule,
  THIS_STORE,
  TIERS,
  tierRank,
} from '@vitrine/shared';
import { and, eq, gte, inArray, lte, notInArray, or, type SQL, sql } from 'drizzle-orm';
import { customers } from '../db/schema.ts';
import { ValidationError } from '../errors/app-errors.ts';

const DAY_MS = 86_400_000;

/** Where and when the rule is read: the store an edge would read it in, or none. */
export interface AudienceSituation {
  /** The store for `this-store`; null when the audience is measured organisation-wide. */
  storeId: string | null;
  at: Date;
  /** The month at `at` in the store's time zone (UTC without a store), for `is-current`. */
  currentMonth: number;
}

/** Thrown while translating, with the path inside the rule; the caller prefixes it. */
class UnanswerableCondition extends Error {
  constructor(
    readonly path: (string | number)[],
    message: string,
  ) {
    super(message);
  }
}

function list(values: readonly (string | number)[]): SQL {
  return sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );
}

function lowered(values: readonly string[]): string[] {
  return [...new Set(values.map((value) => value.toLowerCase()))];
}

function numeric(op: 'gte' | 'lte' | 'eq', actual: SQL, value: number): SQL {
  if (op === 'gte') return sql`${actual} >= ${value}`;
  if (op === 'lte') return sql`${actual} <= ${value}`;
  return sql`${actual} = ${value}`;
}

function storeOf(situation: AudienceSituation, path: (string | number)[]): string {
  if (situation.storeId !== null) return situation.storeId;
  throw new UnanswerableCondition(path, 'this-store needs the storeId of the preview');
}

/** Customers whose preferences, compared without case, hold any of the labels. */
function preferencesHoldingAny(labels: string[]): SQL {
  return sql`exists (select 1 from unnest(${customers.preferences}) as pref(label) where lower(pref.label) in (${list(labels)}))`;
}

/**
 * One condition as a predicate over `customers`, with the same meaning as the edge's
 * evaluation (shared segment-evaluation): a customer never seen matches no visit recency,
 * one with no purchase or no home store is outside every `in` and inside every `not-in`.
 */
function conditionSql(
  condition: SegmentCondition,
  situation: AudienceSituation,
  path: (string | number)[],
): SQL {
  switch (condition.field) {
    case 'tier': {
      if (typeof condition.value !== 'string') {
        return condition.op === 'in'
          ? inArray(customers.tier, condition.value)
          : notInArray(customers.tier, condition.value);
      }
      const rank = tierRank(condition.value);
      const tiers = TIERS.filter((tier) =>
        condition.op === 'at-least' ? tierRank(tier) >= rank : tierRank(tier) <= rank,
      );
      return inArray(customers.tier, tiers);
    }
    case 'lifetimeValue':
      return condition.op === 'gte'
        ? gte(customers.lifetimeValue, condition.value)
        : lte(customers.lifetimeValue, condition.value);
    case 'preferences': {
      const labels = lowered(condition.value);
      if (condition.op === 'includes-any') return preferencesHoldingAny(labels);
      if (condition.op === 'includes-none') return sql`not ${preferencesHoldingAny(labels)}`;
      return sql`(select count(distinct lower(pref.label)) from unnest(${customers.preferences}) as pref(label) where lower(pref.label) in (${list(labels)})) = ${labels.length}`;
    }
    case 'homeStore': {
      const storeIds = condition.value.map((value, index) =>
        value === THIS_STORE ? storeOf(situation, [...path, 'value', index]) : value,
      );
      const listed = inArray(customers.homeStoreId, storeIds);
      if (condition.op === 'in') return listed;
      return sql`(${customers.homeStoreId} is null or not ${listed})`;
    }
    case 'visitCount': {
      const here =
        condition.scope === 'this-store'
          ? sql` where v.store_id = ${storeOf(situation, [...path, 'scope'])}`
          : sql``;
      return visitCountSql(condition.op, condition.value, here);
    }
    case 'daysSinceLastVisit': {
      // Whole days: `floor((at - last) / day) >= n` is `last <= at - n days`.
      const days = condition.op === 'gte' ? condition.value : condition.value + 1;
      const bound = new Date(situation.at.getTime() - days * DAY_MS).toISOString();
      return condition.op === 'gte'
        ? sql`${customers.id} in (select v.customer_id from visits v group by v.customer_id having max(v.visited_at) <= ${bound}::timestamptz)`
        : sql`${customers.id} in (select v.customer_id from visits v where v.visited_at > ${bound}::timestamptz)`;
    }
    case 'lastPurchaseCategory': {
      const held = sql`${customers.id} in (select latest.customer_id from (select distinct on (p.customer_id) p.customer_id, p.lines from purchases p order by p.customer_id, p.purchased_at desc, p.id desc) as latest, jsonb_array_elements(latest.lines) as line where lower(line->>'category') in (${list(lowered(condition.value))}))`;
      return condition.op === 'in' ? held : sql`not ${held}`;
    }
    case 'birthdayMonth':
      return condition.op === 'is-current'
        ? eq(customers.birthMonth, situation.currentMonth)
        : inArray(customers.birthMonth, condition.value);
    case 'eventInvitee': {
      // Invited: holds an invitation to any of the events, whatever they answered.
      const invited = sql`exists (select 1 from event_invitations i where i.customer_id = ${customers.id} and i.event_id in (${list(condition.value)}))`;
      return condition.op === 'in' ? invited : sql`not ${invited}`;
    }
  }
}

/**
 * Customers by their number of visits, read as one grouping of the visits rather than a
 * count per customer. Customers never seen have no group: when zero visits satisfy the
 * comparison they are kept by excluding those whose count does not.
 */
function visitCountSql(op: 'gte' | 'lte' | 'eq', value: number, where: SQL): SQL {
  const counted = (test: SQL) =>
    sql`(select v.customer_id from visits v${where} group by v.customer_id having ${test})`;
  const holds = numeric(op, sql`count(*)`, value);
  const zeroHolds = op === 'lte' || value === 0;
  return zeroHolds
    ? sql`${customers.id} not in ${counted(sql`not (${holds})`)}`
    : sql`${customers.id} in ${counted(holds)}`;
}

function combine(match: 'all' | 'any', parts: SQL[]): SQL {
  const joined = match === 'all' ? and(...parts) : or(...parts);
  return joined ?? sql`true`;
}

function groupSql(group: SegmentGroup, situation: AudienceSituation, path: (string | number)[]) {
  return combine(
    group.match,
    group.conditions.map((condition, index) =>
      conditionSql(condition, situation, [...path, 'conditions', index]),
    ),
  );
}

/**
 * A segment rule as a WHERE predicate over `customers`: the audience is counted by the
 * database, never by loading customers. A condition the situation cannot answer
 * (`this-store` with no store) is a 400 naming it under `pathPrefix`.
 */
export function segmentRuleSql(
  rule: SegmentRule,
  situation: AudienceSituation,
  pathPrefix: string,
): SQL {
  try {
    return combine(rule.match, [
      ...rule.conditions.map((condition, index) =>
        conditionSql(condition, situation, ['conditions', index]),
      ),
      ...rule.groups.map((group, index) => groupSql(group, situation, ['groups', index])),
    ]);
  } catch (error) {
    if (!(error instanceof UnanswerableCondition)) throw error;
    const path = [pathPrefix, ...error.path].join('.');
    throw new ValidationError([{ path, message: error.message }], { cause: error });
  }
}
