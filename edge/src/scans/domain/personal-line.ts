import type { CustomerProfile, ProductCard } from '@vitrine/shared';

/** The scan answer's limit for the line. */
const MAX_LENGTH = 280;

const clamp = (line: string) =>
  line.length <= MAX_LENGTH ? line : `${line.slice(0, MAX_LENGTH - 1)}…`;

/**
 * A line for the customer's own phone when their history meets the product they scanned:
 * the same piece bought before, or one of the same category. Their own purchases only,
 * shown only to them; null without profiling consent or without such a purchase.
 */
export function personalLine(
  profile: Pick<CustomerProfile, 'consent' | 'recentPurchases'>,
  product: ProductCard,
): string | null {
  if (!profile.consent.profiling) return null;
  for (const purchase of profile.recentPurchases) {
    const same = purchase.lines.find((line) => line.sku === product.sku);
    if (same) return clamp(`You bought the ${same.name} at ${purchase.storeName}.`);
  }
  for (const purchase of profile.recentPurchases) {
    const related = purchase.lines.find((line) => line.category === product.category);
    if (related) {
      return clamp(`It goes with the ${related.name} you bought at ${purchase.storeName}.`);
    }
  }
  return null;
}
