import { describe, expect, it } from 'vitest';
import { qrTiming } from './qr-timing.ts';

describe('the rotating QR timing', () => {
  it('counts down to the next 30-second step', () => {
    expect(qrTiming(1_000_000_000_000)).toEqual({
      step: 33_333_333,
      msUntilNext: 20_000,
      secondsLeft: 20,
    });
  });

  it('starts a new step exactly on the boundary, with the whole step to run', () => {
    const timing = qrTiming(33_333_334 * 30_000);
    expect(timing.step).toBe(33_333_334);
    expect(timing.secondsLeft).toBe(30);
  });

  it('never shows zero seconds while the step lasts', () => {
    expect(qrTiming(33_333_335 * 30_000 - 1).secondsLeft).toBe(1);
  });

  it('follows another step length', () => {
    expect(qrTiming(61_000, 60)).toMatchObject({ step: 1, secondsLeft: 59 });
  });
});
