import type { EdgeCustomerSearch } from '@vitrine/shared';
import { TierBadge } from './tier-badge.tsx';

export interface CustomerSearchResultsProps {
  q: string;
  loading: boolean;
  result: EdgeCustomerSearch | null;
  error: string | null;
  storeId: string;
  onOpen: (customerId: string) => void;
}

const MATCHED_ON = { name: 'by name', email: 'by email', phone: 'by phone' } as const;

export function CustomerSearchResults({
  q,
  loading,
  result,
  error,
  storeId,
  onOpen,
}: CustomerSearchResultsProps) {
  return (
    <section class="desk-panel" aria-label="Client search">
      <h2 class="desk-panel__title">Clients matching “{q}”</h2>
      {loading && <p class="muted">Searching…</p>}
      {error !== null && (
        <p class="desk-error" role="alert">
          {error}
        </p>
      )}
      {result !== null && (
        <>
          {result.source === 'local' && (
            <p class="profile-notice profile-notice--cached" role="note" data-testid="local-only">
              <strong>Local only.</strong> The cloud cannot be reached: only the clients this store
              holds were searched.
            </p>
          )}
          {result.items.length === 0 ? (
            <p class="muted">No client found {MATCHED_ON[result.matchedOn]}.</p>
          ) : (
            <ul class="search-results">
              {result.items.map((card) => (
                <li key={card.id}>
                  <button
                    type="button"
                    class="search-result"
                    data-customer-id={card.id}
                    onClick={() => onOpen(card.id)}
                  >
                    <span class="search-result__name">
                      {card.firstName} {card.lastName}
                    </span>
                    <TierBadge tier={card.tier} />
                    <span class="search-result__home">
                      {card.homeStoreName ?? 'No home store'}
                      {card.homeStoreId !== null && card.homeStoreId !== storeId && (
                        <span class="tag tag--other">Other store</span>
                      )}
                    </span>
                    <span class="search-result__contact">
                      {[card.email, card.phone].filter(Boolean).join(' · ')}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
