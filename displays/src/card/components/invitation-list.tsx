import type { MemberInvitation, RsvpRequest } from '@vitrine/shared';
import { useState } from 'preact/hooks';
import { QrSvg } from './qr-svg.tsx';

export interface InvitationListProps {
  invitations: MemberInvitation[];
  onAnswer: (code: string, answer: RsvpRequest['answer']) => Promise<string | null>;
  formatTime: (iso: string) => string;
}

const ANSWERS: { answer: RsvpRequest['answer']; label: string }[] = [
  { answer: 'yes', label: 'Yes' },
  { answer: 'maybe', label: 'Maybe' },
  { answer: 'no', label: 'No' },
];

/** Invitations to the organisation's events: answer them; a "yes" shows its ticket. */
export function InvitationList({ invitations, onAnswer, formatTime }: InvitationListProps) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const answer = async (code: string, choice: RsvpRequest['answer']) => {
    const error = await onAnswer(code, choice);
    setErrors((all) => {
      const { [code]: _previous, ...rest } = all;
      return error === null ? rest : { ...rest, [code]: error };
    });
  };
  return (
    <section class="panel" aria-labelledby="invitations-title">
      <h2 id="invitations-title">Invitations</h2>
      {invitations.length === 0 && <p class="muted">No invitations at the moment.</p>}
      <ul class="invitations">
        {invitations.map(({ rsvpCode, view }) => (
          <li class="invitation" key={rsvpCode} data-testid="invitation">
            <h3>{view.event.name}</h3>
            <p class="muted">{formatTime(view.session.startsAt)}</p>
            {view.event.description && <p>{view.event.description}</p>}
            <fieldset class="rsvp" aria-label={`Answer for ${view.event.name}`}>
              {ANSWERS.map(({ answer: choice, label }) => (
                <button
                  type="button"
                  key={choice}
                  aria-pressed={view.guest.rsvp === choice}
                  onClick={() => void answer(rsvpCode, choice)}
                >
                  {label}
                </button>
              ))}
            </fieldset>
            {errors[rsvpCode] && <p class="form-error">{errors[rsvpCode]}</p>}
            {view.ticket !== null && view.ticket.revokedAt === null && (
              <div class="ticket">
                <QrSvg
                  text={view.ticket.code}
                  label={`Ticket for ${view.event.name}`}
                  testId="ticket-qr"
                />
                <p class="muted">
                  Admits {view.ticket.admits} · from {formatTime(view.ticket.validFrom)}
                </p>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
