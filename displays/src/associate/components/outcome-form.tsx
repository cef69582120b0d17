import {
  ARRIVAL_OUTCOMES,
  type ArrivalOutcome,
  arrivalOutcomeSchema,
  MAX_OUTCOME_NOTE_LENGTH,
} from '@vitrine/shared';
import { useState } from 'preact/hooks';
import { OUTCOME_LABELS } from '../domain/claim-view.ts';

export interface OutcomeFormProps {
  disabled: boolean;
  onRecord: (outcome: ArrivalOutcome, note: string | null) => void;
}

/** What came of the conversation, with a note for colleagues and the client's history. */
export function OutcomeForm({ disabled, onRecord }: OutcomeFormProps) {
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<ArrivalOutcome>('offer-presented');
  const [note, setNote] = useState('');

  if (!open) {
    return (
      <button
        type="button"
        class="button button--quiet"
        disabled={disabled}
        onClick={() => setOpen(true)}
      >
        Record outcome
      </button>
    );
  }

  const submit = (event: Event) => {
    event.preventDefault();
    onRecord(outcome, note.trim() === '' ? null : note.trim());
    setNote('');
    setOpen(false);
  };

  return (
    <form class="outcome-form" onSubmit={submit}>
      <label class="outcome-form__field">
        <span>Outcome</span>
        <select
          value={outcome}
          onChange={(event) => {
            const picked = arrivalOutcomeSchema.safeParse(event.currentTarget.value);
            if (picked.success) setOutcome(picked.data);
          }}
        >
          {ARRIVAL_OUTCOMES.map((value) => (
            <option key={value} value={value}>
              {OUTCOME_LABELS[value]}
            </option>
          ))}
        </select>
      </label>
      <label class="outcome-form__field outcome-form__field--wide">
        <span>Note</span>
        <textarea
          rows={2}
          maxLength={MAX_OUTCOME_NOTE_LENGTH}
          value={note}
          placeholder="What they liked, what to follow up"
          onInput={(event) => setNote(event.currentTarget.value)}
        />
      </label>
      <div class="outcome-form__actions">
        <button type="submit" class="button" disabled={disabled}>
          Save outcome
        </button>
        <button type="button" class="button button--quiet" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
