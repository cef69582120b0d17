import { CAP_PERIODS } from '@vitrine/shared';
import type { CampaignForm } from '../../domain/campaign-form.ts';
import { pick } from '../../domain/choices.ts';
import { Field } from '../field.tsx';
import type { SectionProps } from './section-props.ts';

type CapText = Exclude<keyof CampaignForm['caps'], 'per'>;

/** Caps, cooldown, priority and exclusivity, budget. */
export function LimitFields({ form, errors, update }: SectionProps) {
  const setCap = (name: CapText) => (e: { currentTarget: HTMLInputElement }) => {
    const value = e.currentTarget.value;
    update((draft) => {
      draft.caps[name] = value;
    });
  };
  const setTop =
    (name: 'priority' | 'maxDeliveries') => (e: { currentTarget: HTMLInputElement }) => {
      const value = e.currentTarget.value;
      update((draft) => {
        draft[name] = value;
      });
    };
  return (
    <fieldset>
      <legend>Caps, priority and budget</legend>
      <div class="inline-fields">
        <Field label="At most, per customer" path="caps.perCustomer.max" errors={errors}>
          <input
            name="caps.perCustomer.max"
            inputMode="numeric"
            value={form.caps.max}
            onInput={setCap('max')}
          />
        </Field>
        <Field label="per" path="caps.perCustomer.per" errors={errors}>
          <select
            name="caps.perCustomer.per"
            value={form.caps.per}
            onChange={(e) => {
              const per = pick(CAP_PERIODS, e.currentTarget.value, 'visit');
              update((draft) => {
                draft.caps.per = per;
              });
            }}
          >
            {CAP_PERIODS.map((period) => (
              <option key={period}>{period}</option>
            ))}
          </select>
        </Field>
      </div>
      <Field
        label="Not after this many campaigns in a visit (blank: the store's limit)"
        path="caps.perVisitAcrossCampaigns"
        errors={errors}
      >
        <input
          name="caps.perVisitAcrossCampaigns"
          inputMode="numeric"
          value={form.caps.perVisitAcrossCampaigns}
          onInput={setCap('perVisitAcrossCampaigns')}
        />
      </Field>
      <Field label="Cooldown (minutes)" path="caps.cooldownMinutes" errors={errors}>
        <input
          name="caps.cooldownMinutes"
          inputMode="numeric"
          value={form.caps.cooldownMinutes}
          onInput={setCap('cooldownMinutes')}
        />
      </Field>
      <Field label="Priority (0–1000, higher first)" path="priority" errors={errors}>
        <input
          name="priority"
          inputMode="numeric"
          value={form.priority}
          onInput={setTop('priority')}
        />
      </Field>
      <Field
        label="Exclusive"
        path="exclusive"
        errors={errors}
        hint="Delivered alone for its trigger"
      >
        <input
          name="exclusive"
          type="checkbox"
          checked={form.exclusive}
          onChange={(e) => {
            const exclusive = e.currentTarget.checked;
            update((draft) => {
              draft.exclusive = exclusive;
            });
          }}
        />
      </Field>
      <Field
        label="Budget: deliveries (blank: no limit)"
        path="budget.maxDeliveries"
        errors={errors}
      >
        <input
          name="budget.maxDeliveries"
          inputMode="numeric"
          value={form.maxDeliveries}
          onInput={setTop('maxDeliveries')}
        />
      </Field>
    </fieldset>
  );
}
