import type { DuplicateCandidate } from '@vitrine/shared';
import { useState } from 'preact/hooks';
import { registerCustomer } from '../api/customer-desk-http.ts';
import {
  EMPTY_DRAFT,
  fieldErrors,
  type RegisterDraft,
  type RegisterField,
  toRegistration,
} from '../domain/register-form.ts';

export interface RegisterFormProps {
  token: string;
  /** Opens a customer card: the new client, or the one a duplicate points to. */
  onOpen: (customerId: string) => void;
}

const MONTHS = Array.from({ length: 12 }, (_, index) =>
  new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, index, 1)),
  ),
);

const CONSENT_QUESTIONS = [
  ['tracking', 'May the store sense their visits (beacons, scanners)?'],
  ['marketing', 'May we send them offers and invitations?'],
  ['profiling', 'May associates see their profile and history?'],
] as const;

type TextField = 'firstName' | 'lastName' | 'email' | 'phone';
const TEXT_FIELDS: readonly [TextField, string, 'text' | 'email' | 'tel'][] = [
  ['firstName', 'First name', 'text'],
  ['lastName', 'Last name', 'text'],
  ['email', 'Email', 'email'],
  ['phone', 'Phone', 'tel'],
];

/** A new client registered in store, each consent asked and answered, duplicates caught. */
export function RegisterForm({ token, onOpen }: RegisterFormProps) {
  const [draft, setDraft] = useState<RegisterDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<Partial<Record<RegisterField, string>>>({});
  const [duplicates, setDuplicates] = useState<DuplicateCandidate[]>([]);
  const [sending, setSending] = useState(false);

  const submit = async () => {
    setSending(true);
    const outcome = await registerCustomer(token, toRegistration(draft));
    setSending(false);
    if (outcome.ok) {
      onOpen(outcome.profile.id);
      return;
    }
    if (outcome.status === 409 && 'duplicates' in outcome) {
      setErrors({});
      setDuplicates(outcome.duplicates);
      return;
    }
    setDuplicates([]);
    const byField = 'fields' in outcome ? fieldErrors(outcome.fields) : {};
    setErrors(Object.keys(byField).length > 0 ? byField : { form: outcome.message });
  };

  const errorOf = (field: RegisterField) =>
    errors[field] === undefined ? null : (
      <span class="field__error" id={`register-${field}-error`} role="alert">
        {errors[field]}
      </span>
    );
  const errorId = (field: RegisterField) =>
    errors[field] === undefined ? undefined : `register-${field}-error`;

  return (
    <section class="desk-panel" aria-label="New client">
      <h2 class="desk-panel__title">Register a new client</h2>
      <form
        class="register-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <div class="register-form__grid">
          {TEXT_FIELDS.map(([field, label, inputMode]) => (
            <label class="field" key={field}>
              <span class="field__label">{label}</span>
              <input
                type="text"
                inputMode={inputMode}
                name={field}
                value={draft[field]}
                onInput={(event) => setDraft({ ...draft, [field]: event.currentTarget.value })}
                aria-describedby={errorId(field)}
                aria-invalid={errors[field] !== undefined}
              />
              {errorOf(field)}
            </label>
          ))}
          <label class="field">
            <span class="field__label">Birth month</span>
            <select
              name="birthMonth"
              value={draft.birthMonth}
              onChange={(event) => setDraft({ ...draft, birthMonth: event.currentTarget.value })}
              aria-describedby={errorId('birthMonth')}
              aria-invalid={errors.birthMonth !== undefined}
            >
              <option value="">Not given</option>
              {MONTHS.map((month, index) => (
                <option key={month} value={String(index + 1)}>
                  {month}
                </option>
              ))}
            </select>
            {errorOf('birthMonth')}
          </label>
        </div>
        <fieldset class="consent-questions">
          <legend>Consent, asked explicitly</legend>
          {CONSENT_QUESTIONS.map(([flag, question]) => (
            <div class="consent-question" key={flag} role="radiogroup" aria-label={question}>
              <span class="consent-question__text">{question}</span>
              {([true, false] as const).map((answer) => (
                <label class="consent-question__answer" key={String(answer)}>
                  <input
                    type="radio"
                    name={flag}
                    checked={draft.consent[flag] === answer}
                    onChange={() =>
                      setDraft({ ...draft, consent: { ...draft.consent, [flag]: answer } })
                    }
                  />
                  {answer ? 'Yes' : 'No'}
                </label>
              ))}
              {errorOf(flag)}
            </div>
          ))}
        </fieldset>
        {errorOf('form')}
        {duplicates.length > 0 && (
          <div class="duplicate-warning" role="alert">
            <strong>This client may already exist.</strong> Nothing was registered.
            <ul>
              {duplicates.map((candidate) => (
                <li key={candidate.id}>
                  <button
                    type="button"
                    class="text-link"
                    data-customer-id={candidate.id}
                    onClick={() => onOpen(candidate.id)}
                  >
                    {candidate.name}
                  </button>{' '}
                  — same {candidate.matchedOn}
                  {candidate.match === 'near' ? ', nearly' : ''}
                </li>
              ))}
            </ul>
          </div>
        )}
        <button type="submit" class="primary-button" disabled={sending}>
          {sending ? 'Registering…' : 'Register client'}
        </button>
      </form>
    </section>
  );
}
