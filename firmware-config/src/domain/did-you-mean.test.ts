import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from './did-you-mean.ts';

describe('did you mean', () => {
  it('counts a swap of two letters as one edit', () => {
    expect(editDistance('zoen', 'zone')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('finds a key written in another case or with underscores', () => {
    expect(didYouMean('measured_power_dbm', ['measuredPowerDbm', 'txPowerDbm'])).toBe(
      'measuredPowerDbm',
    );
    expect(didYouMean('timezone', ['id', 'name', 'timeZone'])).toBe('timeZone');
  });

  it('suggests nothing for a word far from every candidate', () => {
    expect(didYouMean('colour', ['id', 'zone', 'kind', 'uuid'])).toBeNull();
    expect(didYouMean('zon_a-counter', ['zon_a-lounge'], { maxEdits: 2 })).toBeNull();
  });
});
