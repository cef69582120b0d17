import { describe, expect, it } from 'vitest';
import {
  classifyCustomerQuery,
  foldName,
  maskEmail,
  maskPhone,
  NAME_FOLD_FROM,
  NAME_FOLD_TO,
} from './customer-search.ts';

describe('customer search', () => {
  it('folds case and accents, one letter for one letter', () => {
    expect(foldName('Élise DÜRR-Çağlar')).toBe('elise durr-caglar');
    expect([...NAME_FOLD_FROM]).toHaveLength(NAME_FOLD_TO.length);
    for (const letter of NAME_FOLD_FROM) expect(foldName(letter)).toHaveLength(1);
  });

  it.each([
    { q: ' Ines.Moreau@Example.org ', expect: { kind: 'email', email: 'ines.moreau@example.org' } },
    {
      q: '+81 90-1234-5678',
      expect: { kind: 'phone', raw: '+81 90-1234-5678', digits: '819012345678' },
    },
    { q: '(06) 12 3', expect: { kind: 'name', words: ['(06)', '12', '3'] } },
    { q: '  Inès   MOR ', expect: { kind: 'name', words: ['ines', 'mor'] } },
  ])('takes "$q" for what it is', ({ q, expect: want }) => {
    expect(classifyCustomerQuery(q)).toEqual(want);
  });

  it('masks an email to its first letter and domain, a phone to its last three digits', () => {
    expect(maskEmail('ines.moreau@example.org')).toBe('i•••@example.org');
    expect(maskEmail('broken')).toBe('•••');
    expect(maskPhone('+33612345678')).toBe('+••••••••678');
    expect(maskPhone('12')).toBe('12');
  });
});
