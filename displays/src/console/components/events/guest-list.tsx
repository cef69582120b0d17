import { type Guest, RSVP_ANSWERS, RSVP_STATES, type StoredEvent } from '@vitrine/shared';
import { useState } from 'preact/hooks';
import type { GuestFilter } from '../../api/events-api.ts';
import { pick } from '../../domain/choices.ts';
import { errorSummary } from '../../domain/problem.ts';
import { useFilter } from '../../hooks/use-filter.ts';
import { usePagedList } from '../../hooks/use-paged-list.ts';
import { useConsole } from '../console-context.ts';
import { FilterSelect } from '../filter-select.tsx';
import { Pager } from '../pager.tsx';

export interface GuestListProps {
  event: StoredEvent;
  /** Grows with each invitation: the list starts again from its first page. */
  invitations: number;
  /** Told when an answer is recorded (the counts per store change). */
  onChanged: () => void;
  locale: string;
}

/** The guests with their answer and attendance, a page at a time, as CSV, with the office's RSVP. */
export function GuestList({ event, invitations, onChanged, locale }: GuestListProps) {
  const { api, stores } = useConsole();
  const [filter, filterBy] = useFilter<Omit<GuestFilter, 'cursor'>>();
  const { page, pager, reload } = usePagedList(
    (cursor) => api.events.guests(event.id, { ...filter, cursor }),
    [event.id, filter, invitations],
  );
  const [problem, setProblem] = useState<string | null>(null);
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  const names = new Map(stores.map((store) => [store.id, store.name]));

  async function download() {
    const file = await api.events.guestsCsv(event.id, filter);
    if (!file.ok) return setProblem(file.message);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(file.data);
    link.download = `${event.id}-guests.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  }

  return (
    <section class="guest-list">
      <h2>Guest list</h2>
      <div class="filters">
        <FilterSelect
          label="Store"
          name="guests.storeId"
          choices={event.storeIds.map((id) => ({ value: id, label: names.get(id) ?? id }))}
          onChoose={(value) => filterBy('storeId', value)}
        />
        <FilterSelect
          label="Answer"
          name="guests.rsvp"
          choices={RSVP_STATES}
          onChoose={(value) => filterBy('rsvp', value)}
        />
        <button type="button" class="link" onClick={download}>
          Download CSV
        </button>
      </div>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      {page.state === 'failed' && <p class="error">{page.message}</p>}
      {page.state === 'ready' && (
        <>
          <p class="muted" data-testid="guest-counts">
            {page.data.counts.invited} invited · {page.data.counts.yes} yes ·{' '}
            {page.data.counts.expectedPeople} people expected · {page.data.counts.attended} attended
          </p>
          <table class="list guests">
            <thead>
              <tr>
                <th>Guest</th>
                <th>Store</th>
                <th>Answer</th>
                <th>Attended</th>
                <th>Record an answer</th>
              </tr>
            </thead>
            <tbody>
              {page.data.guests.map((guest) => (
                <tr key={guest.customerId} data-guest={guest.customerId}>
                  <td>
                    {guest.firstName} {guest.lastName}
                  </td>
                  <td>{names.get(guest.storeId) ?? guest.storeId}</td>
                  <td>
                    <span class={`status rsvp-${guest.rsvp}`}>{guest.rsvp}</span>
                    {guest.companions > 0 && ` +${guest.companions}`}
                  </td>
                  <td>{guest.attendedAt ? time.format(new Date(guest.attendedAt)) : '—'}</td>
                  <td>
                    {event.status !== 'cancelled' && (
                      <RecordRsvp
                        eventId={event.id}
                        guest={guest}
                        onRecorded={() => {
                          setProblem(null);
                          reload();
                          onChanged();
                        }}
                        onProblem={setProblem}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {page.data.guests.length === 0 && <p class="muted">No guest yet.</p>}
          {pager && <Pager {...pager} />}
        </>
      )}
    </section>
  );
}

interface RecordRsvpProps {
  eventId: string;
  guest: Guest;
  onRecorded: () => void;
  onProblem: (message: string) => void;
}

/** The office's answer for a guest (a call, an email): yes, no or maybe, with companions. */
function RecordRsvp({ eventId, guest, onRecorded, onProblem }: RecordRsvpProps) {
  const { api } = useConsole();
  const [answer, setAnswer] = useState<(typeof RSVP_ANSWERS)[number]>('yes');
  const [companions, setCompanions] = useState(String(guest.companions));

  async function record() {
    const count = Number(companions);
    if (!Number.isInteger(count) || count < 0) return onProblem('companions: a whole number');
    const result = await api.events.recordRsvp(eventId, guest.customerId, {
      answer,
      companions: count,
    });
    if (result.ok) onRecorded();
    else onProblem([result.message, ...errorSummary(result.fields)].join(' '));
  }

  return (
    <span class="record-rsvp">
      <select
        name={`rsvp.${guest.customerId}`}
        value={answer}
        onChange={(e) => setAnswer(pick(RSVP_ANSWERS, e.currentTarget.value, 'yes'))}
      >
        {RSVP_ANSWERS.map((option) => (
          <option key={option}>{option}</option>
        ))}
      </select>
      <input
        name={`companions.${guest.customerId}`}
        type="number"
        min={0}
        style={{ width: '4rem' }}
        value={companions}
        aria-label="Companions"
        onInput={(e) => setCompanions(e.currentTarget.value)}
      />
      <button type="button" onClick={record}>
        Record
      </button>
    </span>
  );
}
