import { EVENT_STATUSES, type StoredEvent } from '@vitrine/shared';
import { useState } from 'preact/hooks';
import type { EventFilter } from '../../api/events-api.ts';
import { hrefOf } from '../../hooks/use-hash-route.ts';
import { usePagedList } from '../../hooks/use-paged-list.ts';
import { useConsole } from '../console-context.ts';
import { Pager } from '../pager.tsx';
import { sessionTime } from './event-time.ts';

/** The events, soonest first, filtered by store and status, a page at a time. */
export function EventList({ locale }: { locale: string }) {
  const { api, stores } = useConsole();
  const [filter, setFilter] = useState<Omit<EventFilter, 'cursor'>>({});
  const { page, pager } = usePagedList(
    (cursor) => api.events.events({ ...filter, cursor }),
    [filter],
  );
  const names = new Map(stores.map((store) => [store.id, store.name]));
  const filterBy = (name: keyof typeof filter, value: string) =>
    setFilter({ ...filter, [name]: value === '' ? undefined : value });

  return (
    <section>
      <div class="page-head">
        <h1>Events</h1>
        <a class="button" href={hrefOf('events', 'new')}>
          New event
        </a>
      </div>
      <div class="filters">
        <label>
          Store
          <select name="storeId" onChange={(e) => filterBy('storeId', e.currentTarget.value)}>
            <option value="">Any</option>
            {stores.map((store) => (
              <option key={store.id} value={store.id}>
                {store.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select name="status" onChange={(e) => filterBy('status', e.currentTarget.value)}>
            <option value="">Any</option>
            {EVENT_STATUSES.map((status) => (
              <option key={status}>{status}</option>
            ))}
          </select>
        </label>
      </div>
      {page.state === 'loading' && <p class="muted">Loading…</p>}
      {page.state === 'failed' && (
        <p class="error" role="alert">
          {page.message}
        </p>
      )}
      {page.state === 'ready' && (
        <>
          <table class="list events-list">
            <thead>
              <tr>
                <th>Name</th>
                <th>Status</th>
                <th>Kind</th>
                <th>Stores</th>
                <th>When (store time)</th>
                <th>Capacity</th>
              </tr>
            </thead>
            <tbody>
              {page.data.items.map((event) => (
                <EventRow key={event.id} event={event} names={names} locale={locale} />
              ))}
            </tbody>
          </table>
          {page.data.items.length === 0 && <p class="muted">No event matches.</p>}
          {pager && <Pager {...pager} />}
        </>
      )}
    </section>
  );
}

function EventRow({
  event,
  names,
  locale,
}: {
  event: StoredEvent;
  names: Map<string, string>;
  locale: string;
}) {
  return (
    <tr data-event={event.id} class={event.status === 'cancelled' ? 'archived' : undefined}>
      <td>
        <a href={hrefOf('events', event.id)}>{event.name}</a>
      </td>
      <td>
        <span class={`status status-${event.status}`}>{event.status}</span>
      </td>
      <td>{event.kind}</td>
      <td>{event.storeIds.map((id) => names.get(id) ?? id).join(', ')}</td>
      <td>{event.sessions[0] ? sessionTime(event.sessions[0], locale) : event.startsAt}</td>
      <td>{event.capacity}</td>
    </tr>
  );
}
