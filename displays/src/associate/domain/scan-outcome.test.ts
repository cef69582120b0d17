import { describe, expect, it } from 'vitest';
import { cameraScanSupported, readScanAnswer, refusalSentence } from './scan-outcome.ts';

describe('a scan answer', () => {
  it('reads an admitted ticket', () => {
    expect(
      readScanAnswer({
        admission: {
          ticketId: 'tkt_1',
          eventId: 'evt_launch',
          customerId: 'cus_000001',
          admission: 1,
          admits: 2,
        },
      }),
    ).toEqual({
      kind: 'admitted',
      ticketId: 'tkt_1',
      eventId: 'evt_launch',
      customerId: 'cus_000001',
      admission: 1,
      admits: 2,
    });
  });

  it('takes an alert that fails the schema for an answer it cannot show', () => {
    expect(readScanAnswer({ alert: { customerId: 'cus_000001' } })).toEqual({ kind: 'done' });
  });

  it("says a refusal in the associate's words, or the edge's own", () => {
    expect(refusalSentence('already_used', 'x')).toMatch(/already used/);
    expect(refusalSentence('something_new', 'The edge says why.')).toBe('The edge says why.');
  });

  it('detects the camera reader by feature, not by browser name', () => {
    expect(cameraScanSupported({})).toBe(false);
    expect(cameraScanSupported({ BarcodeDetector: class {} })).toBe(true);
  });
});
