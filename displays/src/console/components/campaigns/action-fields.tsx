import { type ActionForm, type ActionKind, emptyAction } from '../../domain/campaign-form.ts';
import { pick } from '../../domain/choices.ts';
import { errorAt } from '../../domain/problem.ts';
import { useLoad } from '../../hooks/use-load.ts';
import { useConsole } from '../console-context.ts';
import { Field } from '../field.tsx';
import type { SectionProps } from './section-props.ts';

const KINDS: Record<ActionKind, string> = {
  'associate-alert': 'Alert the associate',
  'screen-content': 'Play on the zone screens',
  'phone-offer': "Offer on the customer's phone",
  'event-invitation': 'Invite to an event',
};
const KIND_NAMES: ActionKind[] = [
  'associate-alert',
  'screen-content',
  'phone-offer',
  'event-invitation',
];

type TextField = Exclude<keyof ActionForm, 'kind'>;

/** What the campaign does when chosen: one to ten actions. */
export function ActionFields({ form, errors, update }: SectionProps) {
  const { api, stores } = useConsole();
  const offers = useLoad(() => api.offers(), []);
  const zones = stores.flatMap((store) =>
    store.zones.map((zone) => ({ ...zone, storeName: store.name })),
  );
  return (
    <fieldset>
      <legend>Actions</legend>
      {errorAt(errors, 'actions') && (
        <p class="field-error" role="alert">
          {errorAt(errors, 'actions')}
        </p>
      )}
      {form.actions.map((action, index) => {
        const path = `actions.${index}`;
        const set =
          (name: TextField) => (e: { currentTarget: HTMLInputElement | HTMLSelectElement }) => {
            const value = e.currentTarget.value;
            update((draft) => {
              const target = draft.actions[index];
              if (target) target[name] = value;
            });
          };
        return (
          <div class="action-row" key={index}>
            <Field label="Action" path={`${path}.kind`} errors={errors}>
              <select
                name={`${path}.kind`}
                value={action.kind}
                onChange={(e) => {
                  const kind = pick(KIND_NAMES, e.currentTarget.value, 'associate-alert');
                  update((draft) => {
                    draft.actions[index] = { ...emptyAction(kind) };
                  });
                }}
              >
                {KIND_NAMES.map((kind) => (
                  <option key={kind} value={kind}>
                    {KINDS[kind]}
                  </option>
                ))}
              </select>
            </Field>
            {action.kind === 'associate-alert' && (
              <Field label="Suggestion" path={`${path}.suggestion`} errors={errors}>
                <input
                  name={`${path}.suggestion`}
                  value={action.suggestion}
                  onInput={set('suggestion')}
                />
              </Field>
            )}
            {action.kind === 'screen-content' && (
              <>
                <Field label="Content id" path={`${path}.contentId`} errors={errors}>
                  <input
                    name={`${path}.contentId`}
                    value={action.contentId}
                    onInput={set('contentId')}
                  />
                </Field>
                <Field label="Hold (s, blank: default)" path={`${path}.holdS`} errors={errors}>
                  <input
                    name={`${path}.holdS`}
                    inputMode="numeric"
                    value={action.holdS}
                    onInput={set('holdS')}
                  />
                </Field>
                <Field label="Zone" path={`${path}.zoneId`} errors={errors}>
                  <select name={`${path}.zoneId`} value={action.zoneId} onChange={set('zoneId')}>
                    <option value="">The zone of the trigger</option>
                    {zones.map((zone) => (
                      <option key={zone.id} value={zone.id}>
                        {zone.storeName} · {zone.name}
                      </option>
                    ))}
                  </select>
                </Field>
              </>
            )}
            {action.kind === 'phone-offer' && (
              <Field label="Offer" path={`${path}.offerId`} errors={errors}>
                <select name={`${path}.offerId`} value={action.offerId} onChange={set('offerId')}>
                  <option value="">Choose an offer</option>
                  {offers.state === 'ready' &&
                    offers.data.items.map((offer) => (
                      <option key={offer.id} value={offer.id}>
                        {offer.name}
                      </option>
                    ))}
                </select>
              </Field>
            )}
            {action.kind === 'event-invitation' && (
              <Field label="Event id" path={`${path}.eventId`} errors={errors}>
                <input name={`${path}.eventId`} value={action.eventId} onInput={set('eventId')} />
              </Field>
            )}
            {form.actions.length > 1 && (
              <button
                type="button"
                class="link"
                onClick={() =>
                  update((draft) => {
                    draft.actions.splice(index, 1);
                  })
                }
              >
                Remove
              </button>
            )}
          </div>
        );
      })}
      <button
        type="button"
        onClick={() =>
          update((draft) => {
            draft.actions.push(emptyAction());
          })
        }
      >
        Add an action
      </button>
    </fieldset>
  );
}
