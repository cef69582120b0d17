import type { ProfileInvitation } from '@vitrine/shared';
import { formatSession, invitationViews, RSVP_LABELS } from '../domain/invitations.ts';

export interface InvitationListProps {
  invitations: readonly ProfileInvitation[] | undefined;
  storeId: string;
  me: string;
  locale: string;
}

/** The events the client is invited to, with who hosts them. */
export function InvitationList({ invitations, storeId, me, locale }: InvitationListProps) {
  const views = invitationViews(invitations, { storeId, me });
  if (views.length === 0) return null;
  return (
    <ul class="invitations" aria-label="Invitations">
      {views.map((view) => (
        <li class="invitation" key={view.eventId} data-event-id={view.eventId}>
          <span class="invitation__name">{view.name}</span>
          {view.startsAt !== null && (
            <time class="invitation__when" dateTime={view.startsAt}>
              {formatSession(view.startsAt, locale)}
            </time>
          )}
          <span class={`invitation__rsvp invitation__rsvp--${view.rsvp}`}>
            {RSVP_LABELS[view.rsvp]}
          </span>
          <span class="invitation__host">
            {view.hostedByMe
              ? 'You host them'
              : view.hosts === 0
                ? 'No host'
                : `${view.hosts} ${view.hosts === 1 ? 'host' : 'hosts'}`}
          </span>
        </li>
      ))}
    </ul>
  );
}
