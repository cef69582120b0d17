import { useConsole } from '../components/console-context.ts';
import { EventDetail } from '../components/events/event-detail.tsx';
import { EventEditor } from '../components/events/event-editor.tsx';
import { EventList } from '../components/events/event-list.tsx';
import { hrefOf } from '../hooks/use-hash-route.ts';
import { useLoad } from '../hooks/use-load.ts';

/** In-store events: the list, a new event (`new`), or one event (its id). */
export function EventsPage({ detail, locale }: { detail: string | null; locale: string }) {
  if (detail === 'new') {
    return (
      <EventEditor
        event={null}
        onSaved={(saved) => {
          location.hash = hrefOf('events', saved.id);
        }}
        onCancel={() => {
          location.hash = hrefOf('events');
        }}
      />
    );
  }
  if (detail !== null) return <LoadedEvent id={detail} locale={locale} />;
  return <EventList locale={locale} />;
}

function LoadedEvent({ id, locale }: { id: string; locale: string }) {
  const { api } = useConsole();
  const event = useLoad(() => api.events.event(id), [id]);
  if (event.state === 'loading') return <p class="muted">Loading the event…</p>;
  if (event.state === 'failed') {
    return (
      <p class="error" role="alert">
        {event.message}
      </p>
    );
  }
  return <EventDetail key={event.data.id} initial={event.data} locale={locale} />;
}
