import { type Playlist, type Store, WEEKDAYS } from '@vitrine/shared';
import { useState } from 'preact/hooks';
import { useFormProblem } from '../../hooks/use-form-problem.ts';
import { useLoad } from '../../hooks/use-load.ts';
import { useConsole } from '../console-context.ts';
import { Field, FormProblem, textBinder } from '../field.tsx';
import { emptyScheduleForm, playlistDraftOf, type ScheduleForm } from './schedule-form.ts';

export interface ScheduleEditorProps {
  store: Store;
  onSaved: (playlist: Playlist) => void;
  onCancel: () => void;
}

type TextName = 'name' | 'validFrom' | 'validUntil' | 'start' | 'end' | 'priority';

/** Schedules an item on a screen or a zone of the store, on the store's own clock. */
export function ScheduleEditor({ store, onSaved, onCancel }: ScheduleEditorProps) {
  const { api } = useConsole();
  const [form, setForm] = useState<ScheduleForm>(emptyScheduleForm);
  const problem = useFormProblem();
  const { errors } = problem;
  const items = useLoad(() => api.content.items(), [api]);
  const screens = useLoad(() => api.content.screens(store.id), [store.id]);
  const bind = textBinder<ScheduleForm, TextName>(form, setForm);

  async function save(submitted: Event) {
    submitted.preventDefault();
    const read = playlistDraftOf(form, store.id);
    if (!read.ok) return problem.invalid(read.fields);
    const saved = problem.accepted(await api.content.createPlaylist(read.draft));
    if (saved) onSaved(saved);
  }

  return (
    <form class="editor schedule-editor" onSubmit={save} noValidate>
      <h1>Schedule content at {store.name}</h1>
      <FormProblem {...problem} />
      <Field label="Name" path="name" errors={errors}>
        <input {...bind('name')} />
      </Field>
      <Field label="Plays on" path="target" errors={errors}>
        <select
          name="target"
          value={form.target}
          onChange={(e) => setForm({ ...form, target: e.currentTarget.value })}
        >
          <option value="">Choose…</option>
          {screens.state === 'ready' &&
            screens.data.items.map((screen) => (
              <option key={screen.id} value={`screen:${screen.id}`}>
                Screen {screen.name}
              </option>
            ))}
          {store.zones.map((zone) => (
            <option key={zone.id} value={`zone:${zone.id}`}>
              Every screen of {zone.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Content" path="entries.0.contentId" errors={errors}>
        <select
          name="contentId"
          value={form.contentId}
          onChange={(e) => setForm({ ...form, contentId: e.currentTarget.value })}
        >
          <option value="">Choose…</option>
          {items.state === 'ready' &&
            items.data.items.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name} ({item.kind})
              </option>
            ))}
        </select>
      </Field>
      <fieldset>
        <legend>When, on the store's clock ({store.timeZone})</legend>
        <Field label="From (blank: now)" path="validFrom" errors={errors}>
          <input type="date" {...bind('validFrom')} />
        </Field>
        <Field label="Until (blank: open)" path="validUntil" errors={errors}>
          <input type="date" {...bind('validUntil')} />
        </Field>
        <Field label="From the hour (blank: all day)" path="dayparts.0.start" errors={errors}>
          <input type="time" {...bind('start')} />
        </Field>
        <Field label="To the hour" path="dayparts.0.end" errors={errors}>
          <input type="time" {...bind('end')} />
        </Field>
        <Field label="Days" path="dayparts.0.days" errors={errors}>
          <span class="days">
            {WEEKDAYS.map((day) => (
              <label key={day}>
                <input
                  type="checkbox"
                  name={`days.${day}`}
                  checked={form.days.includes(day)}
                  onChange={(e) =>
                    setForm({
                      ...form,
                      days: e.currentTarget.checked
                        ? WEEKDAYS.filter((one) => one === day || form.days.includes(one))
                        : form.days.filter((one) => one !== day),
                    })
                  }
                />
                {day}
              </label>
            ))}
          </span>
        </Field>
      </fieldset>
      <Field
        label="Priority"
        path="priority"
        errors={errors}
        hint="Where playlists overlap, the highest plays"
      >
        <input type="number" min={0} max={100} {...bind('priority')} />
      </Field>
      <div class="form-actions">
        <button type="submit">Schedule</button>
        <button type="button" class="link" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
