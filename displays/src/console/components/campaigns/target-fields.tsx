import { isZoneTrigger } from '@vitrine/shared';
import { useConsole } from '../console-context.ts';
import { Field } from '../field.tsx';
import type { SectionProps } from './section-props.ts';

/** Toggles one id in a list that may also be `all`; an emptied list goes back to `all`. */
function toggled(current: 'all' | string[], id: string, on: boolean): 'all' | string[] {
  const ids = new Set(current === 'all' ? [] : current);
  if (on) ids.add(id);
  else ids.delete(id);
  return ids.size === 0 ? 'all' : [...ids];
}

/** The stores the campaign runs in and, for zone triggers, the zones. */
export function TargetFields({ form, errors, update }: SectionProps) {
  const { stores } = useConsole();
  const { targets } = form;
  const chosen =
    targets.stores === 'all' ? stores : stores.filter((store) => targets.stores.includes(store.id));
  const zones = chosen.flatMap((store) =>
    store.zones.map((zone) => ({ ...zone, storeName: store.name })),
  );
  return (
    <fieldset>
      <legend>Targets</legend>
      <Field label="Stores (none ticked: all)" path="targets.stores" errors={errors}>
        <span class="checks">
          {stores.map((store) => (
            <label key={store.id}>
              <input
                type="checkbox"
                name={`targets.stores.${store.id}`}
                checked={targets.stores !== 'all' && targets.stores.includes(store.id)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  update((draft) => {
                    draft.targets.stores = toggled(draft.targets.stores, store.id, on);
                  });
                }}
              />
              {store.name} <span class="muted">({store.timeZone})</span>
            </label>
          ))}
        </span>
      </Field>
      {(isZoneTrigger(form.trigger.kind) || targets.zones !== 'all') && (
        <Field label="Zones (none ticked: all)" path="targets.zones" errors={errors}>
          <span class="checks">
            {zones.map((zone) => (
              <label key={zone.id}>
                <input
                  type="checkbox"
                  name={`targets.zones.${zone.id}`}
                  checked={targets.zones !== 'all' && targets.zones.includes(zone.id)}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    update((draft) => {
                      draft.targets.zones = toggled(draft.targets.zones, zone.id, on);
                    });
                  }}
                />
                {zone.storeName} · {zone.name}
              </label>
            ))}
          </span>
        </Field>
      )}
    </fieldset>
  );
}
