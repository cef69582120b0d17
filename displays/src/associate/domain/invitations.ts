import type { ProfileInvitation } from '@vitrine/shared';

export interface InvitationView {
  eventId: string;
  name: string;
  kind: string;
  /** The session at this store, else the first one: when to expect the guest. */
  startsAt: string | null;
  rsvp: ProfileInvitation['rsvp'];
  /** The associate on this tablet hosts the guest. */
  hostedByMe: boolean;
  hosts: number;
}

export const RSVP_LABELS: Record<ProfileInvitation['rsvp'], string> = {
  pending: 'No answer yet',
  yes: 'Coming',
  no: 'Not coming',
  maybe: 'Maybe',
};

/** The invitations of a profile, soonest first, as the cards show them. */
export function invitationViews(
  invitations: readonly ProfileInvitation[] | undefined,
  { storeId, me }: { storeId: string; me: string },
): InvitationView[] {
  return (invitations ?? [])
    .map((invitation) => {
      const here = invitation.sessions.find((session) => session.storeId === storeId);
      const first = [...invitation.sessions].sort((a, b) =>
        a.startsAt.localeCompare(b.startsAt),
      )[0];
      return {
        eventId: invitation.eventId,
        name: invitation.name,
        kind: invitation.kind,
        startsAt: (here ?? first)?.startsAt ?? null,
        rsvp: invitation.rsvp,
        hostedByMe: invitation.hostAssociateIds.includes(me),
        hosts: invitation.hostAssociateIds.length,
      };
    })
    .sort((a, b) => (a.startsAt ?? '').localeCompare(b.startsAt ?? ''));
}

/** "Thu 3 Dec, 19:00" in the tablet's locale and time zone. */
export function formatSession(startsAt: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(startsAt));
}
