import { z } from 'zod';
import { TIERS, tierSchema } from '../customer/customer-profile.ts';
import { eventIdSchema, storeIdSchema } from '../ids/ids.ts';

/**
 * The segment rule language: a closed set of fields, each with its own operators, so that
 * a rule the edge cannot evaluate is refused when it is written, never ignored when it
 * runs. A rule is one group of conditions (`all` or `any`), optionally with sub-groups:
 * "gold or better AND (likes watches OR birthday this month)". Two levels express any
 * audience a marketer asks for and keep evaluation flat.
 */
export const SEGMENT_FIELDS = [
  'tier',
  'lifetimeValue',
  'preferences',
  'homeStore',
  'visitCount',
  'daysSinceLastVisit',
  'lastPurchaseCategory',
  'birthdayMonth',
  'eventInvitee',
] as const;
export type SegmentField = (typeof SEGMENT_FIELDS)[number];

/** Rules stay small enough to read on one screen and to evaluate in microseconds. */
export const SEGMENT_LIMITS = { conditions: 20, groups: 10, values: 100 } as const;

/** Names the rejected value, so that a 4xx says which operator was not understood. */
function unknownOperator(field: SegmentField, known: readonly string[]) {
  return (issue: { code?: string; input?: unknown }) => {
    if (issue.code !== 'invalid_union') return undefined;
    const op =
      typeof issue.input === 'object' && issue.input !== null && 'op' in issue.input
        ? issue.input.op
        : undefined;
    return `unknown operator ${JSON.stringify(op)} for ${field}; expected one of ${known.join(', ')}`;
  };
}

function condition<F extends SegmentField, const O extends readonly [string, ...string[]]>(
  field: F,
  ops: O,
) {
  return <V extends z.ZodType>(value: V) =>
    z.strictObject({ field: z.literal(field), op: z.enum(ops), value });
}

const values = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(SEGMENT_LIMITS.values);
const count = z.number().int().nonnegative();
/** A preference or a category as marketers type them; compared without case. */
const label = z.string().trim().min(1).max(64);

const tierCondition = z.discriminatedUnion(
  'op',
  [
    condition('tier', ['in', 'not-in'])(values(tierSchema)),
    condition('tier', ['at-least', 'at-most'])(tierSchema),
  ],
  { error: unknownOperator('tier', ['in', 'not-in', 'at-least', 'at-most']) },
);

/** In the currency of the customer's profile (the organisation's reporting currency). */
const lifetimeValueCondition = z.discriminatedUnion(
  'op',
  [condition('lifetimeValue', ['gte', 'lte'])(z.number().nonnegative())],
  { error: unknownOperator('lifetimeValue', ['gte', 'lte']) },
);

const preferencesCondition = z.discriminatedUnion(
  'op',
  [condition('preferences', ['includes-any', 'includes-all', 'includes-none'])(values(label))],
  { error: unknownOperator('preferences', ['includes-any', 'includes-all', 'includes-none']) },
);

/** `this-store` stands for the store where the customer is when the rule is evaluated. */
export const THIS_STORE = 'this-store';
const homeStoreCondition = z.discriminatedUnion(
  'op',
  [
    condition('homeStore', ['in', 'not-in'])(
      values(z.union([z.literal(THIS_STORE), storeIdSchema])),
    ),
  ],
  { error: unknownOperator('homeStore', ['in', 'not-in']) },
);

/** Visits counted across the organisation, or at the store where the rule is evaluated. */
const visitCountCondition = z.discriminatedUnion(
  'op',
  [
    z.strictObject({
      field: z.literal('visitCount'),
      op: z.enum(['gte', 'lte', 'eq']),
      value: count,
      scope: z.enum(['organisation', 'this-store']).default('organisation'),
    }),
  ],
  { error: unknownOperator('visitCount', ['gte', 'lte', 'eq']) },
);

/** Whole days since the previous visit; a customer never seen before matches neither. */
const daysSinceLastVisitCondition = z.discriminatedUnion(
  'op',
  [condition('daysSinceLastVisit', ['gte', 'lte'])(count)],
  { error: unknownOperator('daysSinceLastVisit', ['gte', 'lte']) },
);

/** Categories of the lines of the customer's most recent purchase, in any store. */
const lastPurchaseCategoryCondition = z.discriminatedUnion(
  'op',
  [condition('lastPurchaseCategory', ['in', 'not-in'])(values(label))],
  { error: unknownOperator('lastPurchaseCategory', ['in', 'not-in']) },
);

/** `is-current`: the birthday falls in the current month of the store's time zone. */
const birthdayMonthCondition = z.discriminatedUnion(
  'op',
  [
    condition('birthdayMonth', ['in'])(values(z.number().int().min(1).max(12))),
    z.strictObject({ field: z.literal('birthdayMonth'), op: z.literal('is-current') }),
  ],
  { error: unknownOperator('birthdayMonth', ['in', 'is-current']) },
);

/** Invited to any of the events (`in`), or to none of them (`not-in`). */
const eventInviteeCondition = z.discriminatedUnion(
  'op',
  [condition('eventInvitee', ['in', 'not-in'])(values(eventIdSchema))],
  { error: unknownOperator('eventInvitee', ['in', 'not-in']) },
);

export const segmentConditionSchema = z.discriminatedUnion(
  'field',
  [
    tierCondition,
    lifetimeValueCondition,
    preferencesCondition,
    homeStoreCondition,
    visitCountCondition,
    daysSinceLastVisitCondition,
    lastPurchaseCategoryCondition,
    birthdayMonthCondition,
    eventInviteeCondition,
  ],
  {
    error: (issue) => {
      if (issue.code !== 'invalid_union') return undefined;
      const field =
        typeof issue.input === 'object' && issue.input !== null && 'field' in issue.input
          ? issue.input.field
          : undefined;
      return field === undefined
        ? `a condition names its field, one of ${SEGMENT_FIELDS.join(', ')}`
        : `unknown field ${JSON.stringify(field)}; expected one of ${SEGMENT_FIELDS.join(', ')}`;
    },
  },
);
export type SegmentCondition = z.infer<typeof segmentConditionSchema>;
export type SegmentConditionInput = z.input<typeof segmentConditionSchema>;

const matchSchema = z.enum(['all', 'any']);

export const segmentGroupSchema = z.strictObject({
  match: matchSchema,
  conditions: z.array(segmentConditionSchema).min(1).max(SEGMENT_LIMITS.conditions),
});
export type SegmentGroup = z.infer<typeof segmentGroupSchema>;

export const segmentRuleSchema = z
  .strictObject({
    match: matchSchema,
    conditions: z.array(segmentConditionSchema).max(SEGMENT_LIMITS.conditions).default([]),
    groups: z.array(segmentGroupSchema).max(SEGMENT_LIMITS.groups).default([]),
  })
  .refine((rule) => rule.conditions.length + rule.groups.length > 0, {
    message: 'a rule needs at least one condition or group',
    path: ['conditions'],
  });
export type SegmentRule = z.infer<typeof segmentRuleSchema>;
export type SegmentRuleInput = z.input<typeof segmentRuleSchema>;

/** The rank of a tier, for `at-least` and `at-most`: member 0 … platinum 3. */
export function tierRank(tier: (typeof TIERS)[number]): number {
  return TIERS.indexOf(tier);
}
