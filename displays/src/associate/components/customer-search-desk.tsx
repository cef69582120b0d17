import type { ArrivalAlert } from '@vitrine/shared';
import type { CustomerDesk } from '../hooks/use-customer-desk.ts';
import { CustomerCard } from './customer-card.tsx';
import { CustomerSearchResults } from './customer-search-results.tsx';
import { RegisterForm } from './register-form.tsx';
import { ScanPanel } from './scan-panel.tsx';
import { StoreMap } from './store-map.tsx';

export interface CustomerSearchDeskProps {
  desk: CustomerDesk;
  token: string;
  storeId: string;
  me: string;
  locale: string;
  /** The feed's alerts: where the store map places consenting clients. */
  alerts: readonly ArrivalAlert[];
}

/** The client desk's open view above the arrivals, with the way back to them. */
export function CustomerSearchDesk({
  desk,
  token,
  storeId,
  me,
  locale,
  alerts,
}: CustomerSearchDeskProps) {
  const { view } = desk;
  if (view.kind === 'closed') return null;
  return (
    <div class="desk">
      <button type="button" class="text-button desk__back" onClick={desk.close}>
        ← Back to arrivals
      </button>
      {view.kind === 'search' && (
        <CustomerSearchResults
          q={view.q}
          loading={view.loading}
          result={view.result}
          error={view.error}
          storeId={storeId}
          onOpen={desk.openCard}
        />
      )}
      {view.kind === 'card' && (
        <CustomerCard
          customerId={view.customerId}
          card={view.card}
          error={view.error}
          storeId={storeId}
          me={me}
          locale={locale}
        />
      )}
      {view.kind === 'register' && <RegisterForm token={token} onOpen={desk.openCard} />}
      {view.kind === 'map' && <StoreMap token={token} alerts={alerts} />}
      {view.kind === 'scan' && (
        <ScanPanel token={token} onShowArrivals={desk.close} onOpen={desk.openCard} />
      )}
    </div>
  );
}
