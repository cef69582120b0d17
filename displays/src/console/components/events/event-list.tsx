import { EVENT_STATUSES, type StoredEvent } from '@vitrine/shared';
import type { EventFilter } from '../../api/events-api.ts';
import { useFilter } from '../../hooks/use-filter.ts';
import { hrefOf } from '../../hooks/use-hash-route.ts';
import { usePagedList } from '../../hooks/use-paged-list.ts';
import { useConsole } from '../console-context.ts';
import { FilterSelect, StoreFilter } from '../filter-select.tsx';
import { PagedTable } from '../paged-table.tsx';
import { sessionTime } from './event-time.ts';

/** The events, soonest first, filtered by store and status, a page at a time. */
export function EventList({ locale }: { locale: string }) {
  const { api, stores } = useConsole();
  const [filter, filterBy] = useFilter<Omit<EventFilter, 'cursor'>>();
  const { page, pager } = usePagedList(
    (cursor) => api.events.events({ ...filter, cursor }),
    [filter],
  );
  const names = new Map(stores.map((store) => [store.id, store.name]));

  return (
    <section>
      <div class="page-head">
        <h1>Events</h1>
        <a class="button" href={hrefOf('events', 'new')}>
          New event
        </a>
      </div>
      <div class="filters">
        <StoreFilter onChoose={(value) => filterBy('storeId', value)} />
        <FilterSelect
          label="Status"
          name="status"
          choices={EVENT_STATUSES}
          onChoose={(value) => filterBy('status', value)}
        />
      </div>
      <PagedTable
        page={page}
        pager={pager}
        kind="events-list"
        headers={['Name', 'Status', 'Kind', 'Stores', 'When (store time)', 'Capacity']}
        empty="No event matches."
        loading
        row={(event) => <EventRow key={event.id} event={event} names={names} locale={locale} />}
      />
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
