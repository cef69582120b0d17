import { describe, expect, it } from 'vitest';
import { canonicalEmail, normaliseEmail, normalisePhone, phoneTail } from './contact-keys.ts';

const phoneCases = [
  {
    name: 'international with spaces',
    phone: '+81 90 1234 5678',
    country: 'FR',
    expect: '819012345678',
  },
  {
    name: 'international with 00',
    phone: '0033 6 12 34 56 78',
    country: 'JP',
    expect: '33612345678',
  },
  {
    name: 'national Japanese with trunk 0',
    phone: '090-1234-5678',
    country: 'JP',
    expect: '819012345678',
  },
  {
    name: 'national French with trunk 0',
    phone: '06.12.34.56.78',
    country: 'FR',
    expect: '33612345678',
  },
  { name: 'ten-digit US number', phone: '(212) 555-0100', country: 'US', expect: '12125550100' },
  { name: 'US number with its 1', phone: '1 212 555 0100', country: 'US', expect: '12125550100' },
  { name: 'unknown country: digits only', phone: '06 12 34', country: null, expect: '061234' },
];

describe('contact keys', () => {
  it('normalises an email for case and whitespace', () => {
    expect(normaliseEmail('  Jane.Doe @Example.COM ')).toBe('jane.doe@example.com');
  });

  it('canonicalises dots and +tags of the local part only', () => {
    expect(canonicalEmail('J.Doe+shop@mail.example.com')).toBe('jdoe@mail.example.com');
    expect(canonicalEmail('jdoe@mail.example.com')).toBe('jdoe@mail.example.com');
  });

  for (const testCase of phoneCases) {
    it(`normalises a phone: ${testCase.name}`, () => {
      expect(normalisePhone(testCase.phone, testCase.country)).toBe(testCase.expect);
    });
  }

  it('takes the tail of a number', () => {
    expect(phoneTail('819012345678', 9)).toBe('012345678');
  });
});
