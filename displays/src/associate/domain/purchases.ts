import type { PurchaseLine, PurchaseSummary } from '@vitrine/shared';

export interface ClassifiedPurchase {
  purchase: PurchaseSummary;
  /** Bought in another store of the organisation: the one-customer-view moment. */
  otherStore: boolean;
}

/** The customer's recent purchases, newest first, each marked when made in another store. */
export function classifyPurchases(
  purchases: readonly PurchaseSummary[],
  currentStoreId: string,
): ClassifiedPurchase[] {
  return [...purchases]
    .sort((a, b) => Date.parse(b.purchasedAt) - Date.parse(a.purchasedAt))
    .map((purchase) => ({ purchase, otherStore: purchase.storeId !== currentStoreId }));
}

/** "Silk scarf ×2, Camera strap": what was bought, in a line a card can hold. */
export function describeLines(lines: readonly PurchaseLine[]): string {
  return lines
    .map((line) => (line.quantity > 1 ? `${line.name} ×${line.quantity}` : line.name))
    .join(', ');
}
