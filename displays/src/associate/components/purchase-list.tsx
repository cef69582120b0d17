import type { PurchaseSummary } from '@vitrine/shared';
import { formatMoney } from '../domain/money.ts';
import { classifyPurchases, describeLines } from '../domain/purchases.ts';
import { formatDate } from '../domain/relative-time.ts';

export interface PurchaseListProps {
  purchases: readonly PurchaseSummary[];
  storeId: string;
  locale: string;
}

export function PurchaseList({ purchases, storeId, locale }: PurchaseListProps) {
  if (purchases.length === 0) return <p class="muted">No purchases yet.</p>;
  return (
    <ol class="purchases">
      {classifyPurchases(purchases, storeId).map(({ purchase, otherStore }) => (
        <li
          class={otherStore ? 'purchase purchase--other' : 'purchase'}
          key={purchase.id}
          data-other-store={otherStore ? 'true' : 'false'}
        >
          <div class="purchase__where">
            <span class="purchase__store">{purchase.storeName}</span>
            {otherStore && <span class="tag tag--other">Other store</span>}
          </div>
          <time class="purchase__date" dateTime={purchase.purchasedAt}>
            {formatDate(purchase.purchasedAt, { locale })}
          </time>
          <div class="purchase__items">{describeLines(purchase.lines)}</div>
          <div class="purchase__total">
            {formatMoney(purchase.total, purchase.currency, { locale })}
          </div>
        </li>
      ))}
    </ol>
  );
}
