import type { ArrivalClaim } from '@vitrine/shared';
import { useState } from 'preact/hooks';
import type { ClaimAction, PendingRequest } from '../domain/claim-requests.ts';
import {
  acknowledgedLine,
  holdingLine,
  holdingOf,
  mayRecordOutcome,
  OUTCOME_LABELS,
  pendingLine,
} from '../domain/claim-view.ts';
import { formatClockTime } from '../domain/relative-time.ts';
import { OutcomeForm } from './outcome-form.tsx';

export interface ClaimPanelProps {
  claim: ArrivalClaim | undefined;
  /** The associate using this tablet. */
  me: string;
  pending: PendingRequest | undefined;
  /** The edge's last refusal of this tablet's request, or why it could not be sent. */
  problem: string | undefined;
  locale: string;
  onAct: (action: ClaimAction) => void;
}

/** Who is with the customer, and what this associate can do about it. */
export function ClaimPanel({ claim, me, pending, problem, locale, onAct }: ClaimPanelProps) {
  const [confirming, setConfirming] = useState(false);
  const holding = holdingOf(claim, me);
  const busy = pending !== undefined;
  const holder = holdingLine(holding, { locale });
  const seen = acknowledgedLine(claim, me, { locale });

  return (
    <section class={`claim claim--${holding.kind}`} aria-label="Who is with them">
      <div class="claim__status">
        <p class="claim__holder" data-testid="claim-holder" data-holding={holding.kind}>
          {holder ?? 'Nobody is with them yet'}
        </p>
        {seen !== null && <p class="claim__seen">{seen}</p>}
      </div>

      <div class="claim__actions">
        {holding.kind === 'nobody' && claim?.acknowledged == null && (
          <button
            type="button"
            class="button button--quiet"
            disabled={busy}
            onClick={() => onAct({ kind: 'acknowledge' })}
          >
            Acknowledge
          </button>
        )}
        {holding.kind === 'nobody' && (
          <button
            type="button"
            class="button"
            disabled={busy}
            onClick={() => onAct({ kind: 'claim', takeOver: false })}
          >
            I’m with them
          </button>
        )}
        {holding.kind === 'me' && (
          <button
            type="button"
            class="button button--quiet"
            disabled={busy}
            onClick={() => onAct({ kind: 'release' })}
          >
            Release
          </button>
        )}
        {holding.kind === 'colleague' && !confirming && (
          <button
            type="button"
            class="button button--quiet"
            disabled={busy}
            onClick={() => setConfirming(true)}
          >
            Take over
          </button>
        )}
        {holding.kind === 'colleague' && confirming && (
          <fieldset class="claim__confirm">
            <legend>Take over from {holding.name}? They will see it.</legend>
            <button
              type="button"
              class="button button--warn"
              disabled={busy}
              onClick={() => {
                setConfirming(false);
                onAct({ kind: 'claim', takeOver: true });
              }}
            >
              Confirm take-over
            </button>
            <button type="button" class="button button--quiet" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </fieldset>
        )}
        {mayRecordOutcome(holding) && (
          <OutcomeForm
            disabled={busy}
            onRecord={(outcome, note) => onAct({ kind: 'outcome', outcome, note })}
          />
        )}
      </div>

      {pending !== undefined && (
        <p
          class={`claim__pending claim__pending--${pending.state}`}
          role="status"
          data-testid="claim-pending"
        >
          {pendingLine(pending)}
        </p>
      )}
      {problem !== undefined && (
        <p class="claim__problem" role="alert" data-testid="claim-problem">
          {problem}
        </p>
      )}

      {claim !== undefined && claim.outcomes.length > 0 && (
        <ul class="claim__outcomes" aria-label="Outcomes">
          {claim.outcomes.map((recorded) => (
            <li key={`${recorded.at}-${recorded.associateId}`} class="claim__outcome">
              <span class="claim__outcome-what">{OUTCOME_LABELS[recorded.outcome]}</span>
              <span class="claim__outcome-who">
                {recorded.name} · {formatClockTime(recorded.at, { locale })}
              </span>
              {recorded.note !== null && <span class="claim__outcome-note">{recorded.note}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
