import type { SimulationResult } from '@vitrine/shared';
import { useState } from 'preact/hooks';
import { useConsole } from '../components/console-context.ts';
import { Field, FormProblem } from '../components/field.tsx';
import { StoreOptions } from '../components/store-options.tsx';
import { pick } from '../domain/choices.ts';
import {
  SIMULATED_KINDS,
  type SimulationForm,
  simulationRequestOf,
} from '../domain/simulation-form.ts';
import { useFormProblem } from '../hooks/use-form-problem.ts';

type TextField = Exclude<keyof SimulationForm, 'kind'>;

/** "What would this customer get here, now, and why not the others": a dry run. */
export function SimulationPage() {
  const { api, stores } = useConsole();
  const [form, setForm] = useState<SimulationForm>({
    customerId: '',
    storeId: stores[0]?.id ?? '',
    localTime: '',
    kind: 'store-enter',
    zoneId: '',
    dwellS: '',
    contentId: '',
    eventId: '',
  });
  const problem = useFormProblem();
  const { errors } = problem;
  const [result, setResult] = useState<SimulationResult | null>(null);
  const store = stores.find((candidate) => candidate.id === form.storeId);
  const set = (name: TextField) => (e: { currentTarget: HTMLInputElement | HTMLSelectElement }) =>
    setForm({ ...form, [name]: e.currentTarget.value });

  async function run(event: Event) {
    event.preventDefault();
    setResult(null);
    const read = simulationRequestOf(form, store?.timeZone ?? 'UTC');
    if (!read.ok) return problem.invalid(read.fields);
    const answer = await api.simulate(read.request);
    if (!answer.ok && answer.status === 404 && Object.keys(answer.fields).length === 0) {
      return problem.show({}, `This cloud has no simulation yet (404: ${answer.message}).`);
    }
    setResult(problem.accepted(answer));
  }

  const zoned = form.kind !== 'store-enter' && form.kind !== 'event-attendance';
  return (
    <section>
      <form class="editor" onSubmit={run} noValidate>
        <h1>Simulation</h1>
        <FormProblem {...problem} />
        <Field label="Customer id" path="customerId" errors={errors}>
          <input
            name="customerId"
            placeholder="cus_000001"
            value={form.customerId}
            onInput={set('customerId')}
          />
        </Field>
        <Field label="Store" path="storeId" errors={errors}>
          <select name="storeId" value={form.storeId} onChange={set('storeId')}>
            <StoreOptions />
          </select>
        </Field>
        <Field label={`When (${store?.timeZone ?? 'UTC'})`} path="at" errors={errors}>
          <input
            name="at"
            type="datetime-local"
            value={form.localTime}
            onInput={set('localTime')}
          />
        </Field>
        <Field label="What happens" path="event.kind" errors={errors}>
          <select
            name="event.kind"
            value={form.kind}
            onChange={(e) =>
              setForm({
                ...form,
                kind: pick(SIMULATED_KINDS, e.currentTarget.value, 'store-enter'),
              })
            }
          >
            {SIMULATED_KINDS.map((kind) => (
              <option key={kind}>{kind}</option>
            ))}
          </select>
        </Field>
        {zoned && (
          <Field label="Zone" path="event.zoneId" errors={errors}>
            <select name="event.zoneId" value={form.zoneId} onChange={set('zoneId')}>
              <option value="">none</option>
              {store?.zones.map((zone) => (
                <option key={zone.id} value={zone.id}>
                  {zone.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        {form.kind === 'zone-dwell' && (
          <Field label="Dwell (s)" path="event.dwellS" errors={errors}>
            <input
              name="event.dwellS"
              inputMode="numeric"
              value={form.dwellS}
              onInput={set('dwellS')}
            />
          </Field>
        )}
        {form.kind === 'content-scan' && (
          <Field label="Content id" path="event.contentId" errors={errors}>
            <input name="event.contentId" value={form.contentId} onInput={set('contentId')} />
          </Field>
        )}
        {form.kind === 'event-attendance' && (
          <Field label="Event id" path="event.eventId" errors={errors}>
            <input name="event.eventId" value={form.eventId} onInput={set('eventId')} />
          </Field>
        )}
        <div class="form-actions">
          <button type="submit">Simulate</button>
        </div>
      </form>
      {result && <SimulationAnswer result={result} />}
    </section>
  );
}

function SimulationAnswer({ result }: { result: SimulationResult }) {
  const chosen = new Map(result.chosen.map((choice) => [choice.campaignId, choice.deliveries]));
  return (
    <div class="simulation-result">
      <p>
        At <strong>{result.localTime.replace('T', ' ')}</strong> in the store:{' '}
        {result.chosen.length} campaign(s) chosen; visits {result.facts.visits.total} (here{' '}
        {result.facts.visits.atThisStore}).
      </p>
      <table class="list">
        <thead>
          <tr>
            <th>Campaign</th>
            <th>Priority</th>
            <th>Decision</th>
            <th>Why</th>
          </tr>
        </thead>
        <tbody>
          {result.verdicts.map((verdict) => (
            <tr key={verdict.campaignId} class={verdict.reason === 'chosen' ? 'chosen' : undefined}>
              <td>{verdict.name}</td>
              <td>{verdict.priority}</td>
              <td>
                {verdict.reason === 'chosen'
                  ? `chosen: ${(chosen.get(verdict.campaignId) ?? []).join(', ')}`
                  : verdict.reason}
              </td>
              <td>{verdict.detail ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
