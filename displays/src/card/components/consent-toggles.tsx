import type { MemberConsent } from '@vitrine/shared';

export const CONSENT_LABELS: Record<keyof MemberConsent, { title: string; detail: string }> = {
  tracking: {
    title: 'In-store presence',
    detail: 'The store may notice you through this card’s signal, without you checking in.',
  },
  marketing: {
    title: 'Offers and invitations',
    detail: 'Receive offers in store and invitations to events.',
  },
  profiling: {
    title: 'Personal service',
    detail: 'Associates see your preferences and purchases to serve you better.',
  },
};

export interface ConsentTogglesProps {
  consent: MemberConsent;
  onChange: (consent: MemberConsent) => void;
  disabled?: boolean;
}

export function ConsentToggles({ consent, onChange, disabled = false }: ConsentTogglesProps) {
  return (
    <fieldset class="consent" disabled={disabled}>
      {(Object.keys(CONSENT_LABELS) as (keyof MemberConsent)[]).map((flag) => (
        <label class="consent__item" key={flag}>
          <input
            type="checkbox"
            name={flag}
            checked={consent[flag]}
            onChange={(event) => onChange({ ...consent, [flag]: event.currentTarget.checked })}
          />
          <span>
            <strong>{CONSENT_LABELS[flag].title}</strong>
            <small>{CONSENT_LABELS[flag].detail}</small>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
