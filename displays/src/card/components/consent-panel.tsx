import type { MemberConsent } from '@vitrine/shared';
import { useEffect, useState } from 'preact/hooks';
import type { FieldErrors } from '../domain/form-fields.ts';
import { ConsentToggles } from './consent-toggles.tsx';

export interface ConsentPanelProps {
  consent: MemberConsent | null;
  onSave: (consent: MemberConsent) => Promise<FieldErrors | null>;
}

/** What the customer agreed to, changed at any time; the card's pass is renewed after. */
export function ConsentPanel({ consent, onSave }: ConsentPanelProps) {
  const [draft, setDraft] = useState<MemberConsent | null>(consent);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => setDraft(consent), [consent]);
  if (draft === null || consent === null) return null;
  const changed = (Object.keys(draft) as (keyof MemberConsent)[]).some(
    (flag) => draft[flag] !== consent[flag],
  );

  const save = async () => {
    setPending(true);
    setMessage(null);
    const errors = await onSave(draft);
    setPending(false);
    setMessage(
      errors === null
        ? { ok: true, text: 'Saved. Your card carries your new choices.' }
        : { ok: false, text: Object.values(errors).join(' ') },
    );
  };

  return (
    <section class="panel" aria-labelledby="consent-title">
      <h2 id="consent-title">Privacy</h2>
      <ConsentToggles consent={draft} onChange={setDraft} disabled={pending} />
      <button type="button" class="secondary" disabled={!changed || pending} onClick={save}>
        {pending ? 'Saving…' : 'Save my choices'}
      </button>
      {message && (
        <p class={message.ok ? 'ok' : 'form-error'} role="status" data-testid="consent-message">
          {message.text}
        </p>
      )}
    </section>
  );
}
