import type { StoredEvent } from '@vitrine/shared';
import { useState } from 'preact/hooks';
import { useConsole } from '../components/console-context.ts';
import { StoreOptions } from '../components/store-options.tsx';
import { addDays, type CalendarDay, layOutWeek, weekStartOf } from '../domain/week-calendar.ts';
import { hrefOf } from '../hooks/use-hash-route.ts';
import { useLoad } from '../hooks/use-load.ts';

const MINUTES = 24 * 60;
const HOURS = [0, 3, 6, 9, 12, 15, 18, 21];

function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** A week of one store's campaigns and events on the store's own wall clock. */
export function CalendarPage({ locale }: { locale: string }) {
  const { api, stores, now } = useConsole();
  const [storeId, setStoreId] = useState(stores[0]?.id ?? '');
  const store = stores.find((candidate) => candidate.id === storeId);
  const timeZone = store?.timeZone ?? 'UTC';
  const [weekStart, setWeekStart] = useState(() => weekStartOf(now(), timeZone));
  // The campaigns that reach the store, in one page: a store runs tens, not thousands.
  const campaigns = useLoad(() => api.campaigns({ storeId }, 200), [storeId]);
  // The store's events of the week, by their local day (a day's margin for the zones).
  const events = useLoad(
    () =>
      api.events.events({ storeId, from: addDays(weekStart, -1), to: addDays(weekStart, 8) }, 200),
    [storeId, weekStart],
  );
  const eventsOn = (date: string) =>
    events.state === 'ready'
      ? events.data.items.filter(
          (event) => event.status !== 'cancelled' && event.startsAt.slice(0, 10) === date,
        )
      : [];
  const dayName = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });

  return (
    <section>
      <div class="page-head">
        <h1>Calendar</h1>
        <label>
          Store
          <select
            name="calendar.storeId"
            value={storeId}
            onChange={(e) => {
              const next = stores.find((candidate) => candidate.id === e.currentTarget.value);
              setStoreId(e.currentTarget.value);
              if (next) setWeekStart(weekStartOf(now(), next.timeZone));
            }}
          >
            <StoreOptions />
          </select>
        </label>
        <span class="muted">{timeZone}</span>
        <div class="week-nav">
          <button type="button" onClick={() => setWeekStart(addDays(weekStart, -7))}>
            ← Week
          </button>
          <button type="button" onClick={() => setWeekStart(weekStartOf(now(), timeZone))}>
            This week
          </button>
          <button type="button" onClick={() => setWeekStart(addDays(weekStart, 7))}>
            Week →
          </button>
        </div>
      </div>
      {campaigns.state === 'failed' && (
        <p class="error" role="alert">
          {campaigns.message}
        </p>
      )}
      {campaigns.state === 'ready' && (
        <div class="calendar" data-week={weekStart}>
          <div class="calendar-hours">
            {HOURS.map((hour) => (
              <span key={hour} style={{ top: `${(hour / 24) * 100}%` }}>
                {clock(hour * 60)}
              </span>
            ))}
          </div>
          {layOutWeek(campaigns.data.items, { storeId, timeZone, weekStart }).map((day) => (
            <DayColumn
              key={day.date}
              day={day}
              events={eventsOn(day.date)}
              label={dayName.format(new Date(`${day.date}T00:00:00Z`))}
            />
          ))}
        </div>
      )}
    </section>
  );
}

function DayColumn({
  day,
  events,
  label,
}: {
  day: CalendarDay;
  events: StoredEvent[];
  label: string;
}) {
  return (
    <div class="calendar-day" data-date={day.date}>
      <h2>
        {label}
        {day.hours !== 24 && <span class="dst"> · {day.hours} h day</span>}
      </h2>
      <ul class="calendar-all-day">
        {day.allDay.map((block) => (
          <li key={block.campaignId} class={`status-${block.status}`}>
            <a href={hrefOf('campaigns', block.campaignId)} title={`${block.name}, all day`}>
              {block.name}
            </a>
          </li>
        ))}
      </ul>
      <ul class="calendar-all-day calendar-events">
        {events.map((event) => (
          <li key={event.id} class="calendar-event" data-event={event.id}>
            <a href={hrefOf('events', event.id)} title={`${event.name}, ${event.kind}`}>
              {event.startsAt.slice(11)} {event.name}
            </a>
          </li>
        ))}
      </ul>
      <div class="calendar-slots">
        {day.blocks.map((block) => {
          const wall = block.endMinute - block.startMinute;
          return (
            <a
              key={`${block.campaignId}-${block.startMinute}`}
              class={`calendar-block status-${block.status}`}
              href={hrefOf('campaigns', block.campaignId)}
              style={{
                top: `${(block.startMinute / MINUTES) * 100}%`,
                height: `${(wall / MINUTES) * 100}%`,
                left: `${(block.lane / day.lanes) * 100}%`,
                width: `${100 / day.lanes}%`,
              }}
              title={`${block.name} ${clock(block.startMinute)}–${clock(block.endMinute)}${
                block.realMinutes !== wall
                  ? ` (${block.realMinutes / 60} h on this day's clock change)`
                  : ''
              }`}
            >
              <strong>{block.name}</strong>
              <span>
                {clock(block.startMinute)}–{clock(block.endMinute)}
              </span>
            </a>
          );
        })}
      </div>
    </div>
  );
}
