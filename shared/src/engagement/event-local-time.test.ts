import { describe, expect, it } from 'vitest';
import { instantOfLocal } from './event-local-time.ts';

const cases = [
  {
    name: 'Paris in winter',
    zone: 'Europe/Paris',
    local: '2026-12-09T19:00',
    expect: '2026-12-09T18:00:00.000Z',
  },
  {
    name: 'Paris in summer',
    zone: 'Europe/Paris',
    local: '2026-07-01T19:00',
    expect: '2026-07-01T17:00:00.000Z',
  },
  {
    name: 'Tokyo, no daylight saving',
    zone: 'Asia/Tokyo',
    local: '2026-03-29T02:30',
    expect: '2026-03-28T17:30:00.000Z',
  },
  {
    name: 'Paris, the hour skipped in spring',
    zone: 'Europe/Paris',
    local: '2026-03-29T02:30',
    expect: 'skipped',
  },
  {
    name: 'Paris, just after the spring jump',
    zone: 'Europe/Paris',
    local: '2026-03-29T03:00',
    expect: '2026-03-29T01:00:00.000Z',
  },
  {
    name: 'Paris, the hour shown twice in autumn: its first time',
    zone: 'Europe/Paris',
    local: '2026-10-25T02:30',
    expect: '2026-10-25T00:30:00.000Z',
  },
  {
    name: 'New York, the spring gap',
    zone: 'America/New_York',
    local: '2026-03-08T02:15',
    expect: 'skipped',
  },
  {
    name: 'a date that does not exist',
    zone: 'Europe/Paris',
    local: '2026-02-30T10:00',
    expect: 'invalid',
  },
  { name: 'an hour past 23', zone: 'Europe/Paris', local: '2026-02-03T24:00', expect: 'invalid' },
  { name: 'with seconds', zone: 'Europe/Paris', local: '2026-02-03T10:00:00', expect: 'invalid' },
];

describe('instantOfLocal', () => {
  for (const testCase of cases) {
    it(`reads ${testCase.name}`, () => {
      const result = instantOfLocal(testCase.zone, testCase.local);
      const seen = result.kind === 'instant' ? result.at.toISOString() : result.kind;
      expect(seen).toBe(testCase.expect);
    });
  }
});
