import type { InvitationResult, StoredEvent } from '@vitrine/shared';
import { useState } from 'preact/hooks';
import { hrefOf } from '../../hooks/use-hash-route.ts';
import { useLoad } from '../../hooks/use-load.ts';
import { useConsole } from '../console-context.ts';
import { EventEditor } from './event-editor.tsx';
import { sessionTime } from './event-time.ts';
import { GuestList } from './guest-list.tsx';

/** One event: its sessions, its counts per store, its invitations, guests and cancel. */
export function EventDetail({ initial, locale }: { initial: StoredEvent; locale: string }) {
  const { api, stores } = useConsole();
  const [event, setEvent] = useState(initial);
  const [editing, setEditing] = useState(false);
  // Bumped after anything that changes the guests: the summary loads again.
  const [changes, setChanges] = useState(0);
  // Bumped after an invitation: the guest list starts again from its first page.
  const [invitations, setInvitations] = useState(0);
  const [invited, setInvited] = useState<InvitationResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const summary = useLoad(() => api.events.summary(event.id), [event.id, event.version, changes]);
  const names = new Map(stores.map((store) => [store.id, store.name]));
  const cancelled = event.status === 'cancelled';

  if (editing) {
    return (
      <EventEditor
        event={event}
        onCancel={() => setEditing(false)}
        onSaved={(saved) => {
          setEvent(saved);
          setEditing(false);
        }}
      />
    );
  }

  async function invite() {
    const answer = await api.events.invite(event.id, { segment: true });
    setProblem(answer.ok ? null : answer.message);
    setInvited(answer.ok ? answer.data : null);
    if (answer.ok) {
      setChanges(changes + 1);
      setInvitations(invitations + 1);
    }
  }

  async function cancel() {
    if (!confirmCancel) return setConfirmCancel(true);
    const answer = await api.events.cancelEvent(event.id);
    setConfirmCancel(false);
    setProblem(answer.ok ? null : answer.message);
    if (answer.ok) setEvent(answer.data);
  }

  return (
    <section class="event-detail" data-event={event.id}>
      <div class="page-head">
        <h1>{event.name}</h1>
        <span class={`status status-${event.status}`}>{event.status}</span>
        <a href={hrefOf('events')}>All events</a>
      </div>
      <p class="muted">
        {event.kind} · capacity {event.capacity} per store
        {event.description && ` · ${event.description}`}
      </p>
      <ul class="sessions">
        {event.sessions.map((session) => (
          <li key={session.storeId}>
            <strong>{names.get(session.storeId) ?? session.storeId}</strong>:{' '}
            {sessionTime(session, locale)}
          </li>
        ))}
      </ul>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      {!cancelled && (
        <div class="form-actions">
          <button type="button" onClick={() => setEditing(true)}>
            Edit event
          </button>
          <button type="button" onClick={invite} disabled={event.segmentId === null}>
            Invite the segment
          </button>
          <button type="button" class="danger" onClick={cancel}>
            {confirmCancel ? 'Cancel it: revoke every ticket' : 'Cancel event'}
          </button>
        </div>
      )}
      {invited && (
        <p class="invitation-result" data-testid="invitation-result">
          <strong>{invited.invited}</strong> invited · <strong>{invited.alreadyInvited}</strong>{' '}
          already invited ·{' '}
          <strong>{invited.segmentWithoutConsent + invited.withoutConsent.length}</strong> without
          marketing consent (not invited)
        </p>
      )}
      <h2>Guests per store</h2>
      {summary.state === 'failed' && <p class="error">{summary.message}</p>}
      {summary.state === 'ready' && (
        <table class="list event-summary">
          <thead>
            <tr>
              <th>Store</th>
              <th>Invited</th>
              <th>Yes</th>
              <th>Maybe</th>
              <th>No</th>
              <th>Pending</th>
              <th>Expected / capacity</th>
              <th>Attended</th>
            </tr>
          </thead>
          <tbody>
            {summary.data.stores.map(({ storeId, capacity, counts }) => (
              <tr key={storeId} data-store={storeId}>
                <td>{names.get(storeId) ?? storeId}</td>
                <td>{counts.invited}</td>
                <td>{counts.yes}</td>
                <td>{counts.maybe}</td>
                <td>{counts.no}</td>
                <td>{counts.pending}</td>
                <td class={counts.expectedPeople > capacity ? 'error' : undefined}>
                  {counts.expectedPeople} / {capacity}
                </td>
                <td>{counts.attended}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <GuestList
        event={event}
        invitations={invitations}
        onChanged={() => setChanges(changes + 1)}
        locale={locale}
      />
    </section>
  );
}
