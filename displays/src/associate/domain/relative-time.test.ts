import { describe, expect, it } from 'vitest';
import { formatClockTime, formatDate, formatRelativeTime } from './relative-time.ts';

const now = new Date('2026-11-23T10:00:00.000Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('formatRelativeTime', () => {
  it('says now for an arrival seconds ago', () => {
    expect(formatRelativeTime(ago(10_000), now, { locale: 'en-US' })).toBe('now');
  });

  it('reads an arrival slightly in the future (clock skew) as now', () => {
    expect(formatRelativeTime(ago(-5_000), now, { locale: 'en-US' })).toBe('now');
  });

  it('counts minutes under an hour', () => {
    expect(formatRelativeTime(ago(4 * 60_000 + 10_000), now, { locale: 'en-US' })).toBe(
      '4 min. ago',
    );
  });

  it('rounds 50 seconds up to a minute', () => {
    expect(formatRelativeTime(ago(50_000), now, { locale: 'en-US' })).toBe('1 min. ago');
  });

  it('counts whole hours under a day', () => {
    expect(formatRelativeTime(ago(2 * 3_600_000 + 59 * 60_000), now, { locale: 'en-US' })).toBe(
      '2 hr. ago',
    );
  });

  it('says yesterday for a day ago', () => {
    expect(formatRelativeTime(ago(26 * 3_600_000), now, { locale: 'en-US' })).toBe('yesterday');
  });

  it('accepts an ISO string with an offset', () => {
    expect(formatRelativeTime('2026-11-23T18:50:00+09:00', now, { locale: 'en-US' })).toBe(
      '10 min. ago',
    );
  });

  it('returns an empty string for an unreadable time', () => {
    expect(formatRelativeTime('not a date', now)).toBe('');
  });
});

describe('formatClockTime', () => {
  it('shows the wall-clock time in the given time zone', () => {
    expect(formatClockTime(now, { locale: 'en-GB', timeZone: 'Asia/Tokyo' })).toBe('19:00');
  });
});

describe('formatDate', () => {
  it('shows a medium date in the given time zone', () => {
    expect(formatDate('2026-03-12T23:30:00Z', { locale: 'en-GB', timeZone: 'Asia/Tokyo' })).toBe(
      '13 Mar 2026',
    );
  });
});
