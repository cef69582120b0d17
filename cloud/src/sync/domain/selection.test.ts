import { describe, expect, it } from 'vitest';
import { recentVisitCutoff, selectionEnd } from './selection.ts';

const PARIS = 'sto_paris-rivoli';
const seen = new Date('2026-03-10T15:30:00.000Z');

describe('store selection', () => {
  it('puts the recent-visit cutoff twelve months back', () => {
    expect(recentVisitCutoff(new Date('2026-11-01T09:00:00.000Z')).toISOString()).toBe(
      '2025-11-01T09:00:00.000Z',
    );
  });

  it('lets a recent visitor go twelve months after their last visit or purchase here', () => {
    const end = selectionEnd(PARIS, {
      homeStoreId: 'sto_tokyo-ginza',
      tier: 'silver',
      lastSeenHere: seen,
    });
    expect(end?.toISOString()).toBe('2027-03-10T15:30:00.000Z');
    // The instant they leave is the instant the cutoff passes their visit.
    expect(recentVisitCutoff(end ?? new Date(0)).getTime()).toBe(seen.getTime());
  });

  it('keeps home-store and top-tier customers with no end in time', () => {
    expect(
      selectionEnd(PARIS, { homeStoreId: PARIS, tier: 'member', lastSeenHere: seen }),
    ).toBeNull();
    expect(selectionEnd(PARIS, { homeStoreId: null, tier: 'gold', lastSeenHere: seen })).toBeNull();
    expect(
      selectionEnd(PARIS, { homeStoreId: null, tier: 'platinum', lastSeenHere: null }),
    ).toBeNull();
  });

  it('holds an invited guest until their event here ends, or their visit ages out if later', () => {
    const guest = { homeStoreId: 'sto_tokyo-ginza', tier: 'member' as const };
    const eventEnds = new Date('2026-12-05T21:00:00.000Z');
    expect(selectionEnd(PARIS, { ...guest, lastSeenHere: null, invitedUntil: eventEnds })).toEqual(
      eventEnds,
    );
    expect(
      selectionEnd(PARIS, { ...guest, lastSeenHere: seen, invitedUntil: eventEnds })?.toISOString(),
    ).toBe('2027-03-10T15:30:00.000Z');
    const lateVisit = new Date('2025-11-01T10:00:00.000Z');
    expect(
      selectionEnd(PARIS, { ...guest, lastSeenHere: lateVisit, invitedUntil: eventEnds }),
    ).toEqual(eventEnds);
  });
});
