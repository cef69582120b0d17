import type { ArrivalAlert } from '@vitrine/shared';
import type { ClaimAction } from '../domain/claim-requests.ts';
import type { ClaimDesk } from '../hooks/use-claim-desk.ts';
import { ArrivalCard } from './arrival-card.tsx';

export interface ArrivalFeedProps {
  alerts: readonly ArrivalAlert[];
  receivedAt: ReadonlyMap<string, number>;
  now: Date;
  locale: string;
  /** How long a live arrival stays highlighted. */
  highlightMs?: number;
  me: string;
  desk: Pick<ClaimDesk, 'claims' | 'requests' | 'suggestions'>;
  onAct: (alertId: string, action: ClaimAction) => void;
}

const NO_SUGGESTIONS: readonly never[] = [];

export function ArrivalFeed({
  alerts,
  receivedAt,
  now,
  locale,
  highlightMs = 90_000,
  me,
  desk,
  onAct,
}: ArrivalFeedProps) {
  if (alerts.length === 0) {
    return (
      <section class="empty-feed" aria-label="Arrivals">
        <div class="empty-feed__mark" aria-hidden="true" />
        <h2>No arrivals yet</h2>
        <p>
          When a loyalty customer checks in, scans their pass or is recognised in store, their
          profile appears here.
        </p>
      </section>
    );
  }
  return (
    <section class="feed" aria-label="Arrivals">
      {alerts.map((alert) => {
        const received = receivedAt.get(alert.alertId);
        const isNew = received !== undefined && now.getTime() - received < highlightMs;
        return (
          <ArrivalCard
            key={alert.alertId}
            alert={alert}
            now={now}
            locale={locale}
            isNew={isNew}
            me={me}
            claim={desk.claims.get(alert.alertId)}
            pending={desk.requests.pending.get(alert.alertId)}
            problem={desk.requests.problems.get(alert.alertId)}
            campaignSuggestions={desk.suggestions.get(alert.customerId) ?? NO_SUGGESTIONS}
            onAct={(action) => onAct(alert.alertId, action)}
          />
        );
      })}
    </section>
  );
}
