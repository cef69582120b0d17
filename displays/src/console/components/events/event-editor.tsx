import { EVENT_KINDS, EVENT_STATUSES, type StoredEvent } from '@vitrine/shared';
import { useState } from 'preact/hooks';
import { pick } from '../../domain/choices.ts';
import { useFormProblem } from '../../hooks/use-form-problem.ts';
import { useLoad } from '../../hooks/use-load.ts';
import { useConsole } from '../console-context.ts';
import { Field, FormProblem, textBinder } from '../field.tsx';
import {
  type EventForm,
  emptyEventForm,
  errorsUnder,
  eventWriteOf,
  formOfEvent,
  toggled,
} from './event-form.ts';

export interface EventEditorProps {
  /** Null for a new event. */
  event: StoredEvent | null;
  onSaved: (event: StoredEvent) => void;
  onCancel: () => void;
}

type TextName = 'name' | 'description' | 'startsAt' | 'endsAt' | 'capacity';

/** Creates or edits an event; each field shows the cloud's message for it. */
export function EventEditor({ event, onSaved, onCancel }: EventEditorProps) {
  const { api, stores } = useConsole();
  const [form, setForm] = useState<EventForm>(() =>
    event === null ? emptyEventForm() : formOfEvent(event),
  );
  const problem = useFormProblem();
  const { errors } = problem;
  const segments = useLoad(() => api.segments(), [api]);
  const storeKey = form.storeIds.join(',');
  const associates = useLoad(async () => {
    const lists = await Promise.all(form.storeIds.map((id) => api.events.associates(id)));
    const failed = lists.find((list) => !list.ok);
    if (failed && !failed.ok) return failed;
    return { ok: true as const, data: lists.flatMap((list) => (list.ok ? list.data.items : [])) };
  }, [storeKey]);

  const bind = textBinder<EventForm, TextName>(form, setForm);

  async function save(submitted: Event) {
    submitted.preventDefault();
    const read = eventWriteOf(form);
    if (!read.ok) return problem.invalid(read.fields);
    const saved = problem.accepted(
      event === null
        ? await api.events.createEvent(read.write)
        : await api.events.updateEvent(event.id, read.write),
    );
    if (saved) onSaved(saved);
  }

  const storeError = errorsUnder(errors, 'storeIds');
  const hostError = errorsUnder(errors, 'hostAssociateIds');
  return (
    <form class="editor event-editor" onSubmit={save} noValidate>
      <h1>{event?.name ?? 'New event'}</h1>
      <FormProblem {...problem} />
      <Field label="Name" path="name" errors={errors}>
        <input {...bind('name')} />
      </Field>
      <Field label="Description" path="description" errors={errors}>
        <input {...bind('description')} />
      </Field>
      <Field label="Kind" path="kind" errors={errors}>
        <select
          name="kind"
          value={form.kind}
          onChange={(e) =>
            setForm({ ...form, kind: pick(EVENT_KINDS, e.currentTarget.value, 'other') })
          }
        >
          {EVENT_KINDS.map((kind) => (
            <option key={kind}>{kind}</option>
          ))}
        </select>
      </Field>
      <fieldset class={storeError ? 'invalid' : undefined} data-path="storeIds">
        <legend>Stores</legend>
        <span class="checks">
          {stores.map((store) => (
            <label key={store.id}>
              <input
                type="checkbox"
                name={`storeIds.${store.id}`}
                checked={form.storeIds.includes(store.id)}
                onChange={(e) =>
                  setForm({
                    ...form,
                    storeIds: toggled(form.storeIds, store.id, e.currentTarget.checked),
                  })
                }
              />
              {store.name} <span class="muted">{store.timeZone}</span>
            </label>
          ))}
        </span>
        {storeError && (
          <span class="field-error" role="alert">
            {storeError}
          </span>
        )}
      </fieldset>
      <Field
        label="Starts"
        path="startsAt"
        errors={errors}
        hint="The same wall-clock time at each store, in the store's own time zone"
      >
        <input type="datetime-local" {...bind('startsAt')} />
      </Field>
      <Field label="Ends" path="endsAt" errors={errors}>
        <input type="datetime-local" {...bind('endsAt')} />
      </Field>
      <Field label="Capacity per store (guests and companions)" path="capacity" errors={errors}>
        <input type="number" min={1} {...bind('capacity')} />
      </Field>
      <Field label="Invited segment" path="segmentId" errors={errors}>
        <select
          name="segmentId"
          value={form.segmentId}
          onChange={(e) => setForm({ ...form, segmentId: e.currentTarget.value })}
        >
          <option value="">None</option>
          {segments.state === 'ready' &&
            segments.data.items.map((segment) => (
              <option key={segment.id} value={segment.id}>
                {segment.name}
              </option>
            ))}
        </select>
      </Field>
      <fieldset class={hostError ? 'invalid' : undefined} data-path="hostAssociateIds">
        <legend>Hosts</legend>
        {form.storeIds.length === 0 && <p class="muted">Choose the stores first.</p>}
        <span class="checks">
          {associates.state === 'ready' &&
            associates.data.map((associate) => (
              <label key={associate.id}>
                <input
                  type="checkbox"
                  name={`hostAssociateIds.${associate.id}`}
                  checked={form.hostAssociateIds.includes(associate.id)}
                  onChange={(e) =>
                    setForm({
                      ...form,
                      hostAssociateIds: toggled(
                        form.hostAssociateIds,
                        associate.id,
                        e.currentTarget.checked,
                      ),
                    })
                  }
                />
                {associate.name}
              </label>
            ))}
        </span>
        {associates.state === 'failed' && <p class="error">{associates.message}</p>}
        {hostError && (
          <span class="field-error" role="alert">
            {hostError}
          </span>
        )}
      </fieldset>
      <Field label="Status" path="status" errors={errors}>
        <select
          name="status"
          value={form.status}
          onChange={(e) =>
            setForm({ ...form, status: pick(EVENT_STATUSES, e.currentTarget.value, 'draft') })
          }
        >
          {EVENT_STATUSES.filter((status) => status !== 'cancelled').map((status) => (
            <option key={status}>{status}</option>
          ))}
        </select>
      </Field>
      <div class="form-actions">
        <button type="submit">{event === null ? 'Create event' : 'Save event'}</button>
        <button type="button" class="link" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
