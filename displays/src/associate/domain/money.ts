export interface MoneyFormatOptions {
  locale?: string;
  /** Lifetime values read better without cents; purchase totals keep the currency's digits. */
  wholeUnits?: boolean;
}

/**
 * An amount in its own currency (a Paris customer's lifetime value stays in euros on a
 * Tokyo tablet): the associate must read what the customer actually spent.
 */
export function formatMoney(
  amount: number,
  currency: string,
  { locale = 'en', wholeUnits = false }: MoneyFormatOptions = {},
): string {
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      ...(wholeUnits ? { maximumFractionDigits: 0, minimumFractionDigits: 0 } : {}),
    }).format(amount);
  } catch {
    // An unknown currency code must not blank the whole card.
    const digits = wholeUnits ? 0 : 2;
    return `${amount.toFixed(digits)} ${currency}`;
  }
}
