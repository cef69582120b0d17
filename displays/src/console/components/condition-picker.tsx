import { SEGMENT_FIELDS } from '@vitrine/shared';
import { pick } from '../domain/choices.ts';
import { withExampleCondition } from '../domain/segment-rule-text.ts';

export interface ConditionPickerProps {
  name: string;
  rule: string;
  onRule: (rule: string) => void;
}

/** Adds an example condition of the chosen field to a rule's text, to be edited there. */
export function ConditionPicker({ name, rule, onRule }: ConditionPickerProps) {
  return (
    <select
      name={name}
      value=""
      onChange={(e) => {
        const field = pick(SEGMENT_FIELDS, e.currentTarget.value, 'tier');
        if (e.currentTarget.value !== '') onRule(withExampleCondition(rule, field));
        e.currentTarget.value = '';
      }}
    >
      <option value="">Add a condition on…</option>
      {SEGMENT_FIELDS.map((field) => (
        <option key={field}>{field}</option>
      ))}
    </select>
  );
}
