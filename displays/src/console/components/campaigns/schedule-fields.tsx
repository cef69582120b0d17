import { WEEKDAYS } from '@vitrine/shared';
import { Field } from '../field.tsx';
import type { SectionProps } from './section-props.ts';

/** Dates and recurring day/time windows, read on each target store's own wall clock. */
export function ScheduleFields({ form, errors, update }: SectionProps) {
  const { schedule } = form;
  const setDate = (name: 'from' | 'until') => (e: { currentTarget: HTMLInputElement }) => {
    const value = e.currentTarget.value;
    update((draft) => {
      draft.schedule[name] = value;
    });
  };
  return (
    <fieldset>
      <legend>Schedule (each store's local time)</legend>
      <Field label="From" path="schedule.from" errors={errors}>
        <input name="schedule.from" type="date" value={schedule.from} onInput={setDate('from')} />
      </Field>
      <Field label="Until (inclusive, blank: open)" path="schedule.until" errors={errors}>
        <input
          name="schedule.until"
          type="date"
          value={schedule.until}
          onInput={setDate('until')}
        />
      </Field>
      <p class="field-hint">No window: all day.</p>
      {schedule.windows.map((window, index) => {
        const path = `schedule.windows.${index}`;
        const setTime = (name: 'start' | 'end') => (e: { currentTarget: HTMLInputElement }) => {
          const value = e.currentTarget.value;
          update((draft) => {
            const target = draft.schedule.windows[index];
            if (target) target[name] = value;
          });
        };
        return (
          <div class="window-row" key={index}>
            <Field label="Days" path={`${path}.days`} errors={errors}>
              <span class="days">
                {WEEKDAYS.map((day) => (
                  <label key={day} class="day">
                    <input
                      type="checkbox"
                      name={`${path}.days.${day}`}
                      checked={window.days.includes(day)}
                      onChange={(e) => {
                        const on = e.currentTarget.checked;
                        update((draft) => {
                          const target = draft.schedule.windows[index];
                          if (!target) return;
                          const days = new Set(target.days);
                          if (on) days.add(day);
                          else days.delete(day);
                          target.days = WEEKDAYS.filter((known) => days.has(known));
                        });
                      }}
                    />
                    {day}
                  </label>
                ))}
              </span>
            </Field>
            <Field label="Start" path={`${path}.start`} errors={errors}>
              <input
                name={`${path}.start`}
                placeholder="18:00"
                value={window.start}
                onInput={setTime('start')}
              />
            </Field>
            <Field
              label="End"
              path={`${path}.end`}
              errors={errors}
              hint="Earlier than the start: past midnight"
            >
              <input
                name={`${path}.end`}
                placeholder="21:00"
                value={window.end}
                onInput={setTime('end')}
              />
            </Field>
            <button
              type="button"
              class="link"
              onClick={() =>
                update((draft) => {
                  draft.schedule.windows.splice(index, 1);
                })
              }
            >
              Remove
            </button>
          </div>
        );
      })}
      <button
        type="button"
        onClick={() =>
          update((draft) => {
            draft.schedule.windows.push({
              days: ['mon', 'tue', 'wed', 'thu', 'fri'],
              start: '10:00',
              end: '19:00',
            });
          })
        }
      >
        Add a window
      </button>
    </fieldset>
  );
}
