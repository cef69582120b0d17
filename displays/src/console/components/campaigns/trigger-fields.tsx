import { TRIGGER_KINDS } from '@vitrine/shared';
import { pick } from '../../domain/choices.ts';
import { Field } from '../field.tsx';
import type { SectionProps } from './section-props.ts';

/** What starts the campaign, with the one setting some triggers need. */
export function TriggerFields({ form, errors, update }: SectionProps) {
  const { trigger } = form;
  const set =
    (name: 'minDwellS' | 'contentIds' | 'eventId' | 'n') =>
    (e: { currentTarget: HTMLInputElement }) => {
      const value = e.currentTarget.value;
      update((draft) => {
        draft.trigger[name] = value;
      });
    };
  return (
    <fieldset>
      <legend>Trigger</legend>
      <Field label="When" path="trigger.kind" errors={errors}>
        <select
          name="trigger.kind"
          value={trigger.kind}
          onChange={(e) => {
            const kind = pick(TRIGGER_KINDS, e.currentTarget.value, 'store-enter');
            update((draft) => {
              draft.trigger.kind = kind;
            });
          }}
        >
          {TRIGGER_KINDS.map((kind) => (
            <option key={kind}>{kind}</option>
          ))}
        </select>
      </Field>
      {trigger.kind === 'zone-dwell' && (
        <Field label="Dwell at least (s)" path="trigger.minDwellS" errors={errors}>
          <input
            name="trigger.minDwellS"
            inputMode="numeric"
            value={trigger.minDwellS}
            onInput={set('minDwellS')}
          />
        </Field>
      )}
      {trigger.kind === 'content-scan' && (
        <Field label="Content ids" path="trigger.contentIds" errors={errors} hint="Comma-separated">
          <input name="trigger.contentIds" value={trigger.contentIds} onInput={set('contentIds')} />
        </Field>
      )}
      {trigger.kind === 'event-attendance' && (
        <Field label="Event id" path="trigger.eventId" errors={errors}>
          <input name="trigger.eventId" value={trigger.eventId} onInput={set('eventId')} />
        </Field>
      )}
      {trigger.kind === 'nth-visit' && (
        <>
          <Field label="Visit number" path="trigger.n" errors={errors}>
            <input name="trigger.n" inputMode="numeric" value={trigger.n} onInput={set('n')} />
          </Field>
          <Field label="Counted" path="trigger.scope" errors={errors}>
            <select
              name="trigger.scope"
              value={trigger.scope}
              onChange={(e) => {
                const scope = pick(
                  ['organisation', 'this-store'] as const,
                  e.currentTarget.value,
                  'this-store',
                );
                update((draft) => {
                  draft.trigger.scope = scope;
                });
              }}
            >
              <option value="this-store">at this store</option>
              <option value="organisation">in every store</option>
            </select>
          </Field>
        </>
      )}
    </fieldset>
  );
}
