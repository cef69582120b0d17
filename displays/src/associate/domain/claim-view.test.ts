import type { ArrivalClaim } from '@vitrine/shared';
import { describe, expect, it } from 'vitest';
import {
  acknowledgedLine,
  holdingLine,
  holdingOf,
  mayRecordOutcome,
  pendingLine,
} from './claim-view.ts';

const claim = (change: Partial<ArrivalClaim> = {}): ArrivalClaim => ({
  alertId: 'alr_1',
  customerId: 'cus_000001',
  arrivedAt: '2026-11-23T05:00:00.000Z',
  acknowledged: null,
  claimedBy: null,
  outcomes: [],
  revision: 1,
  ...change,
});
const aiko = { associateId: 'asc_aiko', name: 'Aiko Sato', at: '2026-11-23T05:02:00.000Z' };
const text = { locale: 'en-GB', timeZone: 'Asia/Tokyo' };

describe('holdingOf', () => {
  it('says nobody holds an arrival that has no claim yet', () => {
    expect(holdingOf(undefined, 'asc_aiko')).toEqual({ kind: 'nobody' });
  });

  it('tells the holder apart from their colleagues', () => {
    expect(holdingOf(claim({ claimedBy: aiko }), 'asc_aiko').kind).toBe('me');
    expect(holdingOf(claim({ claimedBy: aiko }), 'asc_kenji')).toEqual({
      kind: 'colleague',
      name: 'Aiko',
      since: aiko.at,
    });
  });
});

describe('holdingLine', () => {
  it('names the colleague and the time they took the customer, in the store’s time', () => {
    const line = holdingLine(holdingOf(claim({ claimedBy: aiko }), 'asc_kenji'), text);
    expect(line).toBe('with Aiko since 14:02');
  });

  it('speaks to the holder', () => {
    expect(holdingLine(holdingOf(claim({ claimedBy: aiko }), 'asc_aiko'), text)).toBe(
      'with you since 14:02',
    );
  });

  it('says nothing when nobody holds the customer', () => {
    expect(holdingLine({ kind: 'nobody' }, text)).toBeNull();
  });
});

describe('acknowledgedLine', () => {
  it('names who saw the alert first', () => {
    expect(acknowledgedLine(claim({ acknowledged: aiko }), 'asc_kenji', text)).toBe(
      'Seen by Aiko at 14:02',
    );
    expect(acknowledgedLine(claim(), 'asc_kenji', text)).toBeNull();
  });
});

describe('mayRecordOutcome', () => {
  it('lets the holder or anyone on a free arrival record, not a colleague of the holder', () => {
    expect(mayRecordOutcome({ kind: 'nobody' })).toBe(true);
    expect(mayRecordOutcome({ kind: 'me', since: aiko.at })).toBe(true);
    expect(mayRecordOutcome({ kind: 'colleague', name: 'Aiko', since: aiko.at })).toBe(false);
  });
});

describe('pendingLine', () => {
  const request = {
    id: 1,
    alertId: 'alr_1',
    action: { kind: 'claim', takeOver: false } as const,
    askedAt: 0,
    outcomesBefore: 0,
  };

  it('says the request is on its way, then that it waits for the connection', () => {
    expect(pendingLine({ ...request, state: 'sending' })).toBe('Claiming…');
    expect(pendingLine({ ...request, state: 'waiting' })).toBe(
      'Connection lost: the claim will be sent when it is back.',
    );
  });
});
