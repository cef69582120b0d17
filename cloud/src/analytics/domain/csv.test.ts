import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.ts';

describe('CSV export', () => {
  const cases: Array<{ name: string; value: string | number | null; expect: string }> = [
    { name: 'plain text', value: 'zon_paris-floor', expect: 'zon_paris-floor' },
    { name: 'a comma', value: 'Rivoli, Paris', expect: '"Rivoli, Paris"' },
    { name: 'quotes', value: 'the "VIP" lounge', expect: '"the ""VIP"" lounge"' },
    { name: 'a line break', value: 'two\nlines', expect: '"two\nlines"' },
    { name: 'a formula', value: '=HYPERLINK("x")', expect: `"'=HYPERLINK(""x"")"` },
    { name: 'a leading minus in text', value: '-1+1', expect: "'-1+1" },
    { name: 'a negative number', value: -3.5, expect: '-3.5' },
    { name: 'nothing', value: null, expect: '' },
    { name: 'not a number', value: Number.NaN, expect: '' },
  ];
  for (const { name, value, expect: expected } of cases) {
    it(`writes ${name} so that a spreadsheet reads it back`, () => {
      expect(csvCell(value)).toBe(expected);
    });
  }

  it('writes a header and CRLF-terminated rows', () => {
    const csv = toCsv(
      [
        { header: 'store', value: (row: { store: string; n: number }) => row.store },
        { header: 'visits', value: (row) => row.n },
      ],
      [
        { store: 'sto_a', n: 3 },
        { store: 'sto_b, annex', n: 0 },
      ],
    );
    expect(csv).toBe('store,visits\r\nsto_a,3\r\n"sto_b, annex",0\r\n');
  });
});
