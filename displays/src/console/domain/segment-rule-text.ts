import { type SegmentRule, segmentRuleSchema } from '@vitrine/shared';
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
