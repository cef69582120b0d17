import { describe, expect, it } from 'vitest';
import { formatMoney } from './money.ts';

describe('formatMoney', () => {
  it('formats yen without decimals, as the currency has none', () => {
    expect(formatMoney(1234567, 'JPY', { locale: 'en-US' })).toBe('¥1,234,567');
  });

  it('keeps cents on a euro purchase total', () => {
    expect(formatMoney(1280.5, 'EUR', { locale: 'en-US' })).toBe('€1,280.50');
  });

  it('drops cents from a lifetime value', () => {
    expect(formatMoney(48250.75, 'USD', { locale: 'en-US', wholeUnits: true })).toBe('$48,251');
  });

  it('follows the locale for separators and symbol placement', () => {
    expect(formatMoney(1280.5, 'EUR', { locale: 'fr-FR' })).toMatch(/^1\s280,50\s€$/);
  });

  it('falls back to a plain amount and code for an invalid currency code', () => {
    expect(formatMoney(12.5, 'X1!', { locale: 'en-US' })).toBe('12.50 X1!');
  });
});
