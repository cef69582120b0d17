import { CAMPAIGN_STATUSES, type StoredCampaign } from '@vitrine/shared';
import { useState } from 'preact/hooks';
import {
  type CampaignForm,
  campaignFormOf,
  campaignWriteOf,
  emptyCampaignForm,
} from '../../domain/campaign-form.ts';
import { pick } from '../../domain/choices.ts';
import { isoDateOf } from '../../domain/week-calendar.ts';
import { useFormProblem } from '../../hooks/use-form-problem.ts';
import { hrefOf } from '../../hooks/use-hash-route.ts';
import { useConsole } from '../console-context.ts';
import { Field, FormProblem } from '../field.tsx';
import { ActionFields } from './action-fields.tsx';
import { AudienceFields } from './audience-fields.tsx';
import { LimitFields } from './limit-fields.tsx';
import { ScheduleFields } from './schedule-fields.tsx';
import { TargetFields } from './target-fields.tsx';
import { TriggerFields } from './trigger-fields.tsx';

/** Creates a campaign, or edits one: every field of the shared campaign schema. */
export function CampaignEditor({ campaign }: { campaign: StoredCampaign | null }) {
  const { api, now } = useConsole();
  const [form, setForm] = useState<CampaignForm>(() =>
    campaign === null
      ? emptyCampaignForm(isoDateOf(Math.floor(now().getTime() / 86_400_000)))
      : campaignFormOf(campaign),
  );
  const problem = useFormProblem();
  const { errors } = problem;
  const [busy, setBusy] = useState(false);

  function update(change: (draft: CampaignForm) => void) {
    const draft = structuredClone(form);
    change(draft);
    setForm(draft);
  }

  async function save(event: Event) {
    event.preventDefault();
    const read = campaignWriteOf(form);
    if (!read.ok) return problem.invalid(read.fields);
    setBusy(true);
    const saved =
      campaign === null
        ? await api.createCampaign(read.write)
        : await api.updateCampaign(campaign.id, read.write);
    setBusy(false);
    if (problem.accepted(saved)) location.hash = hrefOf('campaigns');
  }

  const sections = { form, errors, update };
  return (
    <form class="editor campaign-editor" onSubmit={save} noValidate>
      <div class="page-head">
        <h1>{campaign === null ? 'New campaign' : campaign.name}</h1>
        {campaign && <span class="muted">version {campaign.version}</span>}
      </div>
      <FormProblem {...problem} />
      <fieldset>
        <legend>Campaign</legend>
        <Field label="Name" path="name" errors={errors}>
          <input
            name="name"
            value={form.name}
            onInput={(e) => {
              const name = e.currentTarget.value;
              update((draft) => {
                draft.name = name;
              });
            }}
          />
        </Field>
        <Field label="Status" path="status" errors={errors}>
          <select
            name="status"
            value={form.status}
            onChange={(e) => {
              const status = pick(CAMPAIGN_STATUSES, e.currentTarget.value, 'draft');
              update((draft) => {
                draft.status = status;
              });
            }}
          >
            {CAMPAIGN_STATUSES.map((status) => (
              <option key={status}>{status}</option>
            ))}
          </select>
        </Field>
      </fieldset>
      <TriggerFields {...sections} />
      <AudienceFields {...sections} />
      <ScheduleFields {...sections} />
      <TargetFields {...sections} />
      <LimitFields {...sections} />
      <ActionFields {...sections} />
      <div class="form-actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : campaign === null ? 'Create campaign' : 'Save campaign'}
        </button>
        <a href={hrefOf('campaigns')}>Cancel</a>
      </div>
    </form>
  );
}
