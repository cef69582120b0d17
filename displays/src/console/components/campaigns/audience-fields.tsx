import { pick } from '../../domain/choices.ts';
import { useLoad } from '../../hooks/use-load.ts';
import { ConditionPicker } from '../condition-picker.tsx';
import { useConsole } from '../console-context.ts';
import { Field } from '../field.tsx';
import type { SectionProps } from './section-props.ts';

const KINDS = ['everyone', 'segment', 'rule'] as const;

/** Who the campaign is for: everyone, a saved segment, or a rule of its own. */
export function AudienceFields({ form, errors, update }: SectionProps) {
  const { api } = useConsole();
  const segments = useLoad(() => api.segments(), []);
  const { audience } = form;
  return (
    <fieldset>
      <legend>Audience</legend>
      <Field label="Audience" path="audience.kind" errors={errors}>
        <select
          name="audience.kind"
          value={audience.kind}
          onChange={(e) => {
            const kind = pick(KINDS, e.currentTarget.value, 'everyone');
            update((draft) => {
              draft.audience.kind = kind;
            });
          }}
        >
          <option value="everyone">Everyone</option>
          <option value="segment">A segment</option>
          <option value="rule">A rule of its own</option>
        </select>
      </Field>
      {audience.kind === 'segment' && (
        <Field label="Segment" path="audience.segmentId" errors={errors}>
          <select
            name="audience.segmentId"
            value={audience.segmentId}
            onChange={(e) => {
              const segmentId = e.currentTarget.value;
              update((draft) => {
                draft.audience.segmentId = segmentId;
              });
            }}
          >
            <option value="">Choose a segment</option>
            {segments.state === 'ready' &&
              segments.data.items.map((segment) => (
                <option key={segment.id} value={segment.id}>
                  {segment.name}
                </option>
              ))}
          </select>
        </Field>
      )}
      {audience.kind === 'rule' && (
        <>
          <Field
            label="Rule"
            path="audience.rule"
            errors={errors}
            hint='JSON, e.g. {"match":"all","conditions":[{"field":"tier","op":"at-least","value":"gold"}]}'
          >
            <textarea
              name="audience.rule"
              rows={5}
              value={audience.rule}
              onInput={(e) => {
                const rule = e.currentTarget.value;
                update((draft) => {
                  draft.audience.rule = rule;
                });
              }}
            />
          </Field>
          <ConditionPicker
            name="audience.rule.add"
            rule={audience.rule}
            onRule={(rule) =>
              update((draft) => {
                draft.audience.rule = rule;
              })
            }
          />
        </>
      )}
    </fieldset>
  );
}
